import { contactsUrl, statusMessage as crmStatusMessage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { alertMessage, commentBox, contactCount, contactsSection, createIssueViaForm, issuesUrl, postComment, sidebar } from './issues-helpers';

/** Issue 12's contract items seen in the browser: optional email, quick-action help, home page, tab titles. */

test('a contact saved without an email is listed and added to an issue with the sidebar picker', async ({ page }) => {
  const lastName = `Noemail${uniqueTag()}`;
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  await page.getByRole('button', { name: 'New contact' }).click();
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  const email = drawer.getByLabel('Email (optional)');
  await expect(email).toBeVisible();
  await expect(email).not.toHaveAttribute('aria-required', 'true');
  await drawer.getByLabel('First name').fill('Walk');
  await drawer.getByLabel('Last name').fill(lastName);
  await drawer.getByRole('button', { name: 'Save contact' }).click();
  await expect(crmStatusMessage(page, 'Contact has been added.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(lastName);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row').filter({ hasText: lastName })).toHaveCount(1);
  await expectNoAxeViolations(page);

  await createIssueViaForm(page, `Walk-in customer ${uniqueTag()}`);
  await contactsSection(page).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: 'Search contacts' }).fill(lastName);
  const results = page.getByRole('listbox', { name: 'Contacts to add' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await results.getByRole('option').click();
  await expect(contactCount(page)).toHaveText('1 contact');
  await page.keyboard.press('Escape');
  const link = sidebar(page).getByRole('link', { name: `Walk ${lastName}` });
  await expect(link).toBeVisible();
  // Its hover card has no email line to show.
  await link.focus();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toContainText(`Walk ${lastName}`);
  await expect(card.getByRole('link', { name: /@/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the quick-actions hint shows only to people who may run them, and a name in a reference is explained', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto(`${issuesUrl()}/1`);
  const hint = page.locator('#comment-body-hint');
  await expect(hint).toHaveText('Markdown is supported.');
  await expect(commentBox(page)).toHaveAccessibleDescription('Markdown is supported.');

  await page.context().clearCookies();
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Quick action by name ${uniqueTag()}`);
  await expect(hint).toContainText('/add_contacts [contact:name@example.com]');
  await postComment(page, '/add_contacts [contact:Pedro Alvarez]');
  await expect(
    alertMessage(page, '[contact:Pedro Alvarez] is not a contact email: contacts are referenced by email, for example [contact:name@example.com]'),
  ).toBeVisible();
  await expect(contactCount(page)).toHaveText('0 contacts');
  await expectNoAxeViolations(page);
});

test('the home page lists the groups a person can open, and every group to an admin', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/');
  const reporterGroups = page.getByRole('list', { name: 'Your groups' });
  await expect(reporterGroups.getByRole('listitem')).toHaveCount(2);
  await expect(reporterGroups).toContainText('acme/support');
  await expect(reporterGroups).not.toContainText('globex');

  await page.context().clearCookies();
  await signIn(page, 'admin');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All groups');
  const allGroups = page.getByRole('list', { name: 'All groups' });
  for (const path of ['acme', 'acme/support', 'globex']) await expect(allGroups.getByText(path, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await allGroups.getByRole('link', { name: 'Globex' }).click();
  await expect(page).toHaveURL(/\/groups\/globex$/);
});

test('browser tab titles name the record and the list', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(`${issuesUrl()}/1`);
  await expect(page).toHaveTitle('Checkout page times out for enterprise customers (#1) · Issues · acme/website · Rapport');
  await page.goto(issuesUrl());
  await expect(page).toHaveTitle('Issues · acme/website · Rapport');
  await page.goto(`${contactsUrl()}?search=alice.johnson%40northwind.example`);
  await expect(page).toHaveTitle('Customer relations contacts · acme · Rapport');
  await page.getByRole('link', { name: 'Alice', exact: true }).click();
  await expect(page).toHaveTitle('Alice Johnson · Contacts · acme · Rapport');
  await page.goto('/');
  await expect(page).toHaveTitle('Groups · Rapport');
  await page.goto(`${issuesUrl()}/999999`);
  await expect(page).toHaveTitle(/Page not found/);
});
