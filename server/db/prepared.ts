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
 * A page size as SQL text: list queries inline their LIMIT instead of binding it, because a bound
 * LIMIT makes PostgreSQL plan every execution of a keyset page again (STACK.md). Callers pass sizes
 * already clamped by the pagination; the check only keeps anything else out of the SQL.
 */
export function inlineLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) throw new Error(`Invalid page limit ${limit}`);
  return limit;
}
