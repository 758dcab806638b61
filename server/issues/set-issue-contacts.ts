import type { ProjectRef } from '../auth/access-lookups';
import type { Permissions } from '../auth/permissions';
import { contactIssueActions, recordAuditEvent, recordAuditEvents } from '../audit/audit-repository';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import { contactsOfGroupByIds } from '../crm/contact-repository';
import { linkContacts, linkedContactIds, moveContactLinks, unlinkContacts, unlinkContactEverywhere } from './issue-contacts-repository';
import { insertNote, insertSystemNotes, lockIssue, touchIssues } from './issue-repository';
import { contactsNotFoundMessage, inactiveContactsMessage, maxContactsAddedAtOnce, tooManyContactsMessage } from './messages';
import { contactsChangedNote, contactsMergedNote } from './system-notes';

/**
 * What to change: `add` and `remove` (APPEND, REMOVE, quick actions, the sidebar picker) or
 * `replace` (REPLACE: the issue ends up with exactly these contacts).
 */
export interface IssueContactChanges {
  add?: readonly number[];
  remove?: readonly number[];
  replace?: readonly number[];
}

export interface IssueForContacts {
  id: number;
  project: ProjectRef;
}

export interface ContactsChanged {
  added: number[];
  removed: number[];
}

/** What actually changes, given what is linked now. A contact both added and removed is removed. */
function planChanges(existing: ReadonlySet<number>, changes: IssueContactChanges) {
  const remove = new Set(changes.remove ?? []);
  const add = new Set(changes.add ?? []);
  if (changes.replace) {
    const keep = new Set(changes.replace);
    for (const id of keep) add.add(id);
    for (const id of existing) if (!keep.has(id)) remove.add(id);
  }
  return {
    add: [...add].filter((id) => !existing.has(id) && !remove.has(id)),
    remove: [...remove].filter((id) => existing.has(id)),
  };
}

/** Only contacts of the issue's CRM group, and only active ones, may be added. */
async function additionProblems(tx: Database, crmGroupId: number, ids: readonly number[]): Promise<string[]> {
  const found = new Map((await contactsOfGroupByIds(tx, crmGroupId, ids)).map((contact) => [contact.id, contact]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) return [contactsNotFoundMessage(missing)];
  const inactive = ids.flatMap((id) => {
    const contact = found.get(id);
    return contact && contact.state !== 'active' ? [contact] : [];
  });
  return inactive.length > 0 ? [inactiveContactsMessage(inactive)] : [];
}

/**
 * Adds, removes or replaces an issue's contacts: the one service behind `issueSetCrmContacts`,
 * the `/add_contacts` and `/remove_contacts` quick actions and the sidebar picker.
 *
 * Everything happens in one transaction holding the issue's row lock, taken before the current
 * links are read: concurrent calls on one issue run one after the other, so none loses another's
 * links, and the ON CONFLICT clause means none duplicates them. Any problem changes nothing.
 * Removing a contact that is not linked, or adding one that is, is a success that changes nothing.
 *
 * `db` may be a caller's transaction (quick actions run inside the one storing the comment); the
 * caller must then have settled the permission lookups first (see prepareContactQuickActions).
 */
export async function setIssueContacts(
  db: Database,
  permissions: Permissions,
  issue: IssueForContacts,
  changes: IssueContactChanges,
): Promise<ServiceResult<ContactsChanged>> {
  const crmGroupId = await permissions.assertCanSetIssueContacts(issue.project);
  const actorId = permissions.actorId();

  return db.transaction(async (tx) => {
    const locked = await lockIssue(tx, issue.id);
    if (!locked) throw new DomainError('not_found');
    const plan = planChanges(new Set(await linkedContactIds(tx, issue.id)), changes);
    if (plan.add.length > maxContactsAddedAtOnce) return failure(tooManyContactsMessage);
    const problems = await additionProblems(tx, crmGroupId, plan.add);
    if (problems.length > 0) return failure(...problems);

    const added = await linkContacts(tx, issue.id, plan.add);
    const removed = await unlinkContacts(tx, issue.id, plan.remove);
    const note = contactsChangedNote(added.length, removed.length);
    if (note) {
      await insertNote(tx, { issueId: issue.id, authorId: actorId, body: note, system: true });
      const audited = { type: 'Issue', id: issue.id, groupId: crmGroupId } as const;
      await recordAuditEvent(tx, actorId, 'issue_contacts_changed', audited, { projectId: issue.project.id, added, removed });
      await recordContactsIssueEvents(tx, actorId, { ...locked, projectPath: issue.project.fullPath, crmGroupId }, added, removed);
      await touchIssues(tx, [issue.id]);
    }
    return { ok: true as const, value: { added, removed } };
  });
}

/** Each contact's side of the change, for its page's activity: which issue, by whom. */
async function recordContactsIssueEvents(
  tx: Database,
  actorId: number,
  issue: { id: number; iid: number; projectId: number; projectPath: string; crmGroupId: number },
  added: readonly number[],
  removed: readonly number[],
): Promise<void> {
  const changes = { issueId: issue.id, projectId: issue.projectId, issue: `${issue.projectPath}#${issue.iid}` };
  const event = (action: (typeof contactIssueActions)[number]) => (contactId: number) => ({
    action,
    target: { type: 'CustomerRelations::Contact', id: contactId, groupId: issue.crmGroupId } as const,
    changes,
  });
  await recordAuditEvents(tx, actorId, [...added.map(event('contact_added_to_issue')), ...removed.map(event('contact_removed_from_issue'))]);
}

/**
 * Takes a contact off every issue it is on, as deleting the contact does: each issue gets the
 * system note and the new `updatedAt` that removing the contact in its sidebar would give. Runs in
 * the caller's transaction, which holds the contact's row lock. Returns the issues, in id order.
 */
export async function removeContactFromAllIssues(tx: Database, contactId: number, actorId: number): Promise<number[]> {
  const issueIds = await unlinkContactEverywhere(tx, contactId);
  const note = contactsChangedNote(0, 1);
  if (issueIds.length > 0 && note) {
    await insertSystemNotes(tx, issueIds, actorId, note);
    await touchIssues(tx, issueIds);
  }
  return issueIds;
}

/**
 * Moves the issue links of a contact being merged to the contact it is merged into (an issue that
 * had both keeps one link): each issue it was on gets the merge's system note and a new `updatedAt`.
 * Runs in the caller's transaction, which holds both contacts' row locks. Returns the issues, in id order.
 */
export async function moveContactToMergedContact(tx: Database, fromId: number, toId: number, actorId: number): Promise<number[]> {
  const issueIds = await moveContactLinks(tx, fromId, toId);
  if (issueIds.length > 0) {
    await insertSystemNotes(tx, issueIds, actorId, contactsMergedNote);
    await touchIssues(tx, issueIds);
  }
  return issueIds;
}
