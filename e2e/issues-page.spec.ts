import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import {
  alertMessage,
  commentBox,
  contactCount,
  createIssueViaForm,
  failOnDialog,
  issuesUrl,
  postComment,
  sidebar,
  systemNotes,
  uniqueTag,
} from './issues-helpers';

test('the issue page renders its Markdown description and discussion, and passes axe', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(`${issuesUrl()}/1`);
  const description = page.getByTestId('issue-description');
  // "### Steps to reproduce" sits under the page's h1 as an h2.
  await expect(description.getByRole('heading', { level: 2, name: 'Steps to reproduce' })).toBeVisible();
  await expect(description.locator('strong', { hasText: '504 Gateway Timeout' })).toBeVisible();
  await expect(description.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('note').first()).toContainText('Northwind reported this again');
  await expect(page.getByTestId('note-body').locator('pre code').first()).toContainText('const rates = await taxRates');
  await expect(systemNotes(page).filter({ hasText: 'added 2 contacts' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a comment renders Markdown; HTML and script in titles, descriptions and comments stay text', async ({ page }) => {
  const dialogs = failOnDialog(page);
  await signIn(page, 'developer');
  const title = `<img src=x onerror=alert('title')> XSS ${uniqueTag()}`;
  await createIssueViaForm(page, title, "Has **bold** text.\n\n<script>alert('description')</script>");
  const description = page.getByTestId('issue-description');
  await expect(description.locator('strong')).toHaveText('bold');
  await expect(description).toContainText("<script>alert('description')</script>");

  await postComment(page, 'Some *emphasis*, a `code span` and a [safe link](https://example.com/docs).\n\n- first\n- second');
  const note = page.getByTestId('note').last();
  await expect(note.locator('em')).toHaveText('emphasis');
  await expect(note.locator('code')).toHaveText('code span');
  await expect(note.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.com/docs');
  await expect(note.getByRole('listitem')).toHaveCount(2);
  await expect(commentBox(page)).toHaveValue('');

  const payload = `<img src=x onerror="alert('img')"><script>alert('script')</script> [click me](javascript:alert('link')) <a href="javascript:alert(1)">raw</a>`;
  await postComment(page, payload);
  const xssNote = page.getByTestId('note').last();
  await expect(xssNote).toContainText(`<img src=x onerror="alert('img')"><script>alert('script')</script>`);
  await expect(xssNote.locator('img, script')).toHaveCount(0);
  await expect(xssNote.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(xssNote.getByText('click me')).toBeVisible();
  await xssNote.getByText('click me').click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(dialogs).toEqual([]);
});

test('the new issue form validates next to the fields and runs quick actions in the description', async ({ page }) => {
  await signIn(page, 'developer');
  await page.goto(`${issuesUrl()}/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'New issue' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Create issue' }).click();
  const titleField = page.getByLabel('Title');
  await expect(titleField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText("Title can't be blank")).toBeVisible();
  await expect(titleField).toBeFocused();
  await expectNoAxeViolations(page);

  const title = `Quick actions in a description ${uniqueTag()}`;
  await titleField.fill(title);
  // Editing the field takes its message away.
  await expect(titleField).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText("Title can't be blank")).toHaveCount(0);
  await page.getByLabel('Description').fill('Please call them.\n/add_contacts [contact:nobody@nowhere.example]');
  await page.getByRole('button', { name: 'Create issue' }).click();
  await expect(page.getByLabel('Description')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText("No contact with the email nobody@nowhere.example in this group's customer relations")).toBeVisible();
  await expect(page).toHaveURL(/\/-\/issues\/new$/);

  await page.getByLabel('Description').fill('Please call them.\n/add_contacts [contact:EMILY.CHEN@harborview.example]');
  await page.getByRole('button', { name: 'Create issue' }).click();
  await expect(page).toHaveURL(/\/-\/issues\/\d+$/);
  await expect(page.getByTestId('issue-description')).toHaveText('Please call them.');
  await expect(contactCount(page)).toHaveText('1 contact');
  await expect(sidebar(page).getByRole('link', { name: 'Emily Chen' })).toBeVisible();
  await expect(systemNotes(page).filter({ hasText: 'added 1 contact' })).toBeVisible();

  // The failed attempt created nothing.
  await page.goto(`${issuesUrl()}?search=${encodeURIComponent(title)}&state=all`);
  await expect(page.getByRole('list', { name: 'Issues' }).getByRole('listitem')).toHaveCount(1);
});

test('a developer closes and reopens an issue; a guest cannot', async ({ page, browser }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Close me ${uniqueTag()}`);
  const iidUrl = page.url();
  await page.getByRole('button', { name: 'Close issue' }).click();
  await expect(page.getByRole('button', { name: 'Reopen issue' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Closed', { exact: true })).toBeVisible();
  await expect(systemNotes(page).filter({ hasText: 'closed' })).toBeVisible();
  await page.getByRole('button', { name: 'Reopen issue' }).click();
  await expect(page.getByRole('button', { name: 'Close issue' })).toBeVisible();
  await expect(systemNotes(page).filter({ hasText: 'reopened' })).toBeVisible();

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await signIn(guest, 'guest');
  await guest.goto(iidUrl);
  await expect(guest.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(guest.getByRole('button', { name: /Close issue|Reopen issue/ })).toHaveCount(0);
  // Guests may still comment, as in GitLab.
  await postComment(guest, 'A guest comment');
  await expect(guest.getByTestId('note').last()).toContainText('A guest comment');
  await guestContext.close();
});

test('an empty comment is refused in place', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Empty comment ${uniqueTag()}`);
  await postComment(page, '   ');
  await expect(alertMessage(page, "Comment can't be blank")).toBeVisible();
  await expect(page.getByTestId('note')).toHaveCount(0);
});
