import { readFile } from 'node:fs/promises';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test('a developer downloads the contacts view they are looking at as CSV; a reporter has no export', async ({ page, browser }) => {
  await signIn(page, 'developer');
  await page.goto('/groups/acme/-/crm/contacts?search=mail.example&state=all&sort=FIRST_NAME_DESC');
  const exportLink = page.getByRole('link', { name: /^Export as CSV/ });
  await expect(exportLink).toHaveAttribute('href', '/groups/acme/-/crm/contacts/export.csv?search=mail.example&state=all&sort=FIRST_NAME_DESC');
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^acme-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = text.trimEnd().split('\r\n');
  expect(header).toBe('first_name,last_name,email,phone,organization,description,state');
  const firstNames = rows.map((row) => row.split(',')[0]);
  expect(firstNames).toEqual([...firstNames].sort().reverse());
  // The inactive contact is in the view (state=all), and a phone starting with + is escaped.
  expect(text).toContain("Elena,Popescu,elena.popescu@mail.example,'+40 21 555 0100,,,inactive");

  const reporterContext = await browser.newContext();
  const reporter = await reporterContext.newPage();
  await signIn(reporter, 'reporter');
  await reporter.goto('/groups/acme/-/crm/contacts');
  await expect(reporter.getByRole('heading', { level: 1, name: 'Customer relations contacts' })).toBeVisible();
  await expect(reporter.getByRole('link', { name: /^Export as CSV/ })).toHaveCount(0);
  expect((await reporter.goto('/groups/acme/-/crm/contacts/export.csv'))?.status()).toBe(404);
  await reporterContext.close();
});

test('the organizations list exports its default view', async ({ page }) => {
  await signIn(page, 'maintainer');
  await page.goto('/groups/acme/-/crm/organizations');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Export as CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^acme-organizations-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('name,default_rate,description,state,domains,tier,annual_revenue,account_owner');
  expect(text).toContain('Maple & Finch Architects');
});
