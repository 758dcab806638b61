import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { chooseCustomerFilter } from './customer-filters';
import { createIssueViaForm, issuesUrl, project, sidebar, uniqueTag } from './issues-helpers';

const issueList = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Issues' });

test('a developer lists issues by state, searches, and opens one', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(issuesUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Filter issues by state' });
  await expect(tabs.getByRole('link', { name: /Open \d+/ })).toHaveAttribute('aria-current', 'page');
  await expect(issueList(page).getByRole('link', { name: 'Checkout page times out for enterprise customers' })).toBeVisible();
  await expect(issueList(page).getByRole('link', { name: 'Invoice PDF shows the wrong VAT rate' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await tabs.getByRole('link', { name: /Closed \d+/ }).click();
  await expect(page).toHaveURL(/state=closed/);
  await expect(issueList(page).getByRole('link', { name: 'Invoice PDF shows the wrong VAT rate' })).toBeVisible();
  await expect(issueList(page).getByRole('link', { name: 'Checkout page times out for enterprise customers' })).toHaveCount(0);

  // The counts follow the search; the search keeps the state tab.
  await page.getByRole('searchbox', { name: 'Search issues' }).fill('invoice');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/state=closed.*search=invoice|search=invoice.*state=closed/);
  await expect(issueList(page).getByRole('listitem')).toHaveCount(1);
  await expect(tabs.getByRole('link', { name: 'Closed 1' })).toBeVisible();
  await tabs.getByRole('link', { name: /All \d+/ }).click();
  await expect(page).toHaveURL(/state=all/);
  await expect(page).toHaveURL(/search=invoice/);

  await page.goto(issuesUrl());
  await issueList(page).getByRole('link', { name: 'Checkout page times out for enterprise customers' }).click();
  await expect(page).toHaveURL(new RegExp(`/${project}/-/issues/1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout page times out for enterprise customers');
});

test('filters by a contact from the sidebar and by an organization, and clears them', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto(`${issuesUrl()}/1`);
  await sidebar(page).getByRole('link', { name: 'Alice Johnson' }).click();
  await expect(page).toHaveURL(/crm_contact_id=\d+/);
  const contactFilter = page.getByTestId('contact-filter');
  await expect(contactFilter).toContainText('Contact: Alice Johnson');
  await expect(issueList(page).getByRole('link', { name: 'Checkout page times out for enterprise customers' })).toBeVisible();
  await expect(issueList(page).getByRole('link', { name: 'Update the pricing page for the new plans' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const aliceIssues = await issueList(page).getByRole('listitem').count();
  await contactFilter.getByRole('link', { name: 'Clear contact filter Alice Johnson' }).click();
  await expect(page).not.toHaveURL(/crm_contact_id/);
  await expect(contactFilter).toHaveCount(0);
  // Other journeys add issues, so the seeded ones may have moved past the first page: count instead.
  await expect.poll(() => issueList(page).getByRole('listitem').count()).toBeGreaterThan(aliceIssues);

  // The searchable filter control, by keyboard: it applies on choosing.
  await chooseCustomerFilter(page, 'Organization', 'kest', 'Kestrel Software');
  await expect(page).toHaveURL(/crm_organization_id=\d+/);
  const organizationFilter = page.getByTestId('organization-filter');
  await expect(organizationFilter).toContainText('Organization: Kestrel Software');
  // Kestrel's only issue is closed: the Open tab is empty, All shows it.
  await expect(page.getByText('No issues found')).toBeVisible();
  await page.getByRole('navigation', { name: 'Filter issues by state' }).getByRole('link', { name: 'All 1' }).click();
  await expect(issueList(page).getByRole('link', { name: 'Invoice PDF shows the wrong VAT rate' })).toBeVisible();
  await organizationFilter.getByRole('link', { name: /Clear organization filter/ }).click();
  await expect(page).not.toHaveURL(/crm_organization_id/);
  await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveValue('');
  await expect(page).toHaveURL(/state=all/);
});

test('pages through the list with Next and Prev', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(`${issuesUrl()}?state=all`);
  const allCount = Number(await page.getByTestId('all-count').textContent());
  // Enough issues for a second page of 20.
  const tag = uniqueTag();
  for (let index = allCount; index < 21; index += 1) await createIssueViaForm(page, `Paging ${tag} ${index}`);

  await page.goto(`${issuesUrl()}?state=all`);
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await expect(issueList(page).getByRole('listitem')).toHaveCount(20);
  await expect(pagination.getByRole('link', { name: 'Prev', exact: true })).toHaveCount(0);
  const firstPageTitles = await issueList(page).getByRole('listitem').getByRole('link').allTextContents();
  await pagination.getByRole('link', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(/after=/);
  const secondPageTitles = await issueList(page).getByRole('listitem').getByRole('link').allTextContents();
  expect(secondPageTitles.length).toBeGreaterThan(0);
  expect(secondPageTitles.filter((title) => firstPageTitles.includes(title))).toEqual([]);
  await pagination.getByRole('link', { name: 'Prev', exact: true }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(issueList(page).getByRole('listitem').getByRole('link')).toHaveText(firstPageTitles);
});

test('bad list parameters fall back to a working list; unknown paths are 404', async ({ page }) => {
  await signIn(page, 'developer');
  const response = await page.goto(`${issuesUrl()}?state=bogus&crm_contact_id=abc&after=not-a-cursor&search=${'x'.repeat(400)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
  expect((await page.goto(`${issuesUrl()}/abc`))?.status()).toBe(404);
  expect((await page.goto(`${issuesUrl()}/999999`))?.status()).toBe(404);
  expect((await page.goto('/acme/no-such-project/-/issues'))?.status()).toBe(404);
});
