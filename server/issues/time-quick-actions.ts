import type { ProjectRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import {
  estimateFormatMessage,
  spendDateInvalidMessage,
  spendFormatMessage,
  spentAtInFutureMessage,
  timeEstimateRemovedMessage,
  timeEstimateSetMessage,
  timeSpentAddedMessage,
  timeSpentRemovedMessage,
  timeSpentSubtractedMessage,
  timeTrackingRefusedMessage,
} from './messages';
import type { TimeQuickActionCommand } from './quick-actions';
import { formatDuration, parseDuration } from '@/lib/issues/time-tracking-format';
import { logTimeLocked, removeTimeSpentLocked, setTimeEstimateLocked } from './time-tracking-service';

/** A time tracking command with its argument understood. */
export type TimeAction =
  | { name: 'estimate'; seconds: number }
  | { name: 'remove_estimate' }
  | { name: 'spend'; seconds: number; spentAt: Date | 'now' }
  | { name: 'remove_time_spent' };

/** GitLab's SpendTimeAndDateSeparator: a date anywhere in the argument, the rest is the duration. */
const spendDatePattern = /(\d{2,4}[/\-.]\d{1,2}[/\-.]\d{1,2})/;

/** `2026-11-30` as GitLab's `Date.parse(…).midday`, in UTC; null when it is no real date. */
function middayOf(text: string): Date | null {
  const [year, monthNumber, dayNumber] = text.split(/[/\-.]/).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year < 100 ? 2000 + year : year, monthNumber - 1, dayNumber, 12));
  return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === dayNumber ? date : null;
}

function parseSpend(argument: string, today: string): TimeAction | string {
  const dateText = spendDatePattern.exec(argument)?.[1];
  const seconds = parseDuration(dateText ? argument.replace(dateText, '') : argument);
  if (seconds === null) return spendFormatMessage;
  if (!dateText) return { name: 'spend', seconds, spentAt: 'now' };
  const spentAt = middayOf(dateText);
  if (!spentAt) return spendDateInvalidMessage(dateText);
  // GitLab takes today and past days only.
  if (spentAt.toISOString().slice(0, 10) > today) return spentAtInFutureMessage;
  return { name: 'spend', seconds, spentAt };
}

/** The command's action, or the message saying why its argument is refused. */
export function parseTimeCommand(command: TimeQuickActionCommand, now = new Date()): TimeAction | string {
  switch (command.name) {
    case 'estimate': {
      const seconds = parseDuration(command.argument, { keepZero: true });
      return seconds === null || seconds < 0 ? estimateFormatMessage : { name: 'estimate', seconds };
    }
    case 'spend':
      return parseSpend(command.argument, now.toISOString().slice(0, 10));
    default:
      return { name: command.name };
  }
}

export type PreparedTimeQuickActions = { ok: true; actions: TimeAction[] } | { ok: false; errorMessages: string[] };

/** The checks that need no transaction: every argument parses and the viewer may track time. */
export async function prepareTimeQuickActions(
  permissions: Permissions,
  project: ProjectRef,
  commands: readonly TimeQuickActionCommand[],
): Promise<PreparedTimeQuickActions> {
  if (commands.length === 0) return { ok: true, actions: [] };
  const parsed = commands.map((command) => parseTimeCommand(command));
  const errorMessages = [...new Set(parsed.filter((result): result is string => typeof result === 'string'))];
  if (errorMessages.length > 0) return { ok: false, errorMessages };
  if (!(await permissions.canTrackTime(project))) return { ok: false, errorMessages: [timeTrackingRefusedMessage] };
  return { ok: true, actions: parsed as TimeAction[] };
}

/** GitLab's execution message of an action. */
function messageOf(action: TimeAction): string {
  switch (action.name) {
    case 'estimate':
      return action.seconds === 0 ? timeEstimateRemovedMessage : timeEstimateSetMessage(formatDuration(action.seconds)!);
    case 'remove_estimate':
      return timeEstimateRemovedMessage;
    case 'spend':
      return action.seconds > 0 ? timeSpentAddedMessage(formatDuration(action.seconds)!) : timeSpentSubtractedMessage(formatDuration(-action.seconds)!);
    case 'remove_time_spent':
      return timeSpentRemovedMessage;
  }
}

/**
 * Runs the actions in the order written, inside the transaction that holds the issue's row lock;
 * `noteId` is the comment they came with, when it was stored. Answers the messages, or the errors
 * that must undo the transaction.
 */
export async function runTimeQuickActions(
  tx: Database,
  actorId: number,
  issueId: number,
  actions: readonly TimeAction[],
  noteId: number | null,
): Promise<{ messages: string[]; errorMessages: string[] }> {
  for (const action of actions) {
    if (action.name === 'estimate' || action.name === 'remove_estimate') {
      await setTimeEstimateLocked(tx, actorId, issueId, action.name === 'estimate' ? action.seconds : 0);
    } else if (action.name === 'remove_time_spent') {
      await removeTimeSpentLocked(tx, actorId, issueId, noteId);
    } else {
      const logged = await logTimeLocked(tx, { issueId, userId: actorId, timeSpent: action.seconds, spentAt: action.spentAt, summary: null, noteId });
      if (!logged.ok) return { messages: [], errorMessages: logged.errors };
    }
  }
  return { messages: actions.map(messageOf), errorMessages: [] };
}
