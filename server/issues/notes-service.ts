import type { Permissions } from '../auth/permissions';
import { validationMessages } from '../validation';
import type { Database } from '../db/client';
import { DomainError } from '../errors';
import { QuickActionsFailed, type QuickActionsStatus } from './contact-quick-actions';
import { prepareQuickActions, runQuickActions } from './issue-quick-actions';
import { insertNote, type IssueInProject, lockIssue, type Note, touchIssues } from './issue-repository';
import { noteBodySchema } from './issue-validation';
import { extractQuickActions } from './quick-actions';

export interface CreateNoteResult {
  /** Null when nothing was stored: an error, or a comment of only quick actions. */
  note: Note | null;
  errors: string[];
  /** Present when the body held quick actions. */
  quickActionsStatus: (QuickActionsStatus & { commandsOnly: boolean }) | null;
}

/**
 * Comments on an issue (GitLab's `createNote`): anyone who can see the project. Quick-action lines
 * are run and removed from the stored text; a body of only quick actions stores no comment. A
 * failing quick action stores nothing at all and says why in `quickActionsStatus.errorMessages`.
 */
export async function createNote(
  db: Database,
  permissions: Permissions,
  { issue, project }: IssueInProject,
  body: string,
): Promise<CreateNoteResult> {
  await permissions.assertCanCreateNote(project);
  const authorId = permissions.actorId();
  const parsed = noteBodySchema.safeParse(body);
  if (!parsed.success) return { note: null, errors: validationMessages(parsed.error), quickActionsStatus: null };

  const { text, commands } = extractQuickActions(body);
  const commandsOnly = commands.length > 0 && text.trim() === '';
  const prepared = await prepareQuickActions(permissions, project, commands);
  if (!prepared.ok) return { note: null, errors: prepared.status.errorMessages, quickActionsStatus: { ...prepared.status, commandsOnly } };
  try {
    return await db.transaction(async (tx) => {
      // The issue's row lock before anything else: inserting the note takes a key-share lock on
      // the issue, and two comments that then both wanted its update lock would deadlock.
      if (!(await lockIssue(tx, issue.id))) throw new DomainError('not_found');
      // The comment first, then the system notes its quick actions leave, as in GitLab.
      const note = commandsOnly ? null : await insertNote(tx, { issueId: issue.id, authorId, body: text, system: false });
      if (note) await touchIssues(tx, [issue.id]);
      const status = await runQuickActions(tx, permissions, { id: issue.id, project }, prepared, note?.id ?? null);
      if (status.errorMessages.length > 0) throw new QuickActionsFailed(status);
      return { note, errors: [], quickActionsStatus: commands.length > 0 ? { ...status, commandsOnly } : null };
    });
  } catch (error) {
    if (!(error instanceof QuickActionsFailed)) throw error;
    return { note: null, errors: error.status.errorMessages, quickActionsStatus: { ...error.status, commandsOnly } };
  }
}
