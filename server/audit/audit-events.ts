import type { Database } from '../db/client';
import { auditEvents } from '../db/schema/audit';

export interface AuditEventInput {
  actorId: number | null;
  groupId: number | null;
  action: string;
  targetType: string;
  targetId: number;
  changes?: Record<string, unknown>;
}

export async function recordAuditEvent(db: Database, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({ ...event, changes: event.changes ?? {} });
}
