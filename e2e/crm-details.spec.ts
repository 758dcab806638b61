import type { Page } from '@playwright/test';
import { contactsUrl, createContactInDrawer, createOrganizationInDrawer, graphql, openContactPage, organizationsUrl, statusMessage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test('contact and organization pages show every field, linked issues and recent activity', async ({ page }) => {
  await signIn(page, 'reporter');
  await openContactPage(page, 'alice.johnson@northwind.example', 'Alice');
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Johnson' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'alice.johnson@northwind.example' })).toHaveAttribute('href', 'mailto:alice.johnson@northwind.example');
  await expect(page.getByText('+1 206 555 0101')).toBeVisible();
  await expect(page.getByText('Head of e-commerce; main contact for the website.')).toBeVisible();
  const issues = page.getByRole('region', { name: /^Issues/ });
  const checkout = issues.getByRole('listitem').filter({ hasText: 'Checkout page times out for enterprise customers' });
  await expect(checkout).toContainText('Open');
  await expect(checkout).toContainText('acme/website#1');
  await expect(page.getByRole('region', { name: 'Recent activity' })).toBeVisible();
  await expectNoAxeViolations(page);

  await checkout.getByRole('link').click();
  await expect(page).toHaveURL(/\/acme\/website\/-\/issues\/1$/);
  await page.goBack();

  await page.getByRole('link', { name: 'Northwind Traders', exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Traders' })).toBeVisible();
  await expect(page.getByText('120.00')).toBeVisible();
  const contacts = page.getByRole('table', { name: 'Contacts of the organization' });
  await expect(contacts.getByRole('link', { name: 'Alice Johnson' })).toBeVisible();
  await expect(contacts.getByRole('link', { name: 'Bob Martinez' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Issues/ }).getByRole('link', { name: 'Checkout page times out for enterprise customers' })).toBeVisible();
  await expectNoAxeViolations(page);
  await contacts.getByRole('link', { name: 'Bob Martinez' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bob Martinez' })).toBeVisible();

  // Closed issues are listed too, marked as such.
  await openContactPage(page, 'zoe.mueller@kestrel.example', 'Zoë');
  await expect(page.getByRole('region', { name: /^Issues/ }).getByRole('listitem').filter({ hasText: 'Invoice PDF shows the wrong VAT rate' })).toContainText('Closed');
});

test("unknown ids, malformed ids and another group's records are 404", async ({ page, browser }) => {
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signIn(outsider, 'outsider');
  await outsider.goto(contactsUrl('globex'));
  const homer = await outsider.getByRole('link', { name: 'Homer', exact: true }).getAttribute('href');
  const globexContactId = homer?.split('/').pop();
  await outsiderContext.close();
  expect(globexContactId).toMatch(/^\d+$/);

  await signIn(page, 'developer');
  for (const path of [
    `contacts/${globexContactId}`,
    'contacts/999999999',
    'contacts/0',
    'contacts/abc',
    'contacts/1e3',
    'contacts/-1',
    'organizations/99999999999999999999999',
    'organizations/%27',
  ]) {
    const response = await page.goto(`/groups/acme/-/crm/${path}`);
    expect(response?.status(), path).toBe(404);
  }
});

async function systemNotes(page: Page, issuePath: string) {
  await page.goto(issuePath);
  return page.getByTestId('system-note').filter({ hasText: 'removed 1 contact' }).count();
}

test('a maintainer deletes a contact after confirming: it leaves its issues, which get a system note', async ({ page }) => {
  const tag = uniqueTag();
  const email = `gone.${tag}@example.com`;
  const issuePath = '/acme/website/-/issues/4';
  await signIn(page, 'maintainer');
  const notesBefore = await systemNotes(page, issuePath);
  await page.goto(contactsUrl());
  await createContactInDrawer(page, { firstName: 'Gina', lastName: `Gone${tag}`, email });
  await openContactPage(page, email, 'Gina');
  const contactId = page.url().split('/').pop();
  await graphql(page, 'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }', {
    input: { projectPath: 'acme/website', iid: '4', contactIds: [`gid://gitlab/CustomerRelations::Contact/${contactId}`], operationMode: 'APPEND' },
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Issues (1)' })).toBeVisible();

  const deleteButton = page.getByRole('button', { name: 'Delete contact' });
  await deleteButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete contact?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Gina Gone${tag} will be deleted and removed from 1 issue`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page);
  // Focus stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: `Delete Gina Gone${tag}` })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: `Delete Gina Gone${tag}` })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: `Gina Gone${tag}` })).toBeVisible();

  await deleteButton.click();
  await dialog.getByRole('button', { name: `Delete Gina Gone${tag}` }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/contacts$/);
  await expect(statusMessage(page, 'Contact has been deleted.')).toBeVisible();
  await page.goto(`${contactsUrl()}?state=all&search=${encodeURIComponent(email)}`);
  await expect(page.getByRole('cell', { name: 'No contacts found' })).toBeVisible();
  expect(await systemNotes(page, issuePath)).toBe(notesBefore + 1);
  const gone = await page.goto(`${contactsUrl()}/${contactId}`);
  expect(gone?.status()).toBe(404);
});

test('an organization with contacts cannot be deleted; once empty it can', async ({ page }) => {
  const tag = uniqueTag();
  const organization = `Doomed ${tag}`;
  const email = `member.${tag}@example.com`;
  await signIn(page, 'maintainer');
  await page.goto(organizationsUrl());
  await createOrganizationInDrawer(page, organization);
  await page.goto(contactsUrl());
  await createContactInDrawer(page, { firstName: 'Mel', lastName: `Member${tag}`, email, organization });

  await page.goto(`${organizationsUrl()}?search=${encodeURIComponent(organization)}`);
  await page.getByRole('link', { name: organization, exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/organizations\/\d+$/);
  const organizationUrl = page.url();
  const deleteButton = page.getByRole('button', { name: 'Delete organization' });
  await deleteButton.click();
  // The dialog says why, and offers nothing to press but Close.
  const refusal = page.getByRole('alertdialog', { name: 'This organization cannot be deleted' });
  await expect(refusal).toHaveAccessibleDescription(new RegExp(`^${organization} has 1 contact\\. An organization with contacts cannot be deleted`));
  await expect(refusal.getByRole('button')).toHaveText(['Close']);
  await expect(refusal.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(refusal).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: organization })).toBeVisible();

  await page.getByRole('table', { name: 'Contacts of the organization' }).getByRole('link', { name: `Mel Member${tag}` }).click();
  await page.getByRole('button', { name: 'Delete contact' }).click();
  await page.getByRole('alertdialog', { name: 'Delete contact?' }).getByRole('button', { name: `Delete Mel Member${tag}` }).click();
  await expect(statusMessage(page, 'Contact has been deleted.')).toBeVisible();

  await page.goto(organizationUrl);
  await expect(page.getByText('This organization has no contacts.')).toBeVisible();
  await page.getByRole('button', { name: 'Delete organization' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete organization?' });
  await dialog.getByRole('button', { name: `Delete ${organization}` }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/organizations$/);
  await expect(statusMessage(page, 'Organization has been deleted.')).toBeVisible();
  expect((await page.goto(organizationUrl))?.status()).toBe(404);
});

test('a developer edits from the detail page (no Delete), and the change shows in the activity', async ({ page }) => {
  const tag = uniqueTag();
  const email = `edit.${tag}@example.com`;
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  await createContactInDrawer(page, { firstName: 'Eve', lastName: `Edit${tag}`, email });
  await openContactPage(page, email, 'Eve');
  await expect(page.getByRole('button', { name: 'Delete contact' })).toHaveCount(0);
  await page.getByRole('button', { name: `Edit Eve Edit${tag}` }).click();
  const drawer = page.getByRole('dialog', { name: 'Edit contact' });
  await drawer.getByLabel('Description').fill('Prefers <script>alert(1)</script> email');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(statusMessage(page, 'Contact has been updated.')).toBeVisible();
  await expect(page.getByText('Prefers <script>alert(1)</script> email').first()).toBeVisible();
  const activity = page.getByRole('region', { name: 'Recent activity' });
  await expect(activity.getByRole('listitem').filter({ hasText: 'updated the contact' }).first()).toContainText('Description: none → Prefers <script>alert(1)</script> email');
  await expect(activity).toContainText('created the contact');
  await expectNoAxeViolations(page);
});
