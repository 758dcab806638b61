import { expect, type Page } from '@playwright/test';

/**
 * Chooses `option` in an issue list's customer filter ("Contact" or "Organization") with the
 * keyboard only: focus the field, type, move down to the match, Enter. The list applies it at once.
 */
export async function chooseCustomerFilter(page: Page, label: 'Contact' | 'Organization', typed: string, option: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label });
  await field.focus();
  await field.press('Control+a');
  await field.pressSequentially(typed);
  const listbox = page.getByRole('listbox', { name: `${label} options` });
  await expect(listbox.getByRole('option', { name: option })).toBeVisible();
  // The first option ("Any …") clears the filter; the match comes after it.
  const options = await listbox.getByRole('option').allTextContents();
  const index = options.findIndex((text) => text.startsWith(option));
  for (let step = 0; step < index; step += 1) await field.press('ArrowDown');
  await expect(listbox.getByRole('option', { name: option })).toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');
}

/** Clears a customer filter from its field: open the list with the keyboard and choose "Any …". */
export async function clearCustomerFilter(page: Page, label: 'Contact' | 'Organization'): Promise<void> {
  const field = page.getByRole('combobox', { name: label });
  await field.focus();
  await field.press('ArrowDown');
  const any = page.getByRole('listbox', { name: `${label} options` }).getByRole('option', { name: `Any ${label.toLowerCase()}` });
  await expect(any).toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');
}
