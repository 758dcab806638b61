import { randomBytes } from 'node:crypto';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const tag = () => randomBytes(3).toString('hex');

function csvFile(rows: string[]) {
  return { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\r\n')}\r\n`) };
}

test('a developer imports contacts: a dry run finds the bad row, the fixed file imports with a progress bar', async ({ page }) => {
  const run = tag();
  const header = 'First name,Last name,E-mail,Company,Shoe size';
  const good = [`Imported,Ada${run},ada.${run}@import.example,Import Org ${run},41`, `Imported,Bob${run},bob.${run}@import.example,,44`];
  await signIn(page, 'developer');
  await page.goto('/groups/acme/-/crm/contacts');
  await page.getByRole('link', { name: /^Import CSV/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import contacts and organizations' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Import' })).toHaveAttribute('aria-current', 'page');

  await page.getByLabel('CSV file').setInputFiles(csvFile([header, ...good, `Imported,Broken${run},not-an-email,,`]));
  // The columns are recognised from the headers; the extra one is listed as ignored.
  await expect(page.getByLabel('First name (required)')).toHaveValue('First name');
  await expect(page.getByLabel('Organization', { exact: true })).toHaveValue('Company');
  await expect(page.getByText('Ignored columns: Shoe size')).toBeVisible();
  await expect(page.getByRole('table', { name: /First 3 rows of the file/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Run dry run' }).click();
  const report = page.getByRole('region', { name: 'Dry run report' });
  await expect(report.getByRole('status')).toContainText('2 contacts to create, 0 to update, 0 unchanged, 1 rejected');
  await expect(report.getByRole('row', { name: '4 E-mail Email is invalid' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await expectNoAxeViolations(page);

  await page.getByLabel('CSV file').setInputFiles(csvFile([header, ...good]));
  await page.getByRole('button', { name: 'Run dry run' }).click();
  await expect(report.getByRole('status')).toContainText('2 contacts to create, 0 to update, 0 unchanged, 0 rejected, 1 new organization to create');

  // The progress bar is fed by the server's NDJSON lines; it is gone once the report is in, which
  // on a small file can be sooner than a poll would look, so a MutationObserver records it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressValues: string[] }).progressValues = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-valuenow]');
      if (bar) seen.push(bar.getAttribute('aria-valuenow') ?? '');
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished.getByRole('status')).toContainText('2 contacts created, 0 updated, 0 unchanged, 0 rejected, 1 new organization created');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { progressValues: string[] }).progressValues)).toContain('0');
  await expect(page.getByRole('region', { name: 'Recent imports' })).toContainText('imported contacts: 2 created, 0 updated, 0 unchanged');

  await page.getByRole('link', { name: 'Go to the contacts list' }).click();
  await page.getByRole('searchbox').fill(run);
  await expect(page.getByRole('cell', { name: `Ada${run}`, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: `Bob${run}`, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: `Import Org ${run}`, exact: true }).first()).toBeVisible();
});

test('a reporter has no import: no link, and the page is not found', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/groups/acme/-/crm/contacts');
  await expect(page.getByRole('link', { name: /^Import CSV/ })).toHaveCount(0);
  expect((await page.goto('/groups/acme/-/crm/import'))?.status()).toBe(404);
});
