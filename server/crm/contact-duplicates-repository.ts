import { type SQL, and, eq, getColumns, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import { contactNormalisedName, contactPhoneComparable, contactPhoneDigits, contacts, contactTrigramName } from '../db/schema/crm';
import { inlineLimit } from '../db/statements';
import { buildPage, cursorValue, keysetOrder, type Page, type PageArgs, planKeysetPage } from '../pagination/keyset';
import type { Contact } from './contact-repository';

/** Why two contacts may be the same person. */
export const duplicateReasons = ['SAME_NAME', 'SAME_PHONE', 'SIMILAR_NAME'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** Two contacts of one group that may be the same person: the older one first. */
export interface ContactDuplicate {
  contact: Contact;
  duplicate: Contact;
  reasons: DuplicateReason[];
}

/** pg_trgm's similarity of the lowercased full names above which contacts of one organization are listed. */
export const similarNameThreshold = 0.5;

const newer = alias(contacts, 'newer');
const older = alias(contacts, 'older');
/** Newest duplicates first (the newer contact is usually the one created by mistake), then by the older contact. */
const pairOrder = keysetOrder(newer.id, 'numeric', 'desc', older.id);

/**
 * The older contacts of `newer`'s group that may be the same person, each once with its reasons in
 * order: an equal normalised name, an equal phone (digits only, at least `minimumPhoneDigits`), or a
 * similar name (pg_trgm) in the same organization; an equal normalised name is not also a similar
 * one. Each reason is an index lookup for this one contact (by name, by phone, by organization), so
 * a page costs its own contacts' lookups, not a comparison of the whole group.
 */
function olderMatches(db: Database) {
  const candidate = alias(contacts, 'candidate');
  const match = (reason: DuplicateReason, condition: SQL | undefined) =>
    db
      .select({ olderId: sql<number>`${candidate.id}`.as('older_id'), reason: sql<DuplicateReason>`${reason}::text`.as('reason') })
      .from(candidate)
      .where(and(eq(candidate.groupId, newer.groupId), lt(candidate.id, newer.id), condition));
  const candidates = match('SAME_NAME', sql`${contactNormalisedName(candidate)} = ${contactNormalisedName(newer)}`)
    .unionAll(match('SAME_PHONE', and(sql`${contactPhoneDigits(candidate)} = ${contactPhoneDigits(newer)}`, contactPhoneComparable(candidate))))
    .unionAll(
      match(
        'SIMILAR_NAME',
        and(
          eq(candidate.organizationId, newer.organizationId),
          sql`${contactTrigramName(newer)} % ${contactTrigramName(candidate)}`,
          sql`similarity(${contactTrigramName(newer)}, ${contactTrigramName(candidate)}) >= ${sql.raw(String(similarNameThreshold))}`,
          sql`${contactNormalisedName(candidate)} <> ${contactNormalisedName(newer)}`,
        ),
      ),
    )
    .as('candidates');
  return db
    .select({
      olderId: candidates.olderId,
      reasons: sql<DuplicateReason[]>`array_agg(${candidates.reason} order by ${candidates.reason})`.as('reasons'),
    })
    .from(candidates)
    .groupBy(candidates.olderId)
    .as('matches');
}

/**
 * A page of the group's possible duplicates with both contacts, in one statement whatever the page
 * size: the group's contacts newest first, each joined to its older matches, until the page is full.
 * The cursor's bound on the newer contact (`keyRange`) starts that walk at the cursor.
 */
export async function listContactDuplicates(db: Database, groupId: number, page: PageArgs): Promise<Page<ContactDuplicate & { id: number; sortValue: string | null }>> {
  const plan = planKeysetPage(pairOrder, page);
  const matches = olderMatches(db);
  const rows = await db
    .select({ older: getColumns(older), newer: getColumns(newer), reasons: matches.reasons, id: older.id, sortValue: cursorValue(pairOrder) })
    .from(newer)
    .innerJoinLateral(matches, sql`true`)
    .innerJoin(older, eq(older.id, matches.olderId))
    .where(and(eq(newer.groupId, groupId), plan.keyRange, plan.where))
    .orderBy(...plan.orderBy)
    .limit(inlineLimit(plan.limit));
  return buildPage(
    rows.map((row) => ({ contact: row.older, duplicate: row.newer, reasons: row.reasons, id: row.id, sortValue: row.sortValue })),
    plan,
    page,
  );
}

/** Every contact of the group joined to its older matches: a lookup per contact. */
export async function countContactDuplicates(db: Database, groupId: number): Promise<number> {
  const matches = olderMatches(db);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(newer)
    .innerJoinLateral(matches, sql`true`)
    .where(eq(newer.groupId, groupId));
  return row?.count ?? 0;
}
