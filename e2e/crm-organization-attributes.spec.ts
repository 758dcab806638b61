import { contactsUrl, createContactInDrawer, organizationsUrl, statusMessage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

test('a Maintainer sets tiers, gives an organization a domain, tier and revenue, and a new contact at that domain joins it', async ({ page }) => {
  const tag = uniqueTag();
  const tier = `Strategic ${tag}`;
  const organization = `Domain Org ${tag}`;
  const domain = `${tag.toLowerCase()}.example`;
  await signIn(page, 'maintainer');

  // Tiers in the customer settings page, reached from the organizations list.
  await page.goto(organizationsUrl());
  await page.getByRole('link', { name: 'Tiers and domains' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer tiers and domains' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('New tier').fill(tier);
  await page.getByRole('button', { name: 'Add tier' }).click();
  await expect(statusMessage(page, `Tier ${tier} has been added.`)).toBeVisible();
  const tiers = page.getByRole('table', { name: 'Customer tiers, highest first' });
  const rank = tiers.getByRole('row').filter({ has: page.getByRole('button', { name: `Move up ${tier}` }) }).getByRole('cell').first();
  // Added as the lowest tier, then moved up one place.
  const added = Number(await rank.textContent());
  expect(added).toBe((await tiers.getByRole('row').count()) - 1);
  await page.getByRole('button', { name: `Move up ${tier}` }).click();
  await expect(statusMessage(page, `${tier} moved up.`)).toBeVisible();
  await expect(rank).toHaveText(String(added - 1));

  // The organization's domain, tier, revenue and account owner in the drawer.
  await page.goto(organizationsUrl());
  await page.getByRole('button', { name: 'New organization' }).click();
  const drawer = page.getByRole('dialog', { name: 'New organization' });
  await drawer.getByLabel('Name', { exact: true }).fill(organization);
  await drawer.getByLabel('Email domains').fill(`@${domain.toUpperCase()}`);
  await drawer.getByLabel('Tier', { exact: true }).selectOption({ label: tier });
  await drawer.getByLabel('Annual revenue (USD)').fill('2500000');
  await drawer.getByLabel('Account owner').selectOption({ label: 'Mateo Maintainer (@maintainer)' });
  await expectNoAxeViolations(page);
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(statusMessage(page, 'Organization has been added.')).toBeVisible();

  // Sorted by tier, highest first, with the tier and revenue in their columns; filtered by the tier.
  await page.goto(`${organizationsUrl()}?sort=TIER_DESC&search=${encodeURIComponent(organization)}`);
  const listRow = page.getByRole('table', { name: 'Customer relations organizations' }).getByRole('row').filter({ hasText: organization });
  await expect(listRow).toContainText(tier);
  await expect(listRow).toContainText('2500000.00');
  await page.goto(organizationsUrl());
  await page.getByLabel('Tier', { exact: true }).selectOption({ label: tier });
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page).toHaveURL(/tier=\d+/);
  await expect(page.getByRole('table', { name: 'Customer relations organizations' }).getByRole('link', { name: organization, exact: true })).toBeVisible();

  // A contact created without an organization gets it from its email domain.
  await page.goto(contactsUrl());
  await createContactInDrawer(page, { firstName: 'Pat', lastName: `Domain ${tag}`, email: `pat@${domain}` });
  await page.goto(`${contactsUrl()}?search=${encodeURIComponent(`pat@${domain}`)}`);
  await page.getByRole('link', { name: 'Pat', exact: true }).click();
  await expect(page.getByRole('link', { name: organization, exact: true })).toBeVisible();

  await page.getByRole('link', { name: organization, exact: true }).click();
  await expect(page.getByText(domain, { exact: true })).toBeVisible();
  await expect(page.getByText('2500000.00 USD')).toBeVisible();
  await expect(page.getByText('Mateo Maintainer (@maintainer)')).toBeVisible();
});

test('assigning contacts by domain shows a preview first', async ({ page }) => {
  await signIn(page, 'maintainer');
  await page.goto('/groups/acme/-/crm/customer_settings');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText(/^Would assign \d+ contacts?\.$/)).toBeVisible();
  await expectNoAxeViolations(page);
});
