import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { contactsSection, createIssueViaForm, issuesUrl, sidebar, uniqueTag } from './issues-helpers';

const emily = 'Emily Chen';
const daniel = 'Daniel Okafor';

/** Opens a contact's request form in the sidebar, sets it and saves; the page re-renders with it. */
async function markRequest(page: import('@playwright/test').Page, contact: string, note: string) {
  const section = contactsSection(page);
  await section.getByRole('button', { name: `Request of ${contact}: important, note` }).click();
  const form = section.getByRole('form', { name: `Request of ${contact}` });
  await form.getByRole('checkbox', { name: 'Important request' }).check();
  await form.getByRole('textbox', { name: 'Note' }).fill(note);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

test('a request marked important in the sidebar shows in the hover card, ranks the issue first and lists it on the requests page', async ({ page }) => {
  await signIn(page, 'developer');
  const title = `Customers need exports ${uniqueTag()}`;
  await createIssueViaForm(page, title, 'Asked by Harborview.\n/add_contacts [contact:emily.chen@harborview.example] [contact:daniel.okafor@harborview.example]');
  const section = contactsSection(page);
  await expect(section.getByRole('link', { name: emily })).toBeVisible();

  // The form is keyboard reachable and labelled; a note over 255 characters is refused by name.
  await section.getByRole('button', { name: `Request of ${emily}: important, note` }).click();
  const form = section.getByRole('form', { name: `Request of ${emily}` });
  await form.getByRole('textbox', { name: 'Note' }).fill('x'.repeat(256));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Note is too long (maximum is 255 characters)')).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Cancel' }).click();

  await markRequest(page, emily, 'Asked on the quarterly call: exports for the auditors');
  await markRequest(page, daniel, 'Front desk needs it weekly');
  await expect(section.getByTestId('important-request')).toHaveCount(2);

  // The hover card says so.
  await sidebar(page).getByRole('link', { name: emily }).focus();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toContainText('Important request');
  await expect(card).toContainText('Asked on the quarterly call: exports for the auditors');
  await page.keyboard.press('Escape');

  // Sorted by important requests, the issue (two of them, more than any seeded one) comes first.
  await page.goto(issuesUrl());
  await page.getByLabel('Sort by').selectOption({ label: 'Most important requests' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/sort=important_requests_desc/);
  const first = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').first();
  await expect(first.getByRole('link', { name: title })).toBeVisible();
  await expect(first.getByTestId('issue-customer-weight')).toContainText('1 customer');
  await expect(first.getByTestId('issue-customer-weight')).toContainText('2 important');
  await expect(page.getByLabel('Sort by')).toHaveValue('important_requests_desc');
  await expectNoAxeViolations(page);

  // The group's requests page lists it with the organization, the flags and the notes.
  await page.goto('/groups/acme');
  await page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Customer requests' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/requests$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer requests' })).toBeVisible();
  const requested = page.getByTestId('requested-issue').filter({ has: page.getByRole('link', { name: title }) });
  await expect(requested).toContainText('Harborview Hotels');
  await expect(requested).toContainText('“Front desk needs it weekly”');
  await expect(requested.getByText('Important', { exact: true })).toHaveCount(2);
  await expectNoAxeViolations(page);
});

test('a Reporter sees the seeded requests but cannot change them', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto(`${issuesUrl()}/1`);
  await expect(contactsSection(page).getByTestId('important-request')).toHaveCount(1);
  await expect(contactsSection(page).getByRole('button', { name: /^Request of/ })).toHaveCount(0);
  await page.goto('/groups/acme/-/crm/requests');
  await expect(page.getByTestId('requested-issue').filter({ hasText: 'Blocks their monthly restock order' })).toBeVisible();
});

test('a Planner has no customer requests page', async ({ page }) => {
  await signIn(page, 'planner');
  await page.goto('/groups/acme');
  await expect(page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Customer requests' })).toHaveCount(0);
  const response = await page.goto('/groups/acme/-/crm/requests');
  expect(response?.status()).toBe(404);
});
