import type { ProjectRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { type PreparedContactQuickActions, prepareContactQuickActions, type QuickActionsStatus, runContactQuickActions } from './contact-quick-actions';
import { isContactCommand, type QuickActionCommand, type QuickActionName, type TimeQuickActionCommand } from './quick-actions';
import type { IssueForContacts } from './set-issue-contacts';
import { prepareTimeQuickActions, runTimeQuickActions, type TimeAction } from './time-quick-actions';

/** Every quick action of a comment or description, checked and ready to run, or why they cannot. */
export type PreparedQuickActions =
  | { ok: true; contacts: Extract<PreparedContactQuickActions, { ok: true }>; time: TimeAction[]; commandNames: QuickActionName[] }
  | { ok: false; status: QuickActionsStatus };

/** The checks that need no transaction (see `prepareContactQuickActions`): call it before opening one. */
export async function prepareQuickActions(
  permissions: Permissions,
  project: ProjectRef,
  commands: readonly QuickActionCommand[],
): Promise<PreparedQuickActions> {
  const commandNames = [...new Set(commands.map((command) => command.name))];
  const contacts = await prepareContactQuickActions(permissions, project, commands.filter(isContactCommand));
  if (!contacts.ok) return { ok: false, status: { ...contacts.status, commandNames } };
  const timeCommands = commands.filter((command): command is TimeQuickActionCommand => !isContactCommand(command));
  const time = await prepareTimeQuickActions(permissions, project, timeCommands);
  if (!time.ok) return { ok: false, status: { commandNames, messages: [], errorMessages: time.errorMessages } };
  return { ok: true, contacts, time: time.actions, commandNames };
}

/**
 * Runs prepared quick actions inside the transaction that stores the text and holds the issue's
 * row lock; `noteId` is the comment they came with, when one was stored. Errors in the status
 * mean the caller must undo the transaction (throw QuickActionsFailed).
 */
export async function runQuickActions(
  tx: Database,
  permissions: Permissions,
  issue: IssueForContacts,
  prepared: Extract<PreparedQuickActions, { ok: true }>,
  noteId: number | null = null,
): Promise<QuickActionsStatus> {
  const { commandNames } = prepared;
  const contactStatus = await runContactQuickActions(tx, permissions, issue, prepared.contacts);
  if (contactStatus.errorMessages.length > 0) return { ...contactStatus, commandNames };
  const time = prepared.time.length > 0 ? await runTimeQuickActions(tx, permissions.actorId(), issue.id, prepared.time, noteId) : { messages: [], errorMessages: [] };
  if (time.errorMessages.length > 0) return { commandNames, messages: [], errorMessages: time.errorMessages };
  return { commandNames, messages: [...contactStatus.messages, ...time.messages], errorMessages: [] };
}
