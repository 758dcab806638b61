import { expect, expectNoAxeViolations, recordRequests, signIn, test } from './fixtures';
import {
  alertMessage,
  commentBox,
  contactCount,
  contactsSection,
  createIssueViaForm,
  issuesUrl,
  postComment,
  sidebar,
  statusMessage,
  systemNotes,
  uniqueTag,
} from './issues-helpers';

test('/add_contacts and /remove_contacts in a comment change the sidebar and leave system notes', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Quick actions ${uniqueTag()}`);
  await expect(contactCount(page)).toHaveText('0 contacts');
  await expect(contactsSection(page).getByText('To add active contacts, use /add_contacts.')).toBeVisible();

  await postComment(page, '/add_contacts [contact:isabel.santos@cedarvalley.example]');
  await expect(statusMessage(page, 'One or more contacts were successfully added.')).toBeVisible();
  await expect(contactCount(page)).toHaveText('1 contact');
  await expect(sidebar(page).getByRole('link', { name: 'Isabel Santos' })).toBeVisible();
  await expect(systemNotes(page).filter({ hasText: 'added 1 contact' })).toBeVisible();
  // A comment of only quick actions is not stored as a comment.
  await expect(page.getByTestId('note')).toHaveCount(0);
  await expect(commentBox(page)).toHaveValue('');

  await postComment(page, 'Handing over to Cedar Valley.\n/remove_contacts ["contact:Isabel.Santos@cedarvalley.example"]');
  await expect(statusMessage(page, 'One or more contacts were successfully removed.')).toBeVisible();
  await expect(contactCount(page)).toHaveText('0 contacts');
  await expect(systemNotes(page).filter({ hasText: 'removed 1 contact' })).toBeVisible();
  // The text around the quick action is kept, without the command line.
  await expect(page.getByTestId('note')).toHaveCount(1);
  await expect(page.getByTestId('note-body')).toHaveText('Handing over to Cedar Valley.');
});

test('bad quick actions say what is wrong and change nothing', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Bad quick actions ${uniqueTag()}`);
  const cases: [string, string][] = [
    ['Note\n/add_contacts [contact:nobody@nowhere.example]', "No contact with the email nobody@nowhere.example in this group's customer relations"],
    ['/add_contacts [contact:farid.haddad@harborview.example]', 'Only active contacts can be added: farid.haddad@harborview.example is inactive'],
    ['/add_contacts', '/add_contacts needs at least one contact'],
    ['/add_contacts [contact:not-an-email]', '[contact:not-an-email] is not a contact email'],
  ];
  for (const [body, message] of cases) {
    await postComment(page, body);
    await expect(alertMessage(page, message)).toBeVisible();
    // Nothing stored: the text stays in the box for correcting.
    await expect(commentBox(page)).toHaveValue(body);
  }
  await page.reload();
  await expect(contactCount(page)).toHaveText('0 contacts');
  await expect(systemNotes(page)).toHaveCount(0);
  await expect(page.getByTestId('note')).toHaveCount(0);
});

test('more than six contacts at once are refused with the limit', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Limit ${uniqueTag()}`);
  const emails = ['jamal.reed', 'katarzyna.nowak', 'ivan.petrov'].map((name) => `${name}@brightline.example`);
  emails.push('maya.patel@maplefinch.example', 'noah.fischer@maplefinch.example', 'olga.ivanova@lumen.example', 'pedro.alvarez@lumen.example');
  await postComment(page, `/add_contacts ${emails.map((email) => `[contact:${email}]`).join(' ')}`);
  await expect(alertMessage(page, 'You can only add up to 6 contacts at one time')).toBeVisible();
  await expect(contactCount(page)).toHaveText('0 contacts');
});

test('the sidebar picker adds and removes contacts with the keyboard', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Picker ${uniqueTag()}`);
  const edit = contactsSection(page).getByRole('button', { name: 'Edit' });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(edit).toHaveAttribute('aria-expanded', 'true');
  const search = page.getByRole('combobox', { name: 'Search contacts' });
  await expect(search).toBeFocused();
  await page.keyboard.type('nakamura');
  const results = page.getByRole('listbox', { name: 'Contacts to add' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option', { name: /Henry Nakamura/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');

  await expect(statusMessage(page, 'Henry Nakamura added.')).toBeVisible();
  await expect(contactCount(page)).toHaveText('1 contact');
  await expect(sidebar(page).getByRole('link', { name: 'Henry Nakamura' })).toBeVisible();
  await expect(systemNotes(page).filter({ hasText: 'added 1 contact' })).toBeVisible();
  // Henry is on the issue now, so the picker no longer offers him.
  await expect(page.getByRole('status').filter({ hasText: 'No matching contacts' })).toBeVisible();

  // A second contact through arrow keys.
  await search.fill('harborview');
  await expect(results.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const chosen = results.getByRole('option', { selected: true });
  const chosenName = (await chosen.locator('span').first().textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(contactCount(page)).toHaveText('2 contacts');
  await expect(sidebar(page).getByRole('link', { name: chosenName })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(edit).toBeFocused();

  await sidebar(page).getByRole('button', { name: 'Remove Henry Nakamura' }).click();
  await expect(statusMessage(page, 'Henry Nakamura removed.')).toBeVisible();
  await expect(contactCount(page)).toHaveText('1 contact');
  await expect(sidebar(page).getByRole('link', { name: 'Henry Nakamura' })).toHaveCount(0);
  await expect(systemNotes(page).filter({ hasText: 'removed 1 contact' })).toBeVisible();

  // What the page showed is what was stored.
  await page.reload();
  await expect(contactCount(page)).toHaveText('1 contact');
  await expect(sidebar(page).getByRole('link', { name: chosenName })).toBeVisible();
});

test('the hover card opens on keyboard focus, shows the details without a request, and closes on Escape', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(`${issuesUrl()}/1`);
  const link = sidebar(page).getByRole('link', { name: 'Alice Johnson' });
  await expect(link).toHaveAttribute('href', /crm_contact_id=\d+$/);
  const requests = await recordRequests(page);
  await link.focus();
  const card = page.getByTestId('contact-hover-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Alice Johnson');
  await expect(card).toContainText('Northwind Traders');
  await expect(card).toContainText('Rate: 120.00');
  await expect(card).toContainText('+1 206 555 0101');
  await expect(card).toContainText('Head of e-commerce');
  await expect(card.getByRole('link', { name: 'alice.johnson@northwind.example' })).toHaveAttribute('href', 'mailto:alice.johnson@northwind.example');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  expect(requests).toEqual([]);

  // The pointer can move onto the card without it closing.
  await link.hover();
  await expect(card).toBeVisible();
  await card.hover();
  await page.waitForTimeout(400);
  await expect(card).toBeVisible();
});

test('a reporter sees the contacts but no picker, and /add_contacts is refused', async ({ page }) => {
  await signIn(page, 'reporter');
  await page.goto(`${issuesUrl()}/1`);
  await expect(contactsSection(page)).toBeVisible();
  await expect(sidebar(page).getByRole('link', { name: 'Alice Johnson' })).toBeVisible();
  await expect(contactsSection(page).getByRole('button')).toHaveCount(0);
  await createIssueViaForm(page, `Reporter ${uniqueTag()}`);
  await postComment(page, '/add_contacts [contact:samuel.mensah@greenfieldvet.example]');
  await expect(alertMessage(page, 'You have insufficient permissions to set customer relations contacts for this issue')).toBeVisible();
  await expect(contactCount(page)).toHaveText('0 contacts');
});

test('a guest sees no Contacts section', async ({ page }) => {
  await signIn(page, 'guest');
  await page.goto(`${issuesUrl()}/1`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(sidebar(page).getByRole('heading', { name: 'Contacts' })).toHaveCount(0);
  await expect(contactsSection(page)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the comment box suggests contacts after [contact: for /add_contacts and /remove_contacts', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Autocomplete ${uniqueTag()}`);
  await commentBox(page).click();
  await page.keyboard.type('/add_contacts [contact:patel');
  const suggestions = page.getByRole('listbox', { name: 'Contacts to add' });
  await expect(suggestions.getByRole('option', { name: /Maya Patel/ })).toBeVisible();
  await expect(commentBox(page)).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(commentBox(page)).toHaveValue('/add_contacts [contact:maya.patel@maplefinch.example]');
  await expect(suggestions).toHaveCount(0);
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(sidebar(page).getByRole('link', { name: 'Maya Patel' })).toBeVisible();

  await commentBox(page).click();
  await page.keyboard.type('/remove_contacts [contact:');
  const onIssue = page.getByRole('listbox', { name: 'Contacts on this issue' });
  await expect(onIssue.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(onIssue).toHaveCount(0);
  await page.keyboard.type('m');
  await expect(onIssue.getByRole('option', { name: /Maya Patel/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(commentBox(page)).toHaveValue('/remove_contacts [contact:maya.patel@maplefinch.example]');
  await page.keyboard.press('Control+Enter');
  await expect(statusMessage(page, 'One or more contacts were successfully removed.')).toBeVisible();
  await expect(contactCount(page)).toHaveText('0 contacts');
});
