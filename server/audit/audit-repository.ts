import DataLoader from 'dataloader';
import { type SQL, and, eq, exists, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { projects } from '../db/schema/groups';
import { users } from '../db/schema/users';

export type AuditTargetType = 'CustomerRelations::Contact' | 'CustomerRelations::Organization';

/** What an audit event is about: a record of a group (a contact, an organization, an issue, the group's setting). */
export interface AuditedRecord {
  type: AuditTargetType | 'Issue' | 'Group';
  id: number;
  groupId: number;
}

export async function recordAuditEvent(
  db: Database,
  actorId: number | null,
  action: string,
  target: AuditedRecord,
  changes: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvents(db, actorId, [{ action, target, changes }]);
}

/** Several events by one actor in one statement. */
export async function recordAuditEvents(
  db: Database,
  actorId: number | null,
  events: readonly { action: string; target: AuditedRecord; changes: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insert(auditEvents)
    .values(events.map(({ action, target, changes }) => ({ actorId, action, targetType: target.type, targetId: target.id, groupId: target.groupId, changes })));
}

/** A contact's side of an issue contact change: it shows on the contact's page. */
export const contactIssueActions = ['contact_added_to_issue', 'contact_removed_from_issue'] as const;

export interface AuditTarget {
  groupId: number;
  targetId: number;
}

export interface AuditActivity {
  id: number;
  action: string;
  actor: typeof users.$inferSelect | null;
  changes: Record<string, unknown>;
  createdAt: Date;
}

export const maxActivityEvents = 100;

/**
 * The newest audit events of many records in one statement (numbered per record, newest first).
 * Always scoped by the record's group as well as its id, so a record never shows another group's
 * events even if ids were reused.
 */
export async function recentActivity(
  db: Database,
  targetType: AuditTargetType,
  targets: readonly AuditTarget[],
  limit: number,
  readableProjects: SQL,
): Promise<Map<string, AuditActivity[]>> {
  const byTarget = new Map<string, AuditActivity[]>(targets.map((target) => [activityKey(target), []]));
  if (targets.length === 0) return byTarget;
  const perTarget = Math.min(Math.max(Math.trunc(limit), 1), maxActivityEvents);
  const ranked = db
    .select({
      id: auditEvents.id,
      groupId: auditEvents.groupId,
      targetId: auditEvents.targetId,
      actorId: auditEvents.actorId,
      action: auditEvents.action,
      changes: auditEvents.changes,
      createdAt: auditEvents.createdAt,
      rank: sql<number>`row_number() over (partition by ${auditEvents.targetId} order by ${auditEvents.createdAt} desc, ${auditEvents.id} desc)`.as('rank'),
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, targetType),
        inArray(auditEvents.targetId, targets.map((target) => target.targetId)),
        inArray(auditEvents.groupId, [...new Set(targets.map((target) => target.groupId))]),
        // An issue's events show only to people who may read its project.
        or(
          notInArray(auditEvents.action, [...contactIssueActions]),
          exists(
            db
              .select({ one: sql`1` })
              .from(projects)
              .where(and(eq(projects.id, sql`(${auditEvents.changes}->>'projectId')::integer`), readableProjects)),
          ),
        ),
      ),
    )
    .as('ranked');
  const rows = await db
    .select({
      id: ranked.id,
      groupId: ranked.groupId,
      targetId: ranked.targetId,
      action: ranked.action,
      changes: ranked.changes,
      createdAt: ranked.createdAt,
      actor: users,
    })
    .from(ranked)
    .leftJoin(users, eq(users.id, ranked.actorId))
    .where(sql`${ranked.rank} <= ${sql.raw(String(perTarget))}`)
    .orderBy(sql`${ranked.createdAt} desc`, sql`${ranked.id} desc`);
  for (const { actor, ...event } of rows) {
    byTarget.get(activityKey({ groupId: event.groupId ?? 0, targetId: event.targetId }))?.push({
      id: event.id,
      action: event.action,
      actor,
      changes: event.changes,
      createdAt: event.createdAt,
    });
  }
  return byTarget;
}

function activityKey(target: AuditTarget): string {
  return `${target.groupId}:${target.targetId}`;
}

export function createActivityLoader(db: Database, targetType: AuditTargetType, limit: number, readableProjects: SQL) {
  return new DataLoader<AuditTarget, AuditActivity[], string>(
    async (targets) => {
      const byTarget = await recentActivity(db, targetType, targets, limit, readableProjects);
      return targets.map((target) => byTarget.get(activityKey(target)) ?? []);
    },
    { cacheKeyFn: activityKey },
  );
}

/** A group's newest events of one action on the group itself (its imports, say), newest first, with their actors. */
export async function recentGroupEvents(db: Database, groupId: number, action: string, limit: number): Promise<AuditActivity[]> {
  const rows = await db
    .select({ id: auditEvents.id, action: auditEvents.action, changes: auditEvents.changes, createdAt: auditEvents.createdAt, actor: users })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.targetType, 'Group'), eq(auditEvents.targetId, groupId), eq(auditEvents.groupId, groupId), eq(auditEvents.action, action)))
    .orderBy(sql`${auditEvents.createdAt} desc`, sql`${auditEvents.id} desc`)
    .limit(Math.min(Math.max(Math.trunc(limit), 1), maxActivityEvents));
  return rows;
}
