import type { Page } from '@playwright/test';
import { contactsUrl, graphql, openContactPage, organizationsUrl, statusMessage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { contactsSection, createIssueViaForm, issuesUrl, sidebar } from './issues-helpers';

/** Journeys for the rough edges found in use (issue 12, items 5–10 and 12). */

/** Holds every GraphQL request for `ms`, so a journey can see what the page shows while it waits. */
async function slowGraphQL(page: Page, ms: number) {
  await page.route('**/api/graphql', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

/** Holds every page (React Server Components) request for `ms`. */
async function slowPages(page: Page, ms: number) {
  await page.route(
    (url) => url.searchParams.has('_rsc'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await route.continue();
    },
  );
}

async function acmeGroupId(page: Page): Promise<string> {
  const { group } = await graphql<{ group: { id: string } }>(page, 'query { group(fullPath: "acme") { id } }', {});
  return group.id;
}

async function createContact(page: Page, input: Record<string, unknown>): Promise<string> {
  const created = await graphql<{ customerRelationsContactCreate: { contact: { id: string }; errors: string[] } }>(
    page,
    'mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }',
    { input: { groupId: await acmeGroupId(page), ...input } },
  );
  expect(created.customerRelationsContactCreate.errors).toEqual([]);
  return created.customerRelationsContactCreate.contact.id;
}

async function updateContact(page: Page, input: Record<string, unknown>): Promise<void> {
  const updated = await graphql<{ customerRelationsContactUpdate: { errors: string[] } }>(
    page,
    'mutation($input: CustomerRelationsContactUpdateInput!) { customerRelationsContactUpdate(input: $input) { errors } }',
    { input },
  );
  expect(updated.customerRelationsContactUpdate.errors).toEqual([]);
}

async function linkContact(page: Page, iid: string, contactId: string, operationMode = 'APPEND'): Promise<void> {
  const result = await graphql<{ issueSetCrmContacts: { errors: string[] } }>(
    page,
    'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }',
    { input: { projectPath: 'acme/website', iid, contactIds: [contactId], operationMode } },
  );
  expect(result.issueSetCrmContacts.errors).toEqual([]);
}

test('the organization field: Enter takes the typed match, counts are announced, and a missing organization is created on the spot', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  await page.getByRole('button', { name: 'New contact' }).click();
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  await drawer.getByLabel('First name').fill('Olga');
  await drawer.getByLabel('Last name').fill(`Org${tag}`);
  await drawer.getByLabel('Email').fill(`olga.${tag}@example.com`);

  const organization = drawer.getByRole('combobox', { name: 'Organization' });
  await organization.fill('Kestrel');
  await expect(page.getByRole('option').first()).toHaveText('Kestrel Software');
  await expect(page.getByRole('option', { name: 'No organization' })).toHaveCount(0);
  await expect(drawer.getByRole('status').filter({ hasText: /^1 result$/ })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(organization).toHaveValue('Kestrel Software');
  await expect(drawer).toBeVisible();

  // Enter before the answer arrives waits for it, and still takes the match.
  await organization.fill('Harborview');
  await page.keyboard.press('Enter');
  await expect(organization).toHaveValue('Harborview Hotels');
  await expect(drawer).toBeVisible();

  // A name no organization has: "Create organization" opens its drawer with the name filled in.
  const newName = `Nimbus ${tag}`;
  await organization.fill(newName);
  const create = page.getByRole('option', { name: `Create organization “${newName}”` });
  await expect(create).toBeVisible();
  await expect(drawer.getByRole('status').filter({ hasText: /^0 results$/ })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  const organizationDrawer = page.getByRole('dialog', { name: 'New organization' });
  await expect(organizationDrawer.getByLabel('Name')).toHaveValue(newName);
  await expect(organizationDrawer.getByLabel('Name')).toBeFocused();
  await expectNoAxeViolations(page);
  await organizationDrawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(organizationDrawer).toBeHidden();
  await expect(organization).toHaveValue(newName);
  await expect(drawer).toBeVisible();

  await drawer.getByRole('button', { name: 'Save contact' }).click();
  await expect(statusMessage(page, 'Contact has been added.')).toBeVisible();
  await page.goto(`${contactsUrl()}?search=${encodeURIComponent(`Org${tag}`)}`);
  await expect(page.getByRole('row').filter({ hasText: `Org${tag}` })).toContainText(newName);
});

test('forms: an error clears when its field is edited, Save says it is saving, messages go away, and a changed drawer asks before Escape discards it', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, 'developer');
  await page.goto(organizationsUrl());
  await page.getByRole('button', { name: 'New organization' }).click();
  const drawer = page.getByRole('dialog', { name: 'New organization' });
  const rate = drawer.getByLabel('Default rate');
  await drawer.getByLabel('Name').fill(`Rates ${tag}`);
  await rate.fill('120.125');
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(rate).toHaveAccessibleDescription(/Default rate must have at most 2 decimal places/);
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await rate.fill('120.13');
  await expect(rate).not.toHaveAttribute('aria-invalid');
  await expect(drawer.getByText('Default rate must have at most 2 decimal places')).toHaveCount(0);

  // Escape on a changed drawer asks first; Cancel keeps the changes.
  await rate.press('Escape');
  const discard = page.getByRole('alertdialog', { name: 'Discard changes?' });
  await expect(discard).toBeVisible();
  await expectNoAxeViolations(page);
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(discard).toBeHidden();
  await expect(drawer).toBeVisible();
  await expect(rate).toHaveValue('120.13');

  await slowGraphQL(page, 700);
  await drawer.getByRole('button', { name: 'Save organization' }).click();
  await expect(drawer.getByRole('button', { name: 'Saving…' })).toBeDisabled();
  await page.unrouteAll({ behavior: 'wait' });
  const saved = statusMessage(page, 'Organization has been added.');
  await expect(saved).toBeVisible();
  // The message goes by itself; the live region stays for the next one.
  await expect(saved).toBeHidden({ timeout: 10_000 });
  await expect(page.locator('[role="status"][aria-live="polite"]')).toHaveCount(1);

  // A changed drawer discarded on purpose closes; nothing is saved.
  await page.getByRole('button', { name: 'New organization' }).click();
  await drawer.getByLabel('Name').fill(`Discarded ${tag}`);
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(drawer).toBeHidden();
  await page.goto(`${organizationsUrl()}?state=all&search=${encodeURIComponent(`Discarded ${tag}`)}`);
  await expect(page.getByRole('cell', { name: 'No organizations found' })).toBeVisible();
});

test('a list marks itself busy while a tab, sort or search change loads', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto(contactsUrl());
  const region = page.getByTestId('loading-region');
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await slowPages(page, 800);

  await page.getByRole('navigation', { name: 'Filter contacts by state' }).getByRole('link', { name: /^Inactive/ }).click();
  await expect(region).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Loading contacts…' })).toHaveCount(1);
  await expect(page).toHaveURL(/state=inactive/);
  await expect(region).toHaveAttribute('aria-busy', 'false');

  await page.getByRole('link', { name: /^Email/ }).click();
  await expect(region).toHaveAttribute('aria-busy', 'true');
  await expect(page).toHaveURL(/sort=EMAIL_ASC/);
  await expect(region).toHaveAttribute('aria-busy', 'false');

  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('farid');
  await expect(region).toHaveAttribute('aria-busy', 'true');
  await expect(page).toHaveURL(/search=farid/);
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('row').filter({ hasText: 'Farid' })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('an issue list marks itself busy while a state tab loads', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/groups/acme/-/issues');
  const region = page.getByTestId('loading-region');
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await slowPages(page, 800);
  await page.getByRole('navigation', { name: 'Filter issues by state' }).getByRole('link', { name: /^Closed/ }).click();
  await expect(region).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Loading issues…' })).toHaveCount(1);
  await expect(page).toHaveURL(/state=closed/);
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await expectNoAxeViolations(page);
});

test('the sidebar picker creates a contact from a typed name or email and adds it to the issue', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Create from picker ${tag}`);
  const section = contactsSection(page);
  await section.getByRole('button', { name: 'Edit' }).click();
  const search = section.getByRole('combobox', { name: 'Search contacts' });
  await search.fill(`Pedro Alvarez${tag}`);
  const create = section.getByRole('option', { name: `Create contact “Pedro Alvarez${tag}”` });
  await expect(create).toBeVisible();
  await expectNoAxeViolations(page);
  await create.click();
  const drawer = page.getByRole('dialog', { name: 'New contact' });
  await expect(drawer.getByLabel('First name')).toHaveValue('Pedro');
  await expect(drawer.getByLabel('Last name')).toHaveValue(`Alvarez${tag}`);
  await expect(drawer.getByLabel('Email')).toHaveValue('');
  await expectNoAxeViolations(page);
  await drawer.getByLabel('Email').fill(`pedro.${tag}@example.com`);
  await drawer.getByRole('button', { name: 'Save contact' }).click();
  await expect(drawer).toBeHidden();
  await expect(sidebar(page).getByRole('link', { name: `Pedro Alvarez${tag}` })).toBeVisible();
  await expect(page.getByTestId('issue-contacts-count')).toHaveText('1 contact');

  // The picker stays open for the next one; an email address goes to the Email field.
  await search.fill(`rosa.${tag}@example.com`);
  await section.getByRole('option', { name: `Create contact “rosa.${tag}@example.com”` }).click();
  await expect(drawer.getByLabel('Email')).toHaveValue(`rosa.${tag}@example.com`);
  await expect(drawer.getByLabel('First name')).toHaveValue('');
  await drawer.getByLabel('First name').fill('Rosa');
  await drawer.getByLabel('Last name').fill(`Email${tag}`);
  await drawer.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByTestId('issue-contacts-count')).toHaveText('2 contacts');

  await expect(sidebar(page).getByRole('link', { name: `Rosa Email${tag}` })).toBeVisible();
});

test('an inactive linked contact is marked in the sidebar and its card; the card is reachable by keyboard', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, 'developer');
  const iid = await createIssueViaForm(page, `Inactive contact ${tag}`);
  const email = `ines.${tag}@example.com`;
  const contactId = await createContact(page, { firstName: 'Ines', lastName: `Inactive${tag}`, email });
  await linkContact(page, iid, contactId);
  await updateContact(page, { id: contactId, active: false });
  await page.reload();

  const name = `Ines Inactive${tag}`;
  const item = contactsSection(page).getByRole('listitem').filter({ hasText: name });
  await expect(item).toContainText('Inactive');
  const link = item.getByRole('link', { name, exact: true });
  await link.focus();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Inactive');
  await expectNoAxeViolations(page);
  // Tab goes on into the card: its email link, then its issues link.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('link', { name: email })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('link', { name: 'View issues' })).toBeFocused();
  await expect(card.getByRole('link', { name: 'View issues' })).toHaveAttribute('href', /crm_contact_id=\d+$/);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(link).toBeFocused();
});

test('on a touch screen a tap on a contact opens its card, which holds the link to the issues', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'reporter');
  await page.goto(`${issuesUrl()}/1`);
  const link = contactsSection(page).getByRole('link', { name: 'Alice Johnson', exact: true });
  await link.tap();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toBeVisible();
  await expect(page).toHaveURL(/\/issues\/1$/);
  await expect(card.getByRole('link', { name: 'alice.johnson@northwind.example' })).toBeVisible();
  await expectNoAxeViolations(page);
  // A second tap closes it; the card's link goes to the issues.
  await link.tap();
  await expect(card).toBeHidden();
  await link.tap();
  await card.getByRole('link', { name: 'View issues' }).tap();
  await expect(page).toHaveURL(/crm_contact_id=\d+/);
  await context.close();
});

test('recent activity reads like a person wrote it: names, form order, date and time, and the issues a contact was linked to', async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, 'developer');
  const iid = await createIssueViaForm(page, `Activity ${tag}`);
  const email = `amy.${tag}@example.com`;
  const contactId = await createContact(page, { firstName: 'Amy', lastName: `Activity${tag}`, email });
  const { group } = await graphql<{ group: { organizations: { nodes: { id: string }[] } } }>(
    page,
    'query { group(fullPath: "acme") { organizations(search: "Kestrel Software") { nodes { id } } } }',
    {},
  );
  await updateContact(page, { id: contactId, description: 'Met at the fair', phone: '+1 555 0100', organizationId: group.organizations.nodes[0]?.id });
  await linkContact(page, iid, contactId);
  await linkContact(page, iid, contactId, 'REMOVE');

  await openContactPage(page, email, 'Amy');
  const activity = page.getByRole('list', { name: 'Recent activity' }).locator(':scope > li');
  const reference = `acme/website#${iid}`;
  await expect(activity.nth(0)).toContainText(`Devi Developer removed the contact from ${reference}`);
  await expect(activity.nth(1)).toContainText(`Devi Developer added the contact to ${reference}`);
  await expect(activity.nth(1).getByRole('link', { name: reference })).toHaveAttribute('href', `/acme/website/-/issues/${iid}`);
  const update = activity.filter({ hasText: 'updated the contact' });
  // Fields in the form's order, the organization by name, empty values as "none".
  await expect(update.getByRole('listitem')).toHaveText(['Phone: none → +1 555 0100', 'Organization: none → Kestrel Software', 'Description: none → Met at the fair']);
  // Date and time.
  await expect(update.locator('time')).toHaveText(/\d{4}, \d{1,2}:\d{2}\s?[AP]M UTC/);
  await expectNoAxeViolations(page);
});
