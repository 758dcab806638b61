import { index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { snakeCase } from 'drizzle-orm/pg-core';
import { groups } from './groups';
import { users } from './users';

export const auditEvents = snakeCase.table(
  'audit_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    groupId: integer().references(() => groups.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: integer().notNull(),
    changes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_target_idx').on(t.targetType, t.targetId), index('audit_events_group_idx').on(t.groupId)],
);
