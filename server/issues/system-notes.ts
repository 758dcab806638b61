/** Bodies of the system notes GitLab writes on an issue (app/services/system_notes/issuables_service.rb). */

const pluralize = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;

/**
 * "added 2 contacts", "removed 1 contact", "added 2 contacts and removed 1 contact". GitLab names
 * counts, not people, so the note does not disclose contacts to readers who may not see them.
 */
export function contactsChangedNote(added: number, removed: number): string | null {
  const parts: string[] = [];
  if (added > 0) parts.push(`added ${pluralize(added, 'contact')}`);
  if (removed > 0) parts.push(`removed ${pluralize(removed, 'contact')}`);
  return parts.length > 0 ? parts.join(' and ') : null;
}

export const closedNote = 'closed';
export const reopenedNote = 'reopened';
export const descriptionChangedNote = 'changed the description';

export function titleChangedNote(oldTitle: string, newTitle: string): string {
  return `changed title from **${oldTitle}** to **${newTitle}**`;
}
