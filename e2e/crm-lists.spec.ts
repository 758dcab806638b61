import { contactsUrl, organizationsUrl, tabTo } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const table = (page: import('@playwright/test').Page, name: string) => page.getByRole('table', { name });

test('browse, sort and page through the contacts list', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto('/groups/acme');
  await page.getByRole('navigation', { name: 'Group navigation' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer relations contacts' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Filter contacts by state' });
  await expect(tabs.getByRole('link', { name: /^Active\s*\d+$/ })).toHaveAttribute('aria-current', 'page');
  const contacts = table(page, 'Customer relations contacts');
  await expect(contacts.getByRole('row')).toHaveCount(21);
  await expectNoAxeViolations(page);

  // Sorting: a header link sorts ascending, a second click descending; the URL holds the sort.
  await contacts.getByRole('link', { name: /^First name/ }).click();
  await expect(page).toHaveURL(/sort=FIRST_NAME_ASC/);
  await expect(contacts.getByRole('columnheader', { name: /First name/ })).toHaveAttribute('aria-sort', 'ascending');
  const firstAscending = await contacts.getByRole('row').nth(1).getByRole('cell').first().innerText();
  await contacts.getByRole('link', { name: /^First name/ }).click();
  await expect(page).toHaveURL(/sort=FIRST_NAME_DESC/);
  await expect(contacts.getByRole('columnheader', { name: /First name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(contacts.getByRole('row').nth(1).getByRole('cell').first()).not.toHaveText(firstAscending);

  // Keyset pages of 20: Next, then Prev back to the same first row.
  const firstRow = (await contacts.getByRole('row').nth(1).textContent()) ?? '';
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(contacts.getByRole('row').nth(1)).not.toHaveText(firstRow);
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Prev/ }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(contacts.getByRole('row').nth(1)).toHaveText(firstRow);

  // The organization column links to the organization's page.
  await contacts.getByRole('link', { name: 'Northwind Traders', exact: true }).first().click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Traders' })).toBeVisible();
});

test('the search box follows typing through the URL, with counts, and Back undoes it', async ({ page }) => {
  await signIn(page, 'reporter');
  // Keys typed before the page's scripts have loaded and hydrated the box are lost ("mith").
  await page.goto(contactsUrl(), { waitUntil: 'networkidle' });
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.pressSequentially('smith', { delay: 40 });
  // No Enter: the debounced search updates the URL by itself.
  await expect(page).toHaveURL(/search=smith/);
  const contacts = table(page, 'Customer relations contacts');
  await expect(contacts.getByRole('row')).toHaveCount(4);
  const tabs = page.getByRole('navigation', { name: 'Filter contacts by state' });
  await expect(tabs.getByRole('link', { name: /^All\s*3$/ })).toBeVisible();
  await expect(search).toBeFocused();

  await page.goBack();
  await expect(page).not.toHaveURL(/search=/);
  await expect(contacts.getByRole('row')).toHaveCount(21);
  await expect(search).toHaveValue('');

  // Every term must match some column: first and last name together find the person.
  await page.goto(`${contactsUrl()}?search=${encodeURIComponent('alice johnson')}`);
  await expect(contacts.getByRole('row')).toHaveCount(2);
  await expect(contacts.getByRole('cell', { name: 'alice.johnson@northwind.example' })).toBeVisible();
});

test('bad input in the URL falls back to a working list', async ({ page }) => {
  await signIn(page, 'reporter');
  for (const term of ['%', '_', '"', '\\', '😀', '%_\\"\'', '\'%']) {
    const response = await page.goto(`${contactsUrl()}?search=${encodeURIComponent(term)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('cell', { name: 'No contacts found' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toHaveValue(term);
  }
  // A quote is just a character: it finds Liam O'Brien.
  await page.goto(`${contactsUrl()}?search=${encodeURIComponent("o'b")}`);
  await expect(table(page, 'Customer relations contacts').getByRole('cell', { name: "O'Brien", exact: true })).toBeVisible();
  const bogus = await page.goto(`${contactsUrl()}?sort=DROP_TABLE&state=weird&after=not-a-cursor`);
  expect(bogus?.status()).toBe(200);
  await expect(table(page, 'Customer relations contacts').getByRole('row')).toHaveCount(21);
  const forged = Buffer.from(JSON.stringify([0, { nested: true }, 'x'])).toString('base64url');
  const forgedResponse = await page.goto(`${organizationsUrl()}?before=${forged}&sort=NAME_DESC`);
  expect(forgedResponse?.status()).toBe(200);
  await expect(page.getByRole('table', { name: 'Customer relations organizations' }).getByRole('link', { name: 'Northwind Traders', exact: true })).toBeVisible();
});

test('the organizations list shows rates and counts, sorts, and searches', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto(organizationsUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Customer relations organizations' })).toBeVisible();
  const organizations = table(page, 'Customer relations organizations');
  for (const header of ['Name', 'Default rate', 'Description', 'Contacts', 'Open issues']) {
    await expect(organizations.getByRole('columnheader', { name: new RegExp(`^${header}`) })).toBeVisible();
  }
  const northwind = organizations.getByRole('row').filter({ has: page.getByRole('link', { name: 'Northwind Traders', exact: true }) });
  await expect(northwind.getByRole('cell').nth(1)).toHaveText('120.00');
  await expect(northwind.getByRole('cell').nth(5)).not.toHaveText('0');
  await expectNoAxeViolations(page);

  await organizations.getByRole('link', { name: /^Default rate/ }).click();
  await expect(page).toHaveURL(/sort=DEFAULT_RATE_ASC/);
  await expect(organizations.getByRole('columnheader', { name: /^Default rate/ })).toHaveAttribute('aria-sort', 'ascending');
  // Other journeys add organizations, so check the order rather than particular rows; no rate sorts last.
  const rates = (await organizations.getByRole('row').locator('td:nth-child(2)').allTextContents()).map((text) => text.trim());
  const numbers = rates.filter(Boolean).map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(rates.slice(numbers.length).every((rate) => rate === '')).toBe(true);

  await page.getByRole('navigation', { name: 'Filter organizations by state' }).getByRole('link', { name: /^Inactive/ }).click();
  await expect(organizations.getByRole('link', { name: 'Orbital Print Co.', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search organizations' }).fill('no such organization anywhere');
  await page.keyboard.press('Enter');
  await expect(organizations.getByRole('cell', { name: 'No organizations found' })).toBeVisible();
  await expect(page).toHaveURL(/state=inactive/);
});

test('a reporter sees no edit controls; an outsider gets 404 everywhere', async ({ page, browser }) => {
  await signIn(page, 'reporter');
  await page.goto(contactsUrl());
  await expect(page.getByRole('link', { name: /View issues/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'New contact' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await page.goto(organizationsUrl());
  await expect(page.getByRole('button', { name: 'New organization' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Northwind Traders', exact: true }).click();
  await expect(page).toHaveURL(/\/crm\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Traders' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0);
  const organizationUrl = page.url();
  await page.getByRole('table', { name: 'Contacts of the organization' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/crm\/contacts\/\d+$/);
  await expect(page.getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0);
  const contactUrl = page.url();

  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signIn(outsider, 'outsider');
  for (const url of [contactsUrl(), organizationsUrl(), contactUrl, organizationUrl, '/groups/acme/-/settings/crm']) {
    const response = await outsider.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  await outsiderContext.close();
});

test('keyboard only: sort, filter and page the list without a mouse', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  await tabTo(page, page.getByRole('link', { name: /^Inactive/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/state=inactive/);
  await tabTo(page, page.getByRole('link', { name: /^Last name/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=LAST_NAME_DESC/);
  await tabTo(page, page.getByRole('link', { name: /^All/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/state=all/);
  await tabTo(page, page.getByRole('link', { name: 'Next page' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/after=/);
  // The scrollable table frame takes focus too, so keyboard users can scroll it.
  await tabTo(page, page.getByRole('region', { name: 'Contacts table' }));
  await tabTo(page, page.getByRole('link', { name: /View issues/ }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/crm\/contacts\/\d+#issues$/);
});
