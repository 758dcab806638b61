import type { Permissions } from '../auth/permissions';
import { validationMessages } from '../validation';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import type { Project } from '../groups/group-repository';
import type { Issue } from './issue-repository';
import { QuickActionsFailed } from './contact-quick-actions';
import { type PreparedQuickActions, prepareQuickActions, runQuickActions } from './issue-quick-actions';
import {
  allocateIssueIid,
  findIssueById,
  insertIssue,
  insertNote,
  type IssueInProject,
  type IssuePatch,
  lockIssue,
  updateIssueRow,
} from './issue-repository';
import { issueCreateSchema, issueUpdateSchema } from './issue-validation';
import { extractQuickActions, type QuickActionCommand } from './quick-actions';
import { closedNote, descriptionChangedNote, reopenedNote, titleChangedNote } from './system-notes';

export interface IssueCreateInput {
  title: string;
  description?: string | null;
}

export interface IssueUpdateInput {
  title?: string | null;
  description?: string | null;
  stateEvent?: 'close' | 'reopen' | null;
}

/** Quick actions in a description: the text without them, and the commands to run. */
function descriptionWithoutQuickActions(description: string | null | undefined) {
  if (description == null) return { description, commands: [] as QuickActionCommand[] };
  const { text, commands } = extractQuickActions(description);
  return { description: text === '' ? null : text, commands };
}

/** Runs `work` in a transaction; a failing quick action undoes everything it wrote. */
async function withQuickActions<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<ServiceResult<T>> {
  try {
    return { ok: true, value: await db.transaction(work) };
  } catch (error) {
    if (error instanceof QuickActionsFailed) return failure(...error.status.errorMessages);
    throw error;
  }
}

type ReadyQuickActions = Extract<PreparedQuickActions, { ok: true }>;

async function runQuickActionsOrThrow(tx: Database, permissions: Permissions, issue: Issue, project: Project, prepared: ReadyQuickActions) {
  const status = await runQuickActions(tx, permissions, { id: issue.id, project }, prepared);
  if (status.errorMessages.length > 0) throw new QuickActionsFailed(status);
}

/**
 * Opens an issue (GitLab's `createIssue`): Guests and above; the iid comes from the project's
 * counter; the quick actions of its description (contacts, time tracking) run after it is created.
 */
export async function createIssue(
  db: Database,
  permissions: Permissions,
  project: Project,
  input: IssueCreateInput,
): Promise<ServiceResult<Issue>> {
  await permissions.assertCanCreateIssue(project);
  const authorId = permissions.actorId();
  const parsed = issueCreateSchema.safeParse(input);
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  const { description, commands } = descriptionWithoutQuickActions(parsed.data.description);
  const prepared = await prepareQuickActions(permissions, project, commands);
  if (!prepared.ok) return failure(...prepared.status.errorMessages);

  return withQuickActions(db, async (tx) => {
    const iid = await allocateIssueIid(tx, project.id);
    const issue = await insertIssue(tx, { projectId: project.id, iid, title: parsed.data.title, description: description ?? null, authorId });
    if (commands.length === 0) return issue;
    await runQuickActionsOrThrow(tx, permissions, issue, project, prepared);
    return (await findIssueById(tx, issue.id)) ?? issue;
  });
}

/**
 * Edits, closes or reopens an issue (GitLab's `updateIssue`): Planners and above, or the author.
 * Each change leaves GitLab's system note; a change to nothing writes nothing.
 */
export async function updateIssue(
  db: Database,
  permissions: Permissions,
  { issue, project }: IssueInProject,
  input: IssueUpdateInput,
): Promise<ServiceResult<Issue>> {
  await permissions.assertCanUpdateIssue(project, issue);
  const actorId = permissions.actorId();
  const parsed = issueUpdateSchema.safeParse(input);
  if (!parsed.success) return failure(...validationMessages(parsed.error));
  const extracted = descriptionWithoutQuickActions(parsed.data.description);
  const { commands } = extracted;
  // A description of only quick actions runs them and leaves the description as it was.
  const description = commands.length > 0 && extracted.description === null ? undefined : extracted.description;
  const prepared = await prepareQuickActions(permissions, project, commands);
  if (!prepared.ok) return failure(...prepared.status.errorMessages);

  return withQuickActions(db, async (tx) => {
    const current = await lockIssue(tx, issue.id);
    if (!current) throw new DomainError('not_found');
    const patch: IssuePatch = {};
    const notes: string[] = [];
    const { title } = parsed.data;
    if (title !== undefined && title !== current.title) {
      patch.title = title;
      notes.push(titleChangedNote(current.title, title));
    }
    if (description !== undefined && description !== current.description) {
      patch.description = description;
      notes.push(descriptionChangedNote);
    }
    if (input.stateEvent === 'close' && current.state === 'opened') {
      Object.assign(patch, { state: 'closed', closedAt: 'now' } satisfies IssuePatch);
      notes.push(closedNote);
    } else if (input.stateEvent === 'reopen' && current.state === 'closed') {
      Object.assign(patch, { state: 'opened', closedAt: null } satisfies IssuePatch);
      notes.push(reopenedNote);
    }

    let updated = notes.length > 0 ? await updateIssueRow(tx, issue.id, patch) : current;
    for (const body of notes) await insertNote(tx, { issueId: issue.id, authorId: actorId, body, system: true });
    if (commands.length > 0) {
      await runQuickActionsOrThrow(tx, permissions, updated, project, prepared);
      updated = (await findIssueById(tx, issue.id)) ?? updated;
    }
    return updated;
  });
}
