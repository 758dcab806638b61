import type { ProjectRef } from '../auth/access-lookups';
import type { Permissions, Refusal } from '../auth/permissions';
import type { Database } from '../db/client';
import { contactsOfGroupByEmails } from '../crm/contact-repository';
import {
  contactsAddedMessage,
  contactsRemovedMessage,
  customerRelationsDisabledMessage,
  inactiveContactEmailsMessage,
  insufficientContactPermissionsMessage,
  invalidContactReferencesMessage,
  quickActionWithoutContactsMessage,
  unknownContactEmailsMessage,
} from './messages';
import type { ContactQuickAction, ContactQuickActionCommand as QuickActionCommand, QuickActionName } from './quick-actions';
import { type IssueForContacts, setIssueContacts } from './set-issue-contacts';

/** GitLab's `QuickActionsStatus`: what ran, what it said, and what went wrong. */
export interface QuickActionsStatus {
  commandNames: QuickActionName[];
  messages: string[];
  errorMessages: string[];
}

/** Thrown inside a transaction to undo it when a quick action fails: nothing is written. */
export class QuickActionsFailed extends Error {
  constructor(readonly status: QuickActionsStatus) {
    super(status.errorMessages.join('; '));
  }
}

const successMessages: Record<ContactQuickAction, string> = {
  add_contacts: contactsAddedMessage,
  remove_contacts: contactsRemovedMessage,
};

function uniqueByLowercase(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}

function syntaxErrors(commands: readonly QuickActionCommand[]): string[] {
  const errors = commands.filter((command) => command.tokens.length === 0).map((command) => quickActionWithoutContactsMessage(command.name));
  const invalid = [...new Set(commands.flatMap((command) => command.tokens.filter((token) => token.email === null).map((token) => token.raw)))];
  if (invalid.length > 0) errors.push(invalidContactReferencesMessage(invalid));
  return errors;
}

/** A quick action says why it was refused in its status, not as a top-level error. */
const refusalMessages: Record<Refusal, string> = {
  feature_disabled: customerRelationsDisabledMessage,
  not_found: insufficientContactPermissionsMessage,
};

/** Contact quick actions checked for syntax and permission, ready to run, or why they cannot. */
export type PreparedContactQuickActions =
  | { ok: true; commands: readonly QuickActionCommand[]; commandNames: ContactQuickAction[]; crmGroupId: number }
  | { ok: false; status: QuickActionsStatus };

/**
 * The checks that need no transaction. Call it before opening one: it also settles the viewer's
 * permission lookups (memoized for the request), so nothing inside the transaction queries outside
 * it, which on PGlite's single connection would wait forever for the transaction to end.
 */
export async function prepareContactQuickActions(
  permissions: Permissions,
  project: ProjectRef,
  commands: readonly QuickActionCommand[],
): Promise<PreparedContactQuickActions> {
  const commandNames = [...new Set(commands.map((command) => command.name))];
  const failed = (errorMessages: string[]) => ({ ok: false as const, status: { commandNames, messages: [], errorMessages } });
  if (commands.length === 0) return { ok: true, commands, commandNames, crmGroupId: 0 };
  const syntax = syntaxErrors(commands);
  if (syntax.length > 0) return failed(syntax);
  // The issue's author or editor: they see the project, so CRM off there is "Feature disabled".
  const target = await permissions.issueContactsTarget(project);
  if ('refusal' in target) return failed([refusalMessages[target.refusal]]);
  return { ok: true, commands, commandNames, crmGroupId: target.crmGroupId };
}

/**
 * Runs prepared contact quick actions of a comment or description through `setIssueContacts`.
 * Unlike GitLab, which silently skips unknown or inactive contacts, every problem is reported and
 * then nothing changes. Call it inside the transaction that stores the text, so a failure (thrown
 * as QuickActionsFailed by the caller) undoes both.
 */
export async function runContactQuickActions(
  tx: Database,
  permissions: Permissions,
  issue: IssueForContacts,
  prepared: Extract<PreparedContactQuickActions, { ok: true }>,
): Promise<QuickActionsStatus> {
  const { commands, commandNames, crmGroupId } = prepared;
  const failed = (errorMessages: string[]): QuickActionsStatus => ({ commandNames, messages: [], errorMessages });
  if (commands.length === 0) return { commandNames, messages: [], errorMessages: [] };

  const emailsOf = (name: ContactQuickAction) =>
    uniqueByLowercase(commands.filter((command) => command.name === name).flatMap((command) => command.tokens.flatMap((token) => token.email ?? [])));
  const addEmails = emailsOf('add_contacts');
  const removeEmails = emailsOf('remove_contacts');
  const found = new Map(
    (await contactsOfGroupByEmails(tx, crmGroupId, [...addEmails, ...removeEmails])).map((contact) => [(contact.email ?? '').toLowerCase(), contact]),
  );

  const unknown = uniqueByLowercase([...addEmails, ...removeEmails].filter((email) => !found.has(email.toLowerCase())));
  const inactive = addEmails.filter((email) => found.get(email.toLowerCase())?.state === 'inactive');
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(unknownContactEmailsMessage(unknown));
  if (inactive.length > 0) problems.push(inactiveContactEmailsMessage(inactive));
  if (problems.length > 0) return failed(problems);

  const idsOf = (emails: string[]) => emails.flatMap((email) => found.get(email.toLowerCase())?.id ?? []);
  const result = await setIssueContacts(tx, permissions, issue, { add: idsOf(addEmails), remove: idsOf(removeEmails) });
  if (!result.ok) return failed(result.errors);
  return { commandNames, messages: commandNames.map((name) => successMessages[name]), errorMessages: [] };
}
