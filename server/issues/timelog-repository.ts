import DataLoader from 'dataloader';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { issues, notes, timelogs } from '../db/schema/issues';
import { users } from '../db/schema/users';
import { isAnyOf } from '../db/statements';
import type { Issue, Note } from './issue-repository';

export type Timelog = typeof timelogs.$inferSelect;

export interface NewTimelog {
  issueId: number;
  userId: number;
  timeSpent: number;
  /** A date, or 'now' for the database's clock. */
  spentAt: Date | 'now';
  summary: string | null;
  noteId: number | null;
}

export async function insertTimelog(tx: Database, timelog: NewTimelog): Promise<Timelog> {
  const { spentAt, ...values } = timelog;
  const [created] = await tx
    .insert(timelogs)
    .values({ ...values, spentAt: spentAt === 'now' ? sql`now()` : spentAt })
    .returning();
  if (!created) throw new Error('Timelog insert returned no row');
  return created;
}

/** A timelog with the issue it belongs to; callers check that the viewer can see that issue. */
export async function findTimelogById(db: Database, timelogId: number): Promise<Timelog | null> {
  const [timelog] = await db.select().from(timelogs).where(eq(timelogs.id, timelogId)).limit(1);
  return timelog ?? null;
}

export async function deleteTimelogRow(tx: Database, timelogId: number): Promise<Timelog | null> {
  const [deleted] = await tx.delete(timelogs).where(eq(timelogs.id, timelogId)).returning();
  return deleted ?? null;
}

/** The issue's total time spent, read inside the transaction that holds its row lock. */
export async function totalTimeSpentOfIssue(tx: Database, issueId: number): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${timelogs.timeSpent}), 0)::int` })
    .from(timelogs)
    .where(eq(timelogs.issueId, issueId));
  return row?.total ?? 0;
}

/** Totals of many issues in one statement (issues without timelogs are 0). */
export async function totalTimeSpentOfIssues(db: Database, issueIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ issueId: timelogs.issueId, total: sql<number>`sum(${timelogs.timeSpent})::int` })
    .from(timelogs)
    .where(isAnyOf(timelogs.issueId, issueIds))
    .groupBy(timelogs.issueId);
  return new Map(rows.map((row) => [row.issueId, row.total]));
}

/** Batches the `totalTimeSpent` of every issue a request shows into one statement. */
export function createTotalTimeSpentLoader(db: Database): DataLoader<number, number> {
  return new DataLoader(async (issueIds) => {
    const totals = await totalTimeSpentOfIssues(db, issueIds);
    return issueIds.map((issueId) => totals.get(issueId) ?? 0);
  });
}

export async function updateTimeEstimate(tx: Database, issueId: number, timeEstimate: number): Promise<Issue> {
  const [updated] = await tx.update(issues).set({ timeEstimate, updatedAt: sql`now()` }).where(eq(issues.id, issueId)).returning();
  if (!updated) throw new Error(`Issue ${issueId} vanished while its row was locked`);
  return updated;
}

/**
 * What a timelog points at (its user, issue and note), batched per request. The Timelog type reads
 * them through these rather than through the query plan, because `timelogDelete` answers with a row
 * that no longer exists and cannot be loaded again by its key.
 */
export function createTimelogRelationLoaders(db: Database) {
  const byId = <T extends { id: number }>(load: (ids: number[]) => Promise<T[]>) =>
    new DataLoader<number, T | null>(async (ids) => {
      const rows = new Map((await load([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  return {
    users: byId((ids) => db.select({ id: users.id, username: users.username, name: users.name }).from(users).where(isAnyOf(users.id, ids))),
    issues: byId<Issue>((ids) => db.select().from(issues).where(isAnyOf(issues.id, ids))),
    notes: byId<Note>((ids) => db.select().from(notes).where(isAnyOf(notes.id, ids))),
  };
}
