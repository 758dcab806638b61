import { chooseOrganization, contactsUrl, createContactInDrawer, createOrganizationInDrawer, organizationsUrl, statusMessage, tabTo, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test('a developer creates a contact after fixing a validation error, edits it, and deactivates it', async ({ page }) => {
  const tag = uniqueTag();
  const lastName = `Tester${tag}`;
  await signIn(page, 'developer');
  await page.goto(contactsUrl());

  await page.getByRole('button', { name: 'New contact' }).click();
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel('First name')).toBeFocused();
  await expectNoAxeViolations(page);

  await drawer.getByLabel('First name').fill('Ada');
  await drawer.getByLabel('Last name').fill(lastName);
  await drawer.getByLabel('Email').fill('not an email');
  await chooseOrganization(page, 'Northwind Traders');
  await drawer.getByRole('button', { name: 'Save contact' }).click();
  // The API's message, next to its field; the field is marked invalid and takes focus.
  const email = drawer.getByLabel('Email');
  await expect(email).toHaveAccessibleDescription('Email is invalid');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expectNoAxeViolations(page);

  await email.fill(`ada.${tag}@example.com`);
  await drawer.getByRole('button', { name: 'Save contact' }).click();
  await expect(statusMessage(page, 'Contact has been added.')).toBeVisible();
  await expect(drawer).toBeHidden();
  // Nothing was written by the refused attempt: exactly one Ada with this name.
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(lastName);
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: lastName });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: 'Northwind Traders', exact: true })).toBeVisible();

  await row.getByRole('button', { name: `Edit Ada ${lastName}` }).click();
  const editDrawer = page.getByRole('dialog', { name: 'Edit contact' });
  await expect(editDrawer.getByLabel('Email')).toHaveValue(`ada.${tag}@example.com`);
  await expect(editDrawer.getByRole('combobox', { name: 'Organization' })).toHaveValue('Northwind Traders');
  await editDrawer.getByLabel('Phone').fill('+1 555 0199');
  await editDrawer.getByLabel('Phone').fill('x'.repeat(33));
  await editDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(editDrawer.getByLabel('Phone')).toHaveAccessibleDescription('Phone is too long (maximum is 32 characters)');
  await editDrawer.getByLabel('Phone').fill('+1 555 0199');
  await editDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(statusMessage(page, 'Contact has been updated.')).toBeVisible();
  await expect(row.getByRole('cell', { name: '+1 555 0199' })).toBeVisible();

  // Deactivate with the Active checkbox: it leaves the Active tab and shows under Inactive.
  await row.getByRole('button', { name: `Edit Ada ${lastName}` }).click();
  await editDrawer.getByLabel('Active').uncheck();
  await editDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(statusMessage(page, 'Contact has been updated.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'No contacts found' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Filter contacts by state' }).getByRole('link', { name: /^Inactive/ }).click();
  await expect(page).toHaveURL(/state=inactive/);
  await expect(page.getByRole('row').filter({ hasText: lastName })).toContainText('Inactive');
});

test('keyboard only: open the drawer, fill it, pick an organization, save; Escape closes and focus returns', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  const newContact = page.getByRole('button', { name: 'New contact' });
  await tabTo(page, newContact);
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  await expect(drawer.getByLabel('First name')).toBeFocused();
  await page.keyboard.type('Kim');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`Keys${tag}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`kim.${tag}@example.com`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const organization = drawer.getByRole('combobox', { name: 'Organization' });
  await expect(organization).toBeFocused();
  await page.keyboard.type('Harborview');
  // The best match comes first and is highlighted: Enter takes it.
  await expect(page.getByRole('option').first()).toHaveText('Harborview Hotels');
  await expect(page.getByRole('option', { name: 'Harborview Hotels' })).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(organization).toHaveValue('Harborview Hotels');
  await expect(organization).toHaveAttribute('aria-expanded', 'false');
  // Escape in the open list closes the list, not the drawer.
  await page.keyboard.press('ArrowDown');
  await expect(organization).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(organization).toHaveAttribute('aria-expanded', 'false');
  await expect(drawer).toBeVisible();
  await expect(organization).toHaveValue('Harborview Hotels');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Met at the spring fair.');
  await tabTo(page, drawer.getByRole('button', { name: 'Save contact' }));
  await page.keyboard.press('Enter');
  await expect(statusMessage(page, 'Contact has been added.')).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(newContact).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(newContact).toBeFocused();

  await page.goto(`${contactsUrl()}?search=${encodeURIComponent(`Keys${tag}`)}`);
  await expect(page.getByRole('row').filter({ hasText: `Keys${tag}` })).toContainText('Harborview Hotels');
});

test('organizations: a bad rate is refused next to its field, then the organization is added, edited and deactivated', async ({ page }) => {
  const name = `Org ${uniqueTag()}`;
  await signIn(page, 'developer');
  await page.goto(organizationsUrl());
  await page.getByRole('button', { name: 'New organization' }).click();
  const drawer = page.getByRole('dialog', { name: 'New organization' });
  await expect(drawer.getByLabel('Name')).toBeFocused();
  await expectNoAxeViolations(page);
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(drawer.getByLabel('Name')).toHaveAccessibleDescription("Name can't be blank");
  await drawer.getByLabel('Name').fill(name);
  await drawer.getByLabel('Default rate').fill('lots');
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(drawer.getByLabel('Default rate')).toHaveAccessibleDescription(/Default rate is not a number/);
  await drawer.getByLabel('Default rate').fill('-5');
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(drawer.getByLabel('Default rate')).toHaveAccessibleDescription(/Default rate must be greater than or equal to 0/);
  await drawer.getByLabel('Default rate').fill('99.5');
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(statusMessage(page, 'Organization has been added.')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search organizations' }).fill(name);
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('cell').nth(1)).toHaveText('99.50');
  await expect(row.getByRole('cell').nth(5)).toHaveText('0');

  // A duplicate name is refused (case-insensitively) next to the Name field.
  await createDuplicate(page, name.toUpperCase());

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const editDrawer = page.getByRole('dialog', { name: 'Edit organization' });
  await editDrawer.getByLabel('Description').fill('Renamed & re-rated <b>not bold</b>');
  await editDrawer.getByLabel('Default rate').fill('');
  await editDrawer.getByLabel('Active').uncheck();
  await editDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(statusMessage(page, 'Organization has been updated.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'No organizations found' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Filter organizations by state' }).getByRole('link', { name: /^Inactive/ }).click();
  const inactiveRow = page.getByRole('row').filter({ hasText: name });
  await expect(inactiveRow.getByRole('cell', { name: 'Renamed & re-rated <b>not bold</b>' })).toBeVisible();
  await expect(inactiveRow.getByRole('cell').nth(1)).toHaveText('');
});

async function createDuplicate(page: import('@playwright/test').Page, name: string) {
  await page.getByRole('button', { name: 'New organization' }).click();
  const drawer = page.getByRole('dialog', { name: 'New organization' });
  await drawer.getByLabel('Name').fill(name);
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(drawer.getByLabel('Name')).toHaveAccessibleDescription('Name has already been taken');
  await drawer.getByRole('button', { name: 'Cancel' }).click();
  await expect(drawer).toBeHidden();
}

test('a contact created with a new organization shows under it, with the counts', async ({ page }) => {
  const tag = uniqueTag();
  const organization = `Counted ${tag}`;
  await signIn(page, 'developer');
  await page.goto(organizationsUrl());
  await createOrganizationInDrawer(page, organization, '10');
  await page.goto(contactsUrl());
  await createContactInDrawer(page, { firstName: 'Cora', lastName: `Count${tag}`, email: `cora.${tag}@example.com`, organization });
  await page.goto(`${organizationsUrl()}?search=${encodeURIComponent(organization)}`);
  const row = page.getByRole('row').filter({ hasText: organization });
  await expect(row.getByRole('cell').nth(5)).toHaveText('1');
  await expect(row.getByRole('cell').nth(6)).toHaveText('0');
});
