import { createHash } from 'node:crypto';
import { type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { SearchPatterns } from './search-terms';
import type { Database } from './client';

const preparedByDatabase = new WeakMap<Database, Map<string, unknown>>();

/**
 * A statement built once per database handle and named, so the query is not rebuilt on every
 * request and PostgreSQL parses and plans it once per connection (PGlite ignores the name). Each
 * `name` must always build the same SQL text: node-postgres refuses a name reused for another text.
 */
export function prepared<T>(db: Database, name: string, build: (db: Database, name: string) => T): T {
  let statements = preparedByDatabase.get(db);
  if (!statements) {
    statements = new Map();
    preparedByDatabase.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db, name);
    statements.set(name, statement);
  }
  return statement;
}

/**
 * A page size written into the SQL text: list queries inline their LIMIT instead of binding it,
 * because PostgreSQL plans every execution of a keyset page with a bound LIMIT again (STACK.md).
 * Sizes come clamped by the pagination; the check keeps anything else out of the SQL. (Drizzle's
 * `.limit()` renders any SQL object it is given, though its type names only placeholders.)
 */
export function inlineLimit(limit: number): Placeholder {
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) throw new Error(`Invalid page limit ${limit}`);
  return sql.raw(String(limit)) as unknown as Placeholder;
}

/** The rows of a statement written in SQL: both drivers answer `{ rows }`. */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * `expression = any($1)` with the values bound as one array: the statement's text does not grow with
 * the list (a 100-id `IN (…)` costs drizzle ~1 ms to build), and `[]` matches nothing, as `IN` would.
 */
export function isAnyOf(expression: SQLWrapper, values: readonly unknown[] | SQLWrapper): SQL {
  return sql`${expression} = any(${Array.isArray(values) ? sql.param([...values]) : values})`;
}

/**
 * The values of one execution of a shaped statement, each under a placeholder, and the facts besides
 * them that its SQL text depends on (which optional filters are present, the page's direction and
 * size, a cursor's kind). Two executions with the same `shape` have the same SQL text.
 */
export class Bindings {
  readonly values: Record<string, unknown> = {};
  private readonly shapeParts: string[] = [];
  private unnamed = false;

  bind<T>(name: string, value: T): Placeholder<string, T> {
    if (name in this.values) throw new Error(`Placeholder ${name} is bound twice`);
    this.values[name] = value;
    this.shapeParts.push(name);
    return sql.placeholder(name) as Placeholder<string, T>;
  }

  /** `value` as a placeholder when given; left out of the statement (and its shape) when null or undefined. */
  bindOptional<T>(name: string, value: T | null | undefined): Placeholder<string, T> | undefined {
    return value == null ? undefined : this.bind(name, value);
  }

  /** A fact the SQL text depends on that is not a bound value. */
  note(part: string): void {
    this.shapeParts.push(part);
  }

  /** Whether PostgreSQL should plan each execution for its values (see `planEachTime`). */
  get plannedEachTime(): boolean {
    return this.unnamed;
  }

  /**
   * The statement's best plan depends on its values (a search pattern), so it runs unnamed and
   * PostgreSQL plans every execution; only drizzle's building of it is saved.
   */
  planEachTime(): void {
    this.unnamed = true;
  }

  get shape(): string {
    return this.shapeParts.join(',');
  }
}

interface PreparedShape<T> {
  getQuery(): { sql: string };
  execute(values: Record<string, unknown>): Promise<T>;
}

interface ShapedQuery<T> {
  prepare(name: string): PreparedShape<T>;
  /** Runs unnamed, with the placeholders' values. */
  execute(values: Record<string, unknown>): Promise<T>;
}

/** Every connection keeps each named statement it has run, so the number of shapes named is bounded. */
const maxNamedShapes = 500;

/**
 * Process-wide, on globalThis like the database handle: Next bundles this module into more than one
 * chunk (route handlers, server components), and every copy runs its statements on the same pool.
 */
const globalForStatements = globalThis as unknown as {
  rapportNamedShapes?: Set<string>;
  rapportShapedStatements?: WeakMap<Database, Map<string, PreparedShape<unknown>>>;
};
const namedShapes = (globalForStatements.rapportNamedShapes ??= new Set<string>());
const shapedByDatabase = (globalForStatements.rapportShapedStatements ??= new WeakMap());

/** Tests check that a cached statement is the one its arguments build (a shape missing a fact). */
const verifyShapes = process.env.NODE_ENV === 'test';

/**
 * A statement's name, from its text: node-postgres refuses a name it has seen on this connection
 * with another text, and a name counted per copy of this module would differ between copies.
 */
function statementName(family: string, text: string): string {
  return `${family}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
}

/**
 * Runs a list or count query whose SQL text depends only on `bindings.shape` (see `Bindings`):
 * built and named once per shape and database handle (left unnamed when `bindings` asks to be
 * planned each time), then executed with each request's values.
 * Building a page query costs drizzle about 0.2 ms, more than the rest of the request's SQL work.
 * `build` must take every value it uses from `bindings`' placeholders. Past `maxNamedShapes` shapes
 * in all, new shapes are built and run unnamed.
 */
export async function executeShaped<T>(db: Database, family: string, bindings: Bindings, build: () => ShapedQuery<T>): Promise<T> {
  let statements = shapedByDatabase.get(db);
  if (!statements) {
    statements = new Map();
    shapedByDatabase.set(db, statements);
  }
  const key = `${family}|${bindings.shape}`;
  let statement = statements.get(key) as PreparedShape<T> | undefined;
  if (!statement) {
    if (namedShapes.size >= maxNamedShapes) return build().execute(bindings.values);
    const query = build();
    statement = query.prepare(bindings.plannedEachTime ? '' : statementName(family, query.prepare('unnamed').getQuery().sql));
    namedShapes.add(key);
    statements.set(key, statement);
  } else if (verifyShapes) {
    const built = build().prepare('verify').getQuery().sql;
    if (built !== statement.getQuery().sql) throw new Error(`Statement shape ${key} does not determine its SQL:\n${statement.getQuery().sql}\n${built}`);
  }
  return statement.execute(bindings.values);
}

/** A list filter whose values may be placeholders, its search patterns (see `bindSearch`) too. */
export type Bound<Filter> = {
  [K in keyof Filter]: K extends 'search' ? Filter[K] | SearchPatterns : Filter[K] | Placeholder;
};

interface Preparable<T> {
  prepare(): { getQuery(): { sql: string }; execute(): Promise<T> };
  execute(): Promise<T>;
}

/**
 * Runs a query built for this request (its shape depends on the arguments: sort, cursors, filters)
 * as a statement named after its text, so PostgreSQL parses and plans each shape once per
 * connection instead of on every request. Past `maxNamedShapes` distinct texts, new shapes run
 * unnamed. So do searches (`named: false`): once PostgreSQL settles on a generic plan it no longer
 * sees the pattern, and the bench's contact search then cost 4× the database CPU.
 */
export function executeNamed<T>(query: Preparable<T>, { named = true }: { named?: boolean } = {}): Promise<T> {
  if (!named) return query.execute();
  const statement = query.prepare();
  const text = statement.getQuery().sql;
  if (namedShapes.has(text)) return statement.execute();
  if (namedShapes.size >= maxNamedShapes) return query.execute();
  namedShapes.add(text);
  return statement.execute();
}
