import { expect, type Locator, type Page } from '@playwright/test';

/** Shared by the issue journeys. Each journey opens its own issue, so none depends on another. */

export const project = 'acme/website';
export const issuesUrl = (path = project) => `/${path}/-/issues`;

/** A short unique tag for titles, so a journey finds exactly the issue it created. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Opens an issue through the "New issue" form and waits for its page; returns its iid. */
export async function createIssueViaForm(page: Page, title: string, description = '', path = project): Promise<string> {
  await page.goto(`${issuesUrl(path)}/new`);
  await page.getByLabel('Title').fill(title);
  if (description) await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Create issue' }).click();
  await expect(page).toHaveURL(new RegExp(`/${path}/-/issues/\\d+$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return page.url().split('/').pop() ?? '';
}

export function commentBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Comment' });
}

/** Types a comment and sends it; the caller checks what the page says. */
export async function postComment(page: Page, body: string): Promise<void> {
  await commentBox(page).fill(body);
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
}

export function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Issue details' });
}

export function contactsSection(page: Page): Locator {
  return page.getByTestId('issue-contacts');
}

export function contactCount(page: Page): Locator {
  return page.getByTestId('issue-contacts-count');
}

export function statusMessage(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

export function alertMessage(page: Page, text: string | RegExp): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

export function systemNotes(page: Page): Locator {
  return page.getByTestId('system-note');
}

/** Fails the journey if anything opens a JavaScript dialog (an XSS payload that ran). */
export function failOnDialog(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}
