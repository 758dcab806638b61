import { readFile } from 'node:fs/promises';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { alertMessage, createIssueViaForm, postComment, sidebar, uniqueTag } from './issues-helpers';

test('time logged on an issue shows in the customer report: chart, sortable table, drill-down and CSV, and passes axe', async ({ page }) => {
  await signIn(page, 'developer');
  const title = `Billable work ${uniqueTag()}`;
  const iid = await createIssueViaForm(page, title, 'For Harborview.\n/add_contacts [contact:emily.chen@harborview.example]');
  await postComment(page, '/spend 3h');
  await expect(sidebar(page).getByTestId('time-spent')).toHaveText('3h');

  await page.goto('/groups/acme');
  await page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Customer report' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/report$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer report' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart of hours and billable amount/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const table = page.getByRole('region', { name: 'Customer report table' });
  const harborview = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Harborview Hotels' }) });
  await expect(harborview).toContainText('150.00');
  // Sorting by name puts the organizations in alphabetical order, and says so.
  await table.getByRole('button', { name: 'Organization' }).click();
  await expect(table.getByRole('columnheader', { name: /Organization/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await table.locator('tbody').getByRole('rowheader').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^customer-report-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Organization,From,To,Linked issues,Opened,Closed,Hours,Default rate,Billable amount,Shared issues');
  expect(csv).toMatch(/\r\nHarborview Hotels,/);

  await harborview.getByRole('link', { name: 'Harborview Hotels' }).click();
  const drillDown = page.getByRole('region', { name: /Harborview Hotels: issues and time/ });
  const issueRow = drillDown.getByRole('row').filter({ hasText: title });
  await expect(issueRow).toContainText('3.00');
  await expect(issueRow.getByRole('link', { name: `#${iid} ${title}` })).toBeVisible();
  await expect(drillDown.getByRole('list', { name: 'Time entries' })).toContainText(`3h by Devi Developer on #${iid} ${title}`);
  await expectNoAxeViolations(page);

  // A period that ends before it starts is refused next to the form.
  await page.getByLabel('From', { exact: true }).fill('2026-03-31');
  await page.getByLabel('To', { exact: true }).fill('2026-03-01');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(alertMessage(page, 'The period ends before it starts: to (2026-03-01) must be on or after from (2026-03-31)')).toBeVisible();
});

test('the organization page shows its hours and billable amount of this month', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/groups/acme/-/crm/organizations');
  await page.getByRole('link', { name: 'Harborview Hotels' }).first().click();
  await expect(page.getByText('Hours this month')).toBeVisible();
  await expect(page.getByText('Billable this month')).toBeVisible();
});

test('a Planner has no customer report', async ({ page }) => {
  await signIn(page, 'planner');
  await page.goto('/groups/acme');
  await expect(page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Customer report' })).toHaveCount(0);
  const response = await page.goto('/groups/acme/-/crm/report');
  expect(response?.status()).toBe(404);
});
