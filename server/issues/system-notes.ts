import { formatDuration } from '@/lib/issues/time-tracking-format';

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

/**
 * On each issue a contact merge changed (beyond GitLab): in GitLab's voice, and like the notes above
 * naming no one, since readers of an issue may not be readers of its contacts.
 */
export const contactsMergedNote = 'merged 2 duplicate contacts into 1';

export const closedNote = 'closed';
export const reopenedNote = 'reopened';
export const descriptionChangedNote = 'changed the description';

export function titleChangedNote(oldTitle: string, newTitle: string): string {
  return `changed title from **${oldTitle}** to **${newTitle}**`;
}

/** `2026-11-30`: GitLab writes the day of a timelog in its notes. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** SystemNotes::TimeTrackingService#change_time_estimate. */
export function timeEstimateChangedNote(seconds: number): string {
  return seconds === 0 ? 'removed time estimate' : `changed time estimate to ${formatDuration(seconds)}`;
}

/** SystemNotes::TimeTrackingService#created_timelog: "added 1h 30m of time spent at 2026-11-30". */
export function timeSpentNote(seconds: number, spentAt: Date): string {
  return `${seconds > 0 ? 'added' : 'subtracted'} ${formatDuration(Math.abs(seconds))} of time spent at ${dayOf(spentAt)}`;
}

export const timeSpentRemovedNote = 'removed time spent';

/** SystemNotes::TimeTrackingService#remove_timelog: "deleted 30m of spent time from 2026-11-30". */
export function timelogDeletedNote(seconds: number, spentAt: Date): string {
  return `deleted ${formatDuration(seconds)} of spent time from ${dayOf(spentAt)}`;
}
