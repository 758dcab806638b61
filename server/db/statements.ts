import { type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
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

/**
 * `expression = any($1)` with the values bound as one array: the statement's text does not grow with
 * the list (a 100-id `IN (…)` costs drizzle ~1 ms to build), and `[]` matches nothing, as `IN` would.
 */
export function isAnyOf(expression: SQLWrapper, values: readonly unknown[] | SQLWrapper): SQL {
  return sql`${expression} = any(${Array.isArray(values) ? sql.param([...values]) : values})`;
}

interface Preparable<T> {
  prepare(): { getQuery(): { sql: string }; execute(): Promise<T> };
  execute(): Promise<T>;
}

/** Every connection keeps each named statement it has run, so the number of shapes named is bounded. */
const maxNamedShapes = 500;
const namedShapes = new Set<string>();

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
