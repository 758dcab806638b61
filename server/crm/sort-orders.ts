import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Bindings } from '../db/statements';
import { argumentError } from '../graphql/errors';
import { type KeysetOrder, type KeysetPlan, type PageArgs, planKeysetPage } from '../pagination/keyset';

/**
 * GitLab's ContactSort and OrganizationSort extend its SortEnum, so besides their own fields they
 * accept CREATED_/UPDATED_ ASC/DESC and the lowercase spellings deprecated in 13.5.
 */
export const timestampSorts = ['UPDATED_DESC', 'UPDATED_ASC', 'CREATED_DESC', 'CREATED_ASC'] as const;

export type SortDirection = 'asc' | 'desc';

export interface SortField {
  /** Enum name prefix, e.g. `FIRST_NAME`. */
  name: string;
  /** Human label GitLab puts in the value's description. */
  label: string;
}

/** `FIRST_NAME_ASC` → { field: 'FIRST_NAME', direction: 'asc' }. */
export function splitSort(sort: string): { field: string; direction: SortDirection } {
  const match = /^(.*)_(ASC|DESC)$/.exec(sort);
  return { field: match?.[1] ?? sort, direction: match?.[2] === 'DESC' ? 'desc' : 'asc' };
}

interface SortEnumValue<V extends string> {
  value: V;
  description: string;
  deprecationReason?: string;
}

/** The values of a GitLab sort enum: its fields both ways, then SortEnum's timestamps. */
export function sortEnumValues<V extends string>(fields: readonly SortField[]): Record<string, SortEnumValue<V>> {
  const values: Record<string, SortEnumValue<string>> = {};
  for (const field of fields) {
    values[`${field.name}_ASC`] = { value: `${field.name}_ASC`, description: `${field.label} in ascending order.` };
    values[`${field.name}_DESC`] = { value: `${field.name}_DESC`, description: `${field.label} in descending order.` };
  }
  for (const sort of timestampSorts) {
    const { field, direction } = splitSort(sort);
    const description = `${field === 'CREATED' ? 'Created' : 'Updated'} at ${direction === 'asc' ? 'ascending' : 'descending'} order`;
    values[sort] = { value: sort, description };
    values[sort.toLowerCase()] = { value: sort, description, deprecationReason: `Use ${sort}. Deprecated in GitLab 13.5.` };
  }
  // Every value is `<field>_ASC|DESC` of the given fields or a timestamp sort: the caller's union.
  return values as Record<string, SortEnumValue<V>>;
}

export type KeyKind = 'text' | 'numeric' | 'timestamp';

/** A keyset order that knows its key's type, so cursors can be checked before they reach SQL. */
export type TypedKeysetOrder = KeysetOrder & { kind: KeyKind };

/** A keyset order over a text, numeric or timestamp key; NULLs are filled with a value of the key's type. */
export function keysetOrder(key: SQL | AnyPgColumn, kind: KeyKind, direction: SortDirection, id: AnyPgColumn): TypedKeysetOrder {
  const nullFill = kind === 'text' ? sql`''` : kind === 'numeric' ? sql`0` : sql`'-infinity'::timestamptz`;
  return { key, nullFill, direction, id, kind };
}

// PostgreSQL's text form of a timestamptz (ISO DateStyle), as `cursorValue` produces it.
const timestampText = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?[+-]\d\d(?::\d\d){0,2}$/;

function isTimestampText(value: string): boolean {
  const parts = timestampText.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

const valueFits: Record<KeyKind, (value: unknown) => boolean> = {
  // PostgreSQL text cannot hold NUL, so such a value cannot come from a real row.
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  numeric: (value) => typeof value === 'string' && /^-?\d{1,30}(?:\.\d{1,30})?$/.test(value),
  timestamp: (value) => typeof value === 'string' && isTimestampText(value),
};

const maxRowId = 2_147_483_647;

/**
 * A cursor that decodes but whose value cannot be compared with the key (a forged or stale one from
 * another sort) is refused with the pagination error instead of failing in SQL. Cursors that do not
 * decode at all are left to `planKeysetPage`, which refuses them the same way.
 */
function assertCursorFits(order: TypedKeysetOrder, cursor: string | null | undefined, argumentName: 'after' | 'before'): void {
  if (!cursor) return;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) return;
  const [isNull, value, id] = decoded as unknown[];
  const idFits = typeof id === 'number' && Number.isInteger(id) && Math.abs(id) <= maxRowId;
  if (!idFits || (isNull === 0 && value !== null && !valueFits[order.kind](value))) {
    throw argumentError(`Please provide a valid cursor for '${argumentName}'`);
  }
}

/** `planKeysetPage` with the cursors checked against the key's type first. */
export function planTypedPage(order: TypedKeysetOrder, page: PageArgs, bindings?: Bindings): KeysetPlan {
  assertCursorFits(order, page.after, 'after');
  assertCursorFits(order, page.before, 'before');
  return planKeysetPage(order, page, bindings);
}

/**
 * The sort key as text, for the cursor: a timestamp keeps its microseconds and a numeric its exact
 * value, and PostgreSQL casts the cursor's text back to the key's type when comparing.
 */
export function cursorValue(order: KeysetOrder): SQL<string | null> {
  return sql<string | null>`(${order.key})::text`;
}
