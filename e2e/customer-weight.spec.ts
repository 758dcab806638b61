import { contactsUrl, createContactInDrawer, organizationsUrl, statusMessage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { contactsSection, createIssueViaForm, issuesUrl } from './issues-helpers';

/**
 * Issue 15 end to end: a Maintainer puts a new tier at the top, gives an organization that tier and
 * a domain, creates a contact at the domain (it joins the organization), links it to a new issue and
 * marks the request important; ranked by best customer tier, the issue comes first, and the tier
 * filter (a select of the group's tiers) keeps only it.
 */
test('a request from a top-tier customer ranks its issue first', async ({ page }) => {
  const tag = uniqueTag();
  const tier = `Platinum ${tag}`;
  const organization = `Ranked Org ${tag}`;
  const domain = `${tag.toLowerCase()}.example`;
  const email = `lee@${domain}`;
  await signIn(page, 'maintainer');

  await page.goto('/groups/acme/-/crm/customer_settings');
  await page.getByLabel('New tier').fill(tier);
  await page.getByRole('button', { name: 'Add tier' }).click();
  await expect(statusMessage(page, `Tier ${tier} has been added.`)).toBeVisible();
  const rank = page
    .getByRole('table', { name: 'Customer tiers, highest first' })
    .getByRole('row')
    .filter({ hasText: tier })
    .getByRole('cell')
    .first();
  while ((await rank.textContent()) !== '1') {
    const before = await rank.textContent();
    await page.getByRole('button', { name: `Move up ${tier}` }).click();
    await expect(rank).not.toHaveText(before ?? '');
  }

  await page.goto(organizationsUrl());
  await page.getByRole('button', { name: 'New organization' }).click();
  const drawer = page.getByRole('dialog', { name: 'New organization' });
  await drawer.getByLabel('Name', { exact: true }).fill(organization);
  await drawer.getByLabel('Email domains').fill(domain);
  await drawer.getByLabel('Tier', { exact: true }).selectOption({ label: tier });
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(statusMessage(page, 'Organization has been added.')).toBeVisible();

  await page.goto(contactsUrl());
  await createContactInDrawer(page, { firstName: 'Lee', lastName: `Ranked ${tag}`, email });

  const title = `Ranked by tier ${tag}`;
  await createIssueViaForm(page, title, `/add_contacts [contact:${email}]`);
  const section = contactsSection(page);
  const contactName = `Lee Ranked ${tag}`;
  await section.getByRole('button', { name: `Request of ${contactName}: important, note` }).click();
  const form = section.getByRole('form', { name: `Request of ${contactName}` });
  await form.getByRole('checkbox', { name: 'Important request' }).check();
  await form.getByRole('textbox', { name: 'Note' }).fill('Blocking their renewal');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(section.getByTestId('important-request')).toHaveCount(1);

  await page.goto(issuesUrl());
  await page.getByLabel('Sort by').selectOption({ label: 'Best customer tier' });
  await page.getByRole('button', { name: 'Apply' }).click();
  const first = page.getByRole('list', { name: 'Issues' }).getByRole('listitem').first();
  await expect(first.getByRole('link', { name: title })).toBeVisible();
  const weight = first.getByTestId('issue-customer-weight');
  await expect(weight).toContainText('1 customer');
  await expect(weight).toContainText('1 important');
  await expect(weight).toContainText(tier);

  // The tier filter lists the group's tiers and applies as soon as one is chosen, keeping the sort.
  const tierFilter = page.getByLabel('Customer tier', { exact: true });
  await expect(tierFilter.getByRole('option').first()).toHaveText('Any tier');
  await tierFilter.selectOption({ label: tier });
  await expect(page).toHaveURL((url) => url.searchParams.get('customer_tier') === tier && url.searchParams.get('sort') === 'customer_tier_desc');
  await expect(page.getByTestId('tier-filter')).toContainText(tier);
  const filtered = page.getByRole('list', { name: 'Issues' }).getByRole('listitem');
  await expect(filtered).toHaveCount(1);
  await expect(filtered.getByRole('link', { name: title })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Customer tier', { exact: true }).selectOption({ label: 'Any tier' });
  await expect(page).toHaveURL((url) => !url.searchParams.has('customer_tier'));
  await expect(page.getByTestId('tier-filter')).toHaveCount(0);
});
