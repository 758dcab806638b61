import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { chooseCustomerFilter, clearCustomerFilter } from './customer-filters';

const issueList = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Issues' });
const row = (page: import('@playwright/test').Page, title: string) => issueList(page).getByRole('listitem').filter({ hasText: title });
const tabs = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Filter issues by state' });

test("the group issue list shows every project's issues with tabs, search and customer filters chosen by keyboard", async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/groups/acme');
  await page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Issues' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/issues$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Issues' })).toHaveAttribute('aria-current', 'page');

  // Open issues of the group's project and of its subgroup's, each with its project reference and customers.
  await expect(tabs(page).getByRole('link', { name: /Open \d+/ })).toHaveAttribute('aria-current', 'page');
  const checkout = row(page, 'Checkout page times out for enterprise customers');
  await expect(checkout).toContainText('acme/website#1');
  await expect(checkout.getByTestId('issue-customers')).toContainText('Northwind Traders (Alice Johnson, Bob Martinez)');
  const passwordReset = row(page, 'Password reset email never arrives');
  await expect(passwordReset).toContainText(/acme\/support\/helpdesk#\d+/);
  await expect(passwordReset.getByTestId('issue-customers')).toContainText('Valerie Brooks');
  await expect(issueList(page).getByRole('link', { name: 'Invoice PDF shows the wrong VAT rate' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Tabs, then a search that keeps the tab and spans both projects.
  await tabs(page).getByRole('link', { name: /Closed \d+/ }).click();
  await expect(page).toHaveURL(/state=closed/);
  await expect(issueList(page).getByRole('link', { name: 'Invoice PDF shows the wrong VAT rate' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search issues' }).fill('invoice');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/search=invoice/);
  await expect(issueList(page).getByRole('link', { name: 'Invoice PDF shows the wrong VAT rate' })).toBeVisible();
  await expect(issueList(page).getByRole('link', { name: 'Escalation: customer charged twice for the March invoice' })).toBeVisible();
  const closedCount = await issueList(page).getByRole('listitem').count();
  await expect(tabs(page).getByRole('link', { name: `Closed ${closedCount}` })).toBeVisible();
  await page.goto('/groups/acme/-/issues?state=all');

  // The organization filter applies as soon as it is chosen, across projects.
  await chooseCustomerFilter(page, 'Organization', 'northw', 'Northwind Traders');
  await expect(page).toHaveURL(/crm_organization_id=\d+/);
  await expect(page).toHaveURL(/state=all/);
  await expect(page.getByTestId('organization-filter')).toContainText('Organization: Northwind Traders');
  await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveValue('Northwind Traders');
  await expect(row(page, 'Checkout page times out for enterprise customers')).toBeVisible();
  await expect(row(page, 'Escalation: customer charged twice for the March invoice')).toContainText(/acme\/support\/helpdesk#\d+/);
  await expect(row(page, 'Password reset email never arrives')).toHaveCount(0);

  // Then a contact, keeping the organization.
  await chooseCustomerFilter(page, 'Contact', 'alice', 'Alice Johnson');
  await expect(page).toHaveURL(/crm_contact_id=\d+/);
  await expect(page).toHaveURL(/crm_organization_id=\d+/);
  await expect(page.getByTestId('contact-filter')).toContainText('Contact: Alice Johnson');
  await expect(issueList(page).getByRole('listitem')).toHaveCount(1);
  await expect(row(page, 'Checkout page times out for enterprise customers')).toBeVisible();
  await expect(tabs(page).getByRole('link', { name: 'All 1' })).toBeVisible();
  await expectNoAxeViolations(page);

  // With the list of options open, too.
  const contactField = page.getByRole('combobox', { name: 'Contact' });
  await contactField.focus();
  await contactField.press('Control+a');
  await contactField.pressSequentially('bob');
  await expect(page.getByRole('listbox', { name: 'Contact options' }).getByRole('option', { name: /Bob Martinez/ })).toBeVisible();
  await expect(contactField).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  await contactField.press('Escape');
  await expect(contactField).toHaveValue('Alice Johnson');

  await clearCustomerFilter(page, 'Organization');
  await expect(page).not.toHaveURL(/crm_organization_id/);
  await expect(page).toHaveURL(/crm_contact_id=\d+/);
  await clearCustomerFilter(page, 'Contact');
  await expect(page).not.toHaveURL(/crm_contact_id/);
  await expect(row(page, 'Password reset email never arrives')).toBeVisible();
});

test('the group list shows a Guest the issues without customer filters, and nothing to an outsider', async ({ page }) => {
  await signIn(page, 'guest');
  await page.goto('/groups/acme/-/issues');
  await expect(row(page, 'Checkout page times out for enterprise customers')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
  await expect(page.getByTestId('issue-customers')).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, 'outsider');
  expect((await page.goto('/groups/acme/-/issues'))?.status()).toBe(404);
});
