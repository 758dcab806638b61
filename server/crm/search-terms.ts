import { type SQL, and, or, sql } from 'drizzle-orm';

/** Splits a search on whitespace, keeping "double quoted" phrases whole. */
export function splitSearchTerms(search: string): string[] {
  const terms: string[] = [];
  for (const match of search.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

/** A LIKE pattern matching `term` anywhere, with `%`, `_` and `\` taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Every term must match at least one of the columns (case-insensitively). The first condition
 * repeats the test on the concatenation the trigram index is built on, so the index can serve it.
 */
export function searchCondition(search: string | null | undefined, indexed: SQL, columns: SQL[]): SQL | undefined {
  const terms = splitSearchTerms(search ?? '');
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => {
      // PostgreSQL text cannot hold NUL: such a term matches nothing (and must not reach SQL).
      if (term.includes('\u0000')) return sql`false`;
      const pattern = containsPattern(term);
      return and(sql`${indexed} ilike ${pattern}`, or(...columns.map((column) => sql`${column} ilike ${pattern}`)));
    }),
  );
}
