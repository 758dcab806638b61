import { z } from 'zod';
import type { Permissions } from '../auth/permissions';
import type { Database } from '../db/client';
import { DomainError, failure, type ServiceResult } from '../errors';
import { tooLong, validationMessages } from '../validation';
import { findIssueById, insertNote, type IssueInProject, lockIssue } from './issue-repository';
import {
  spentAtInFutureMessage,
  subtractionExceedsTotalMessage,
  timeSpentFormatMessage,
  timeSpentZeroMessage,
} from './messages';
import { timeEstimateChangedNote, timelogDeletedNote, timeSpentNote, timeSpentRemovedNote } from './system-notes';
import { parseDuration } from '@/lib/issues/time-tracking-format';
import {
  deleteTimelogRow,
  findTimelogById,
  insertTimelog,
  type NewTimelog,
  type Timelog,
  totalTimeSpentOfIssue,
  updateTimeEstimate,
} from './timelog-repository';

/**
 * Time tracking on issues, shared by the quick actions (`/estimate`, `/spend`, …) and the
 * `timelogCreate` / `timelogDelete` mutations. The `…Locked` functions run inside a transaction
 * that already holds the issue's row lock (a comment's, or one of their own), so totals checked
 * there cannot change before the timelog is written.
 */

export const maxSummaryLength = 255;
const summarySchema = z.string().max(maxSummaryLength, tooLong('Summary', maxSummaryLength));

/** Logs (or, negative, subtracts) time, with GitLab's system note; refuses a total below zero. */
export async function logTimeLocked(tx: Database, entry: NewTimelog): Promise<ServiceResult<Timelog>> {
  if (entry.timeSpent === 0) return failure(timeSpentZeroMessage);
  if (entry.timeSpent < 0 && -entry.timeSpent > (await totalTimeSpentOfIssue(tx, entry.issueId))) {
    return failure(subtractionExceedsTotalMessage);
  }
  const timelog = await insertTimelog(tx, entry);
  await insertNote(tx, { issueId: entry.issueId, authorId: entry.userId, body: timeSpentNote(timelog.timeSpent, timelog.spentAt), system: true });
  return { ok: true, value: timelog };
}

/** Sets the estimate (0 removes it); a change leaves GitLab's system note, no change writes nothing. */
export async function setTimeEstimateLocked(tx: Database, actorId: number, issueId: number, seconds: number): Promise<void> {
  const current = await findIssueById(tx, issueId);
  if (!current || current.timeEstimate === seconds) return;
  await updateTimeEstimate(tx, issueId, seconds);
  await insertNote(tx, { issueId, authorId: actorId, body: timeEstimateChangedNote(seconds), system: true });
}

/** `/remove_time_spent`: as GitLab, one negative timelog that brings the total back to zero. */
export async function removeTimeSpentLocked(tx: Database, actorId: number, issueId: number, noteId: number | null): Promise<void> {
  const total = await totalTimeSpentOfIssue(tx, issueId);
  if (total === 0) return;
  await insertTimelog(tx, { issueId, userId: actorId, timeSpent: -total, spentAt: 'now', summary: null, noteId });
  await insertNote(tx, { issueId, authorId: actorId, body: timeSpentRemovedNote, system: true });
}

export interface TimelogCreateInput {
  timeSpent: string;
  spentAt?: Date | null;
  summary: string;
}

/** GitLab's `timelogCreate`: Reporters and above; a parsable, non-zero duration, not in the future. */
export async function createTimelog(
  db: Database,
  permissions: Permissions,
  { issue, project }: IssueInProject,
  input: TimelogCreateInput,
): Promise<ServiceResult<Timelog>> {
  // GitLab's `authorize :create_timelog`: a refusal is its top-level not-found error.
  if (!(await permissions.canTrackTime(project))) throw new DomainError('not_found');
  const userId = permissions.actorId();
  const timeSpent = parseDuration(input.timeSpent);
  if (timeSpent === null) return failure(timeSpentFormatMessage);
  if (input.spentAt && input.spentAt.getTime() > Date.now()) return failure(spentAtInFutureMessage);
  const summary = summarySchema.safeParse(input.summary);
  if (!summary.success) return failure(...validationMessages(summary.error));

  return db.transaction(async (tx) => {
    if (!(await lockIssue(tx, issue.id))) throw new DomainError('not_found');
    return logTimeLocked(tx, {
      issueId: issue.id,
      userId,
      timeSpent,
      spentAt: input.spentAt ?? 'now',
      summary: summary.data === '' ? null : summary.data,
      noteId: null,
    });
  });
}

/**
 * GitLab's `timelogDelete`: whoever logged the time, or a Maintainer. A timelog on an issue the
 * viewer cannot see, or one they may not delete, is not found (GitLab's top-level error).
 */
export async function deleteTimelog(db: Database, permissions: Permissions, timelogId: number): Promise<ServiceResult<Timelog>> {
  const timelog = await findTimelogById(db, timelogId);
  const issue = timelog && (await findIssueById(db, timelog.issueId));
  const project = issue && (await permissions.projectById(issue.projectId));
  if (!timelog || !project || !(await permissions.canAdminTimelog(project, timelog))) throw new DomainError('not_found');
  const actorId = permissions.actorId();

  return db.transaction(async (tx) => {
    if (!(await lockIssue(tx, timelog.issueId))) throw new DomainError('not_found');
    const deleted = await deleteTimelogRow(tx, timelogId);
    if (!deleted) throw new DomainError('not_found');
    await insertNote(tx, { issueId: deleted.issueId, authorId: actorId, body: timelogDeletedNote(deleted.timeSpent, deleted.spentAt), system: true });
    return { ok: true as const, value: deleted };
  });
}
