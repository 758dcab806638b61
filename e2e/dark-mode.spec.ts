import type { Page } from '@playwright/test';
import { openContactPage } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test.use({ colorScheme: 'dark' });

/** The page's own background, as the eye sees it: dark in dark mode. */
async function expectDarkPage(page: Page): Promise<void> {
  const lightness = await page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d');
    if (!probe) throw new Error('no canvas');
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [red = 0, green = 0, blue = 0] = probe.getImageData(0, 0, 1, 1).data;
    return (red + green + blue) / 3;
  });
  expect(lightness).toBeLessThan(60);
}

const developerPages = [
  '/',
  '/groups/acme',
  '/groups/acme/-/crm/contacts',
  '/groups/acme/-/crm/organizations',
  '/groups/acme/-/crm/report',
  '/groups/acme/-/crm/import',
  '/groups/acme/-/issues',
  '/-/user_settings/personal_access_tokens',
  '/acme/website',
  '/acme/website/-/issues',
  '/acme/website/-/issues/new',
  '/acme/website/-/issues/1',
];

test('the sign-in page follows the system dark mode', async ({ page }) => {
  await page.goto('/users/sign_in');
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
});

for (const path of developerPages) {
  test(`${path} is dark and passes axe in dark mode for a developer`, async ({ page }) => {
    await signIn(page, 'developer');
    await page.goto(path);
    await expectDarkPage(page);
    await expectNoAxeViolations(page);
  });
}

test('the contact page and the contact drawer with errors are dark and pass axe in dark mode', async ({ page }) => {
  await signIn(page, 'developer');
  await openContactPage(page, 'alice.johnson@northwind.example', 'Alice');
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Johnson' })).toBeVisible();
  await expectDarkPage(page);
  await expectNoAxeViolations(page);

  await page.goto('/groups/acme/-/crm/contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  await expect(page.getByRole('dialog', { name: 'New contact' })).toBeVisible();
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByText("First name can't be blank")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/acme/website/-/issues/1');
  await page.getByTestId('contact-link').first().hover();
  await expect(page.getByTestId('contact-hover-card')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the organization page, the CRM settings and the tiers page are dark and pass axe in dark mode', async ({ page }) => {
  await signIn(page, 'owner');
  await page.goto('/groups/acme/-/crm/organizations');
  await page.getByRole('link', { name: 'Northwind Traders', exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/organizations\/\d+/);
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
  await page.goto('/groups/acme/-/settings/crm');
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
  await page.goto('/groups/acme/-/crm/customer_settings');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText(/^Would assign \d+ contacts?\.$/)).toBeVisible();
  await expectDarkPage(page);
  await expectNoAxeViolations(page);
});
