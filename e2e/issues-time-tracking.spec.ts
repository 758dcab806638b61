import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { alertMessage, createIssueViaForm, issuesUrl, postComment, sidebar, systemNotes, uniqueTag } from './issues-helpers';

test('time is estimated and spent with quick actions, added in the dialog, deleted, and the sidebar passes axe', async ({ page }) => {
  await signIn(page, 'developer');
  await createIssueViaForm(page, `Time tracking ${uniqueTag()}`);
  const timeTracking = sidebar(page).getByTestId('time-tracking');
  await expect(timeTracking.getByTestId('time-spent')).toHaveText('None');
  await expect(timeTracking.getByTestId('time-estimate')).toHaveText('None');

  await postComment(page, '/estimate 1d\n/spend 2h');
  await expect(timeTracking.getByTestId('time-estimate')).toHaveText('1d');
  await expect(timeTracking.getByTestId('time-spent')).toHaveText('2h');
  await expect(timeTracking.getByRole('progressbar', { name: 'Time spent of the estimate' })).toHaveAttribute('aria-valuenow', '25');
  await expect(systemNotes(page).filter({ hasText: 'changed time estimate to 1d' })).toBeVisible();
  await expect(systemNotes(page).filter({ hasText: /added 2h of time spent at \d{4}-\d{2}-\d{2}/ })).toBeVisible();

  await postComment(page, '/spend soon');
  await expect(alertMessage(page, '/spend needs a duration')).toBeVisible();
  await expect(timeTracking.getByTestId('time-spent')).toHaveText('2h');

  // The dialog: keyboard only, a refused duration, then a good one.
  await timeTracking.getByRole('button', { name: 'Add time entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add time entry' });
  await expect(dialog.getByLabel('Time spent')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.type('later');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Time spent must be formatted correctly. For example: 1h 30m.');
  await dialog.getByLabel('Time spent').fill('1h 30m');
  await dialog.getByLabel('Summary').fill('Call with <b>Acme</b>');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeTracking.getByTestId('time-spent')).toHaveText('3h 30m');
  const entries = timeTracking.getByRole('list', { name: 'Time entries' }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.last()).toContainText('1h 30m by Devi Developer');
  await expect(entries.last()).toContainText('Call with <b>Acme</b>');
  await expectNoAxeViolations(page);

  await entries.first().getByRole('button', { name: /Delete time entry of 2h/ }).click();
  await page.getByRole('alertdialog', { name: 'Delete time entry?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(entries).toHaveCount(1);
  await expect(timeTracking.getByTestId('time-spent')).toHaveText('1h 30m');
  await expect(systemNotes(page).filter({ hasText: /deleted 2h of spent time from/ })).toBeVisible();
});

test('a Guest sees the time spent but may not add or delete entries', async ({ page }) => {
  await signIn(page, 'guest');
  await page.goto(`${issuesUrl()}/1`);
  const timeTracking = sidebar(page).getByTestId('time-tracking');
  await expect(timeTracking.getByRole('heading', { name: 'Time tracking' })).toBeVisible();
  await expect(timeTracking.getByRole('button')).toHaveCount(0);
});
