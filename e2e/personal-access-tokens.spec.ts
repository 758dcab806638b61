import type { APIRequestContext } from '@playwright/test';
import { statusMessage } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function currentUserWith(request: APIRequestContext, token: string) {
  const response = await request.post('/api/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query: '{ currentUser { username } }' },
  });
  return { status: response.status(), body: (await response.json()) as unknown };
}

test('a person creates a token from the header link, sees it once, copies it, uses it, and revokes it', async ({ page, request }) => {
  await signIn(page, 'reporter');
  await page.getByRole('banner').getByRole('link', { name: 'Access tokens' }).click();
  await expect(page).toHaveURL(/\/-\/user_settings\/personal_access_tokens$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Personal access tokens' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Active personal access tokens' });
  await expect(table.getByRole('row', { name: /Token name/ })).toBeVisible();
  await expect(table).toContainText('This user has no active personal access tokens.');
  await expectNoAxeViolations(page);

  // Bad input: every field says what is wrong, and nothing is created.
  await page.getByLabel('Expiration date').fill('2020-01-01');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('Token name')).toHaveAccessibleDescription("Name can't be blank");
  await expect(page.getByLabel('Token name')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Select scopes' })).toContainText("Scopes can't be blank");
  await expect(page.getByLabel('Expiration date')).toHaveAccessibleDescription(/Expiration date must be in the future/);
  await expectNoAxeViolations(page);
  await expect(table).toContainText('This user has no active personal access tokens.');

  await page.getByLabel('Token name').fill('Reporting script');
  await page.getByRole('checkbox', { name: 'read_api' }).check();
  const in30Days = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Expiration date').fill(in30Days);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(statusMessage(page, 'Your new personal access token has been created.')).toBeVisible();

  const tokenField = page.getByLabel('Personal access token', { exact: true });
  await expect(tokenField).toBeFocused();
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^glpat-/);
  await page.getByRole('button', { name: 'Copy token' }).click();
  await expect(page.getByText('Token copied to clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const row = table.getByRole('row', { name: /Reporting script/ });
  await expect(row).toContainText('read_api');
  await expect(row).toContainText('Never');
  await expectNoAxeViolations(page);

  // Shown once: a fresh page lists the token but never shows it again.
  await page.reload();
  await expect(table.getByRole('row', { name: /Reporting script/ })).toBeVisible();
  await expect(page.getByLabel('Personal access token', { exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  expect(await currentUserWith(request, token)).toEqual({ status: 200, body: { data: { currentUser: { username: 'reporter' } } } });
  await page.reload();
  await expect(table.getByRole('row', { name: /Reporting script/ })).not.toContainText('Never');

  // Revoke: cancel first (nothing happens), then confirm.
  await table.getByRole('button', { name: 'Revoke Reporting script' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Revoke Reporting script?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await table.getByRole('button', { name: 'Revoke Reporting script' }).click();
  await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(statusMessage(page, 'Revoked personal access token Reporting script.')).toBeVisible();
  await expect(table).toContainText('This user has no active personal access tokens.');

  expect(await currentUserWith(request, token)).toEqual({ status: 401, body: { errors: [{ message: 'Invalid token' }] } });
});

test('the page needs a signed-in person', async ({ page }) => {
  await page.goto('/-/user_settings/personal_access_tokens');
  await expect(page).toHaveURL(/\/users\/sign_in\?redirect_to=%2F-%2Fuser_settings%2Fpersonal_access_tokens$/);
});
