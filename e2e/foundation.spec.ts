import { demoPassword, expect, expectNoAxeViolations, recordRequests, signIn, test } from './fixtures';

test('a developer browses contacts from the group sidebar and hovers a contact on an issue', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto('/groups/acme');
  const sidebar = page.getByRole('navigation', { name: 'Group navigation' });
  await sidebar.getByRole('link', { name: 'Contacts' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/contacts/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer relations contacts' })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(21);
  await expectNoAxeViolations(page);
  await page.getByRole('searchbox', { name: /search/i }).fill('alice johnson');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/search=alice/);
  await expect(page.getByRole('cell', { name: 'alice.johnson@northwind.example' })).toBeVisible();

  await page.goto('/acme/website/-/issues/1');
  const details = page.getByRole('complementary', { name: 'Issue details' });
  await expect(details.getByText(/\d+ contacts?/)).toBeVisible();
  const requests = await recordRequests(page);
  await details.getByTestId('contact-link').filter({ hasText: 'Alice Johnson' }).hover();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: 'alice.johnson@northwind.example' })).toHaveAttribute('href', 'mailto:alice.johnson@northwind.example');
  expect(requests).toEqual([]);
  await expectNoAxeViolations(page);
});

test('the hover card opens on keyboard focus and closes on Escape', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/acme/website/-/issues/1');
  const link = page.getByTestId('contact-link').first();
  await link.focus();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
  await page.goto('/users/sign_in');
  await page.getByLabel('Username or email').fill('developer');
  await page.getByLabel('Password').fill(`${demoPassword}-wrong`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid login or password.' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an outsider gets a 404 for a group they are not a member of', async ({ page }) => {
  await signIn(page, 'outsider');
  const response = await page.goto('/groups/acme/-/crm/contacts');
  expect(response?.status()).toBe(404);
  const issue = await page.goto('/acme/website/-/issues/1');
  expect(issue?.status()).toBe(404);
});

test('a guest sees the issue but not its contacts', async ({ page }) => {
  await signIn(page, 'guest');
  await page.goto('/acme/website/-/issues/1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('contact-link')).toHaveCount(0);
  const contacts = await page.goto('/groups/acme/-/crm/contacts');
  expect(contacts?.status()).toBe(404);
});
