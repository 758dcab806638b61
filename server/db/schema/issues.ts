import { sql } from 'drizzle-orm';
import { snakeCase } from 'drizzle-orm/pg-core';
import { boolean, check, index, integer, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { contacts } from './crm';
import { projects } from './groups';
import { users } from './users';

export const issues = snakeCase.table(
  'issues',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    iid: integer().notNull(),
    title: text().notNull(),
    description: text(),
    state: text({ enum: ['opened', 'closed'] }).notNull().default('opened'),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** GitLab's time estimate, in seconds (0: none). */
    timeEstimate: integer().notNull().default(0),
  },
  (t) => [
    unique('issues_project_iid_key').on(t.projectId, t.iid),
    // Serves project issue lists in their default order, newest first (scanned backwards).
    index('issues_project_created_idx').on(t.projectId, t.createdAt, t.id),
    check('issues_iid_positive', sql`${t.iid} > 0`),
    check('issues_title_length', sql`char_length(${t.title}) between 1 and 255`),
    check('issues_description_length', sql`char_length(${t.description}) <= 1048576`),
    check('issues_state', sql`${t.state} in ('opened', 'closed')`),
    check('issues_time_estimate_not_negative', sql`${t.timeEstimate} >= 0`),
  ],
);

export const notes = snakeCase.table(
  'notes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    issueId: integer()
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    authorId: integer()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    system: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notes_issue_id_idx').on(t.issueId, t.id),
    check('notes_body_length', sql`char_length(${t.body}) between 1 and 1048576`),
  ],
);

export const issueContacts = snakeCase.table(
  'issue_customer_relations_contacts',
  {
    issueId: integer()
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    contactId: integer()
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A customer request (issue 15): the contact's need marked important, with who asked, where, why.
    important: boolean().notNull().default(false),
    requestNote: text(),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.contactId] }),
    index('issue_crm_contacts_contact_id_idx').on(t.contactId),
    check('issue_crm_contacts_request_note_length', sql`char_length(${t.requestNote}) <= 255`),
  ],
);

/**
 * Time logged on an issue (GitLab's `timelogs`): seconds, negative when time was subtracted
 * (`/spend -30m`, `/remove_time_spent`). `noteId` is the comment whose `/spend` logged it.
 */
export const timelogs = snakeCase.table(
  'timelogs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    issueId: integer()
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    timeSpent: integer().notNull(),
    spentAt: timestamp({ withTimezone: true }).notNull(),
    summary: text(),
    noteId: integer().references(() => notes.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Serves an issue's entries and totals, and the report's sums over a period.
    index('timelogs_issue_spent_at_idx').on(t.issueId, t.spentAt),
    check('timelogs_summary_length', sql`char_length(${t.summary}) <= 255`),
  ],
);
