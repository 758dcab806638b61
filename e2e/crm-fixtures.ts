import { expect, type Locator, type Page } from '@playwright/test';

/** A short unique tag, so every journey creates records no other journey (or run) touches. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const contactsUrl = (group = 'acme') => `/groups/${group}/-/crm/contacts`;
export const organizationsUrl = (group = 'acme') => `/groups/${group}/-/crm/organizations`;

/** Presses Tab until `target` has focus, as a keyboard-only user would. */
export async function tabTo(page: Page, target: Locator, maxPresses = 200): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

export function statusMessage(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

export interface NewContact {
  firstName: string;
  lastName: string;
  email: string;
  organization?: string;
}

/** Fills and saves the "New contact" drawer on a contacts list. */
export async function createContactInDrawer(page: Page, contact: NewContact): Promise<void> {
  await page.getByRole('button', { name: 'New contact' }).click();
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  await drawer.getByLabel('First name').fill(contact.firstName);
  await drawer.getByLabel('Last name').fill(contact.lastName);
  await drawer.getByLabel('Email').fill(contact.email);
  if (contact.organization) await chooseOrganization(page, contact.organization);
  await drawer.getByRole('button', { name: 'Save contact' }).click();
  await expect(statusMessage(page, 'Contact has been added.')).toBeVisible();
  await expect(drawer).toBeHidden();
}

export async function chooseOrganization(page: Page, name: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: 'Organization' });
  await combobox.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(combobox).toHaveValue(name);
}

export async function createOrganizationInDrawer(page: Page, name: string, defaultRate = ''): Promise<void> {
  await page.getByRole('button', { name: 'New organization' }).click();
  const drawer = page.getByRole('dialog', { name: 'New organization' });
  await drawer.getByLabel('Name').fill(name);
  await drawer.getByLabel('Default rate').fill(defaultRate);
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(statusMessage(page, 'Organization has been added.')).toBeVisible();
}

/** Runs a GraphQL operation as the signed-in person (session cookie plus the page's CSRF token). */
export async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const csrfToken = await page.locator('meta[name="csrf-token"]').getAttribute('content');
  const response = await page.request.post('/api/graphql', {
    headers: { 'X-CSRF-Token': csrfToken ?? '', 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Opens a contact's page from the list by searching for its unique email. */
export async function openContactPage(page: Page, email: string, firstName: string): Promise<void> {
  await page.goto(`${contactsUrl()}?state=all&search=${encodeURIComponent(email)}`);
  await page.getByRole('link', { name: firstName, exact: true }).click();
  await expect(page).toHaveURL(/\/-\/crm\/contacts\/\d+$/);
}
