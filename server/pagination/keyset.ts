import { Column, type SQL, and, asc, desc, eq, gt, is, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Bindings } from '../db/statements';
import { DomainError } from '../errors';
import { refuseNegative } from './list-size';

/**
 * Keyset (cursor) pagination over one sort key plus the row id. Rows whose key is NULL sort last in
 * both directions, as GitLab's lists do; the cursor records (key is null, key, id), so a page stays
 * correct when rows are inserted before or after it.
 */
export type KeyKind = 'text' | 'numeric' | 'timestamp';
export type SortDirection = 'asc' | 'desc';

export interface KeysetOrder {
  /** The sort expression; may be nullable. */
  key: SQL | AnyPgColumn;
  /** The key's type, so that a cursor's value is checked before it reaches SQL. */
  kind: KeyKind;
  /** Value standing in for NULL in comparisons; it is never shown. */
  nullFill: SQL;
  direction: SortDirection;
  id: AnyPgColumn;
}

/** A keyset order over a text, numeric or timestamp key; NULLs are filled with a value of the key's type. */
export function keysetOrder(key: SQL | AnyPgColumn, kind: KeyKind, direction: SortDirection, id: AnyPgColumn): KeysetOrder {
  const nullFill = kind === 'text' ? sql`''` : kind === 'numeric' ? sql`0` : sql`'-infinity'::timestamptz`;
  return { key, nullFill, direction, id, kind };
}

/**
 * The sort key as text, for the cursor: a timestamp keeps its microseconds and a numeric its exact
 * value, and PostgreSQL casts the cursor's text back to the key's type when comparing.
 */
export function cursorValue(order: KeysetOrder): SQL<string | null> {
  return sql<string | null>`(${order.key})::text`;
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  /** Raises GitLab's maximum page size for server-side readers (the CSV export); the API never sets it. */
  maxSize?: number;
}

export const defaultPageSize = 100;
export const maxPageSize = 100;

type CursorValue = string | number | null;
interface Cursor {
  isNull: boolean;
  value: CursorValue;
  id: number;
}

export function encodeCursor(isNull: boolean, value: CursorValue, id: number): string {
  return Buffer.from(JSON.stringify([isNull ? 1 : 0, value, id])).toString('base64url');
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

const valueFits: Record<KeyKind, (value: CursorValue) => boolean> = {
  // PostgreSQL text cannot hold NUL, so such a value cannot come from a real row.
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  numeric: (value) => typeof value === 'string' && /^-?\d{1,30}(?:\.\d{1,30})?$/.test(value),
  timestamp: (value) => typeof value === 'string' && isTimestampText(value),
};

const maxRowId = 2_147_483_647;

function parseCursor(cursor: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [isNull, value, id] = parsed as unknown[];
    const idFits = typeof id === 'number' && Number.isInteger(id) && Math.abs(id) <= maxRowId;
    if ((isNull !== 0 && isNull !== 1) || !idFits || (value !== null && typeof value !== 'string' && typeof value !== 'number')) return null;
    return { isNull: isNull === 1, value, id };
  } catch {
    return null;
  }
}

/**
 * A cursor that does not decode, or whose value cannot be compared with the key (a forged one, or a
 * stale one from another sort), is refused with GitLab's pagination error instead of failing in SQL.
 */
function decodeCursor(cursor: string, argumentName: 'after' | 'before', kind: KeyKind): Cursor {
  const decoded = parseCursor(cursor);
  if (!decoded || (!decoded.isNull && decoded.value !== null && !valueFits[kind](decoded.value))) {
    throw new DomainError('invalid_argument', `Please provide a valid cursor for '${argumentName}'`);
  }
  return decoded;
}

/** Page size from `first`/`last`, clamped to GitLab's maximum; negative values are refused. */
export function pageSize(args: PageArgs): number {
  refuseNegative('first', args.first);
  refuseNegative('last', args.last);
  return Math.min(args.last ?? args.first ?? defaultPageSize, args.maxSize ?? maxPageSize);
}

function keyExpressions(order: KeysetOrder) {
  const isNull = sql<boolean>`(${order.key} is null)`;
  const filled = sql`coalesce(${order.key}, ${order.nullFill})`;
  return { isNull, filled };
}

/**
 * A NOT NULL column needs no NULL handling: ordering and comparing the bare column (and the row
 * `(key, id)`) lets an index on it serve the page.
 */
function keyIsNotNull(order: KeysetOrder): boolean {
  return is(order.key, Column) && order.key.notNull;
}

interface CursorCondition {
  /** Rows strictly beyond the cursor. */
  rows: SQL;
  /** The same cursor's bound on a NOT NULL key alone (inclusive), implied by `rows`; undefined for a nullable key. */
  key: SQL | undefined;
}

/**
 * Rows strictly after (`forward`) or strictly before the cursor in the list's order. With
 * `bindings`, the cursor's value and id are placeholders and the SQL depends on the cursor's shape
 * (its key null or not) only.
 */
function beyondCursor(order: KeysetOrder, cursor: Cursor, forward: boolean, bindings: Bindings | undefined): CursorCondition {
  const ascending = (order.direction === 'asc') === forward;
  const side = forward ? 'after' : 'before';
  const id = bindings ? bindings.bind(`${side}Id`, cursor.id) : cursor.id;
  bindings?.note(`${side}:${cursor.isNull ? 'null' : 'value'}`);
  if (keyIsNotNull(order)) {
    const value = bindings ? bindings.bind(`${side}Value`, cursor.value) : cursor.value;
    return {
      rows: sql`(${order.key}, ${order.id}) ${ascending ? sql`>` : sql`<`} (${value}, ${id})`,
      key: sql`${order.key} ${ascending ? sql`>=` : sql`<=`} ${value}`,
    };
  }
  const { isNull, filled } = keyExpressions(order);
  const cmp = ascending ? gt : lt;
  const nullCmp = forward ? gt : lt;
  const value = cursor.isNull ? order.nullFill : sql`${bindings ? bindings.bind(`${side}Value`, cursor.value) : cursor.value}`;
  const rows = or(
    nullCmp(isNull, cursor.isNull),
    and(eq(isNull, cursor.isNull), sql`${filled} ${ascending ? sql`>` : sql`<`} ${value}`),
    and(eq(isNull, cursor.isNull), sql`${filled} = ${value}`, cmp(order.id, id)),
  ) as SQL;
  return { rows, key: undefined };
}

function orderBy(order: KeysetOrder, forward: boolean): SQL[] {
  const ascending = (order.direction === 'asc') === forward;
  const dir = ascending ? asc : desc;
  if (keyIsNotNull(order)) return [dir(order.key), dir(order.id)];
  const { isNull, filled } = keyExpressions(order);
  return [forward ? asc(isNull) : desc(isNull), dir(filled), dir(order.id)];
}

export interface KeysetPlan {
  where: SQL | undefined;
  /**
   * The cursors' bounds on the key alone, implied by `where` (undefined for a nullable key): for a
   * query whose key and id come from different tables, where the planner cannot draw an index
   * condition on the key from `where`'s row comparison.
   */
  keyRange: SQL | undefined;
  orderBy: SQL[];
  /** Rows to fetch: one more than the page, to learn whether another page exists. */
  limit: number;
  size: number;
  backward: boolean;
}

/**
 * An empty-string cursor means none (GitLab's frontend sends `before: ""`). With `bindings`, the
 * cursors' values go into it as placeholders (see `executeShaped`).
 */
export function planKeysetPage(order: KeysetOrder, args: PageArgs, bindings?: Bindings): KeysetPlan {
  const size = pageSize(args);
  const after = args.after ? decodeCursor(args.after, 'after', order.kind) : null;
  const before = args.before ? decodeCursor(args.before, 'before', order.kind) : null;
  const backward = args.last != null && args.first == null;
  bindings?.note(`${backward ? 'backward' : 'forward'}:${size}`);
  const conditions = [after ? beyondCursor(order, after, true, bindings) : undefined, before ? beyondCursor(order, before, false, bindings) : undefined];
  return {
    where: and(...conditions.map((condition) => condition?.rows)),
    keyRange: and(...conditions.map((condition) => condition?.key)),
    orderBy: orderBy(order, !backward),
    limit: size + 1,
    size,
    backward,
  };
}

export interface KeysetRow {
  id: number;
  sortValue: CursorValue;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Cursors are encoded when read: most lists ask only for `nodes`. */
class KeysetEdge<T extends KeysetRow> {
  constructor(readonly node: T) {}

  get cursor(): string {
    return encodeCursor(this.node.sortValue === null, this.node.sortValue, this.node.id);
  }
}

class KeysetPageInfo<T extends KeysetRow> {
  constructor(
    private readonly edges: readonly KeysetEdge<T>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

export function buildPage<T extends KeysetRow>(rows: T[], plan: KeysetPlan, args: PageArgs): Page<T> {
  const hasMore = rows.length > plan.size;
  const pageRows = rows.slice(0, plan.size);
  if (plan.backward) pageRows.reverse();
  const edges = pageRows.map((node) => new KeysetEdge(node));
  return {
    edges,
    pageInfo: new KeysetPageInfo(edges, plan.backward ? Boolean(args.before) : hasMore, plan.backward ? hasMore : Boolean(args.after)),
  };
}
