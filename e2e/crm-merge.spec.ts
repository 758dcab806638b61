import { contactsUrl, graphql, statusMessage, uniqueTag } from './crm-fixtures';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

const createContact = /* GraphQL */ `
  mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }
`;

test('a maintainer merges a possible duplicate: the kept contact takes its issue and its empty fields', async ({ page }) => {
  const tag = uniqueTag();
  const lastName = `Twin${tag}`;
  const issueTitle = `Merge journey issue ${tag}`;
  await signIn(page, 'maintainer');
  await page.goto(contactsUrl());

  // Two records of one person: the older has an email, the newer a phone and an issue.
  const { group } = await graphql<{ group: { id: string } }>(page, 'query { group(fullPath: "acme") { id } }', {});
  const { customerRelationsContactCreate: older } = await graphql<{ customerRelationsContactCreate: { contact: { id: string } } }>(page, createContact, {
    input: { groupId: group.id, firstName: 'Mira', lastName, email: `mira.${tag}@example.com` },
  });
  const { customerRelationsContactCreate: newer } = await graphql<{ customerRelationsContactCreate: { contact: { id: string } } }>(page, createContact, {
    input: { groupId: group.id, firstName: 'mira', lastName: ` ${lastName.toUpperCase()} `, phone: '+1 555 010 7788' },
  });
  const { createIssue } = await graphql<{ createIssue: { issue: { iid: string } } }>(
    page,
    'mutation($input: CreateIssueInput!) { createIssue(input: $input) { issue { iid } } }',
    { input: { projectPath: 'acme/website', title: issueTitle } },
  );
  await graphql(page, 'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }', {
    input: { projectPath: 'acme/website', iid: createIssue.issue.iid, contactIds: [newer.contact.id] },
  });

  await page.reload();
  await page.getByRole('link', { name: 'Possible duplicates' }).click();
  await expect(page).toHaveURL(/\/groups\/acme\/-\/crm\/contacts\/duplicates$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Possible duplicate contacts' })).toBeVisible();
  const olderId = older.contact.id.split('/').pop()!;
  const pair = page.getByRole('listitem').filter({ hasText: `#${olderId}` }).filter({ hasText: 'Mira' });
  await expect(pair).toContainText('Matched by same name');
  await expect(pair.getByRole('radio', { name: `Keep Mira ${lastName} #${olderId}` })).toBeChecked();
  await expect(pair.getByRole('row', { name: /^Phone/ })).toContainText('will be filled from');
  await expect(pair).toContainText('Fills phone of Mira');
  await expectNoAxeViolations(page);

  await pair.getByRole('button', { name: `Merge into Mira ${lastName}` }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Merge contacts?' });
  await expect(dialog).toHaveAccessibleDescription(new RegExp(`will be merged into Mira ${lastName} \\(#${olderId}\\).*it is deleted`));
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: `Merge into Mira ${lastName}` }).click();

  await expect(page).toHaveURL(new RegExp(`/groups/acme/-/crm/contacts/${olderId}$`));
  await expect(statusMessage(page, 'Contacts have been merged.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Mira ${lastName}` })).toBeVisible();
  await expect(page.getByText('+1 555 010 7788', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Issues/ }).getByRole('link', { name: issueTitle })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent activity' })).toContainText('merged a duplicate into the contact');
  await expectNoAxeViolations(page);

  const gone = await page.goto(`${contactsUrl()}/${newer.contact.id.split('/').pop()}`);
  expect(gone?.status()).toBe(404);
});

test('the possible duplicates page is for Maintainers only', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(contactsUrl());
  await expect(page.getByRole('button', { name: 'New contact' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Possible duplicates' })).toHaveCount(0);
  const response = await page.goto(`${contactsUrl()}/duplicates`);
  expect(response?.status()).toBe(404);
});
