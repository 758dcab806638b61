import type { Page } from '@playwright/test';
import { contactsUrl, graphql, openContactPage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

// A phone: the layout viewport grows to fit content that is too wide, which is what is checked.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(390);
}

test('no page is wider than a 390 px screen, even with long names and emails', async ({ page }) => {
  await signIn(page, 'owner');
  const tag = uniqueTag();
  const email = `${'very.long.mailbox.name'.repeat(2)}.${tag}@subdomain.of.an.extremely-long-company-domain.example`;
  const { group } = await graphql<{ group: { id: string } }>(page, 'query { group(fullPath: "acme") { id } }', {});
  // Twice, the second without an email: the two are a pair on the possible duplicates page.
  for (const input of [{ email }, { email: null }]) {
    await graphql(
      page,
      `mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { errors } }`,
      { input: { groupId: group.id, firstName: `Maximiliane${tag}`, lastName: 'Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh', ...input } },
    );
  }
  for (const path of [
    '/',
    '/groups/acme',
    contactsUrl(),
    `${contactsUrl()}?search=${tag}`,
    `${contactsUrl()}/duplicates`,
    '/groups/acme/-/crm/organizations',
    '/groups/acme/-/crm/report',
    '/groups/acme/-/crm/import',
    '/groups/acme/-/issues',
    '/-/user_settings/personal_access_tokens',
    '/groups/acme/-/settings/crm',
    '/acme/website',
    '/acme/website/-/issues',
    '/acme/website/-/issues/new',
    '/acme/website/-/issues/1',
  ]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  await openContactPage(page, email, `Maximiliane${tag}`);
  await expectNoSidewaysScroll(page);
  // The address wraps between its parts, not inside a word, and is all there.
  const address = page.getByRole('link', { name: email });
  await expect(address).toHaveAttribute('href', `mailto:${email}`);
  expect((await address.boundingBox())?.width ?? 0).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});

test('the group navigation folds into a menu on a phone', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto('/groups/acme');
  const navigation = page.getByRole('navigation', { name: 'Group navigation' });
  const menu = navigation.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(navigation.getByRole('link', { name: 'Contacts' })).toBeHidden();
  await expectNoAxeViolations(page);

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await navigation.getByRole('link', { name: 'Organizations' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/organizations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customer relations organizations' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(navigation.getByRole('link', { name: 'Contacts' })).toBeHidden();
});

test('the drawer fits the screen with its Close button in view', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  await page.getByRole('button', { name: 'New contact' }).click();
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  await expect(drawer).toBeVisible();
  const box = await drawer.boundingBox();
  expect(box?.x).toBe(0);
  expect(box?.width).toBeLessThanOrEqual(390);
  await expect(drawer.getByRole('button', { name: /^Close/ })).toBeInViewport();
  await expectNoAxeViolations(page);
  await drawer.getByRole('button', { name: /^Close/ }).click();
  await expect(drawer).toBeHidden();
});

test('on a wide screen the group navigation needs no menu button', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, 'developer');
  await page.goto('/groups/acme');
  const navigation = page.getByRole('navigation', { name: 'Group navigation' });
  await expect(navigation.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(navigation.getByRole('link', { name: 'Contacts' })).toBeVisible();
  await context.close();
});
