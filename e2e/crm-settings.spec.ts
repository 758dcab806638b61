import { statusMessage } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test('an owner opens the CRM settings from the sidebar; a source change is refused while issues have contacts', async ({ page }) => {
  await signIn(page, 'owner');
  await page.goto('/groups/acme');
  const sidebar = page.getByRole('navigation', { name: 'Group navigation' });
  await sidebar.getByRole('list', { name: 'Settings' }).getByRole('link', { name: 'Customer relations' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/settings\/crm$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer relations settings' })).toBeVisible();
  await expect(page.getByLabel('Enable customer relations')).toBeChecked();
  const source = page.getByLabel('Contact source');
  await expect(source).toHaveValue('acme');
  await expect(source.getByRole('option')).toHaveText(['Acme Corp (this group)', 'acme/support']);
  await expectNoAxeViolations(page);

  // Saving what is already saved succeeds; the refusal that follows takes that message away.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(statusMessage(page, 'Customer relations settings have been saved.')).toBeVisible();
  await source.selectOption('acme/support');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // (Next.js announces route changes with its own role="alert" outside <main>.)
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Contact source cannot be changed when issues already have contacts assigned from a different source.',
  );
  await expect(statusMessage(page, 'Customer relations settings have been saved.')).toHaveCount(0);
  await expect(source).toHaveValue('acme');
  await page.reload();
  await expect(page.getByLabel('Contact source')).toHaveValue('acme');
  await expect(sidebar.getByRole('link', { name: 'Contacts' })).toBeVisible();
});

test('disabling CRM hides the menu, the lists and the issue widget; enabling brings them back', async ({ page }) => {
  // Globex, so no other journey's data changes under it.
  await signIn(page, 'admin');
  await page.goto('/groups/globex/-/settings/crm');
  const sidebar = page.getByRole('navigation', { name: 'Group navigation' });
  await expect(sidebar.getByRole('link', { name: 'Contacts' })).toBeVisible();
  const enabled = page.getByLabel('Enable customer relations');
  try {
    await enabled.uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(statusMessage(page, 'Customer relations settings have been saved.')).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'Contacts' })).toHaveCount(0);
    expect((await page.goto('/groups/globex/-/crm/contacts'))?.status()).toBe(404);
    await page.goto('/globex/portal/-/issues/1');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('issue-contacts')).toHaveCount(0);
  } finally {
    await page.goto('/groups/globex/-/settings/crm');
    await page.getByLabel('Enable customer relations').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(statusMessage(page, 'Customer relations settings have been saved.')).toBeVisible();
  }
  await expect(sidebar.getByRole('link', { name: 'Contacts' })).toBeVisible();
  await page.goto('/globex/portal/-/issues/1');
  await expect(page.getByTestId('issue-contacts')).toBeVisible();
});

test('only Owners get the settings: a maintainer has no link and a 404; a subgroup has no settings page', async ({ page, browser }) => {
  await signIn(page, 'maintainer');
  await page.goto('/groups/acme');
  await expect(page.getByRole('navigation', { name: 'Group navigation' }).getByRole('list', { name: 'Settings' })).toHaveCount(0);
  expect((await page.goto('/groups/acme/-/settings/crm'))?.status()).toBe(404);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, 'owner');
  expect((await owner.goto('/groups/acme/support/-/settings/crm'))?.status()).toBe(404);
  await ownerContext.close();
});
