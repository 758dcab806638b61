import { Column, type SQL, and, asc, desc, eq, gt, is, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Bindings } from '../db/statements';
import { argumentError } from '../graphql/errors';

/**
 * Keyset (cursor) pagination over one sort key plus the row id. Rows whose key is NULL sort last in
 * both directions, as GitLab's lists do; the cursor records (key is null, key, id), so a page stays
 * correct when rows are inserted before or after it.
 */
export interface KeysetOrder {
  /** The sort expression; may be nullable. */
  key: SQL | AnyPgColumn;
  /** Value standing in for NULL in comparisons; it is never shown. */
  nullFill: SQL;
  direction: 'asc' | 'desc';
  id: AnyPgColumn;
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
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

function decodeCursor(cursor: string, argumentName: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [isNull, value, id] = parsed as unknown[];
      if ((isNull === 0 || isNull === 1) && Number.isSafeInteger(id) && (value === null || ['string', 'number'].includes(typeof value))) {
        return { isNull: isNull === 1, value: value as CursorValue, id: id as number };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw argumentError(`Please provide a valid cursor for '${argumentName}'`);
}

/** Page size from `first`/`last`, clamped to GitLab's maximum; negative values are refused. */
export function pageSize(args: PageArgs): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && value < 0) throw argumentError(`Argument '${name}' must be a non-negative integer`);
  }
  return Math.min(args.last ?? args.first ?? defaultPageSize, maxPageSize);
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

/**
 * Rows strictly after (`forward`) or strictly before the cursor in the list's order. With
 * `bindings`, the cursor's value and id are placeholders and the SQL depends on the cursor's shape
 * (its key null or not) only.
 */
function beyondCursor(order: KeysetOrder, cursor: Cursor, forward: boolean, bindings: Bindings | undefined): SQL {
  const ascending = (order.direction === 'asc') === forward;
  const side = forward ? 'after' : 'before';
  const id = bindings ? bindings.bind(`${side}Id`, cursor.id) : cursor.id;
  bindings?.note(`${side}:${cursor.isNull ? 'null' : 'value'}`);
  if (keyIsNotNull(order)) {
    const value = bindings ? bindings.bind(`${side}Value`, cursor.value) : cursor.value;
    return sql`(${order.key}, ${order.id}) ${ascending ? sql`>` : sql`<`} (${value}, ${id})`;
  }
  const { isNull, filled } = keyExpressions(order);
  const cmp = ascending ? gt : lt;
  const nullCmp = forward ? gt : lt;
  const value = cursor.isNull ? order.nullFill : sql`${bindings ? bindings.bind(`${side}Value`, cursor.value) : cursor.value}`;
  return or(
    nullCmp(isNull, cursor.isNull),
    and(eq(isNull, cursor.isNull), sql`${filled} ${ascending ? sql`>` : sql`<`} ${value}`),
    and(eq(isNull, cursor.isNull), sql`${filled} = ${value}`, cmp(order.id, id)),
  ) as SQL;
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
  const after = args.after ? decodeCursor(args.after, 'after') : null;
  const before = args.before ? decodeCursor(args.before, 'before') : null;
  const backward = args.last != null && args.first == null;
  bindings?.note(`${backward ? 'backward' : 'forward'}:${size}`);
  const conditions = [
    after ? beyondCursor(order, after, true, bindings) : undefined,
    before ? beyondCursor(order, before, false, bindings) : undefined,
  ];
  return { where: and(...conditions), orderBy: orderBy(order, !backward), limit: size + 1, size, backward };
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
