import { type SQL, sql } from 'drizzle-orm';
import { argumentError } from '../graphql/errors';

/**
 * Bounds on a `search` argument, like GitLab's search limits (it allows 64 terms): every term is one
 * more ILIKE per candidate row, and an unbounded search was a way to hold the database and the
 * event loop for minutes.
 */
export const maxSearchLength = 1024;
export const maxSearchTerms = 64;

const termPattern = /"([^"]*)"|(\S+)/g;

/**
 * Splits a search on whitespace, keeping "double quoted" phrases whole, without repeats (ILIKE
 * ignores case, so neither do repeats). Refuses a search over the limits, naming the argument.
 */
export function splitSearchTerms(search: string): string[] {
  if (search.length > maxSearchLength) {
    throw argumentError(`search is too long (maximum is ${maxSearchLength} characters)`);
  }
  const terms = new Map<string, string>();
  for (const match of search.matchAll(termPattern)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.set(term.toLowerCase(), term);
    if (terms.size > maxSearchTerms) throw argumentError(`search has too many terms (maximum is ${maxSearchTerms})`);
  }
  return [...terms.values()];
}

/**
 * A search typed into a page's search box, cut to what the API accepts (the page shows the list
 * for the part that fits rather than an error).
 */
export function searchWithinLimits(search: string): string {
  const bounded = search.slice(0, maxSearchLength);
  const seen = new Set<string>();
  for (const match of bounded.matchAll(termPattern)) {
    const term = (match[1] ?? match[2] ?? '').trim().toLowerCase();
    if (!term || seen.has(term)) continue;
    if (seen.size === maxSearchTerms) return bounded.slice(0, match.index);
    seen.add(term);
  }
  return bounded;
}

/** A LIKE pattern matching `term` anywhere, with `%`, `_` and `\` taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Every term must match at least one of the columns (case-insensitively), whatever the number of
 * terms in at most three bound parameters:
 * - the longest term against `indexed`, the columns joined by single spaces that the trigram index
 *   is built on, so the index serves the search (`ilike all(array)` cannot use a GIN index);
 * - every term against `indexed` in one array. A term without a space cannot match across the
 *   joining spaces, so for it "matches `indexed`" is "matches one of the columns";
 * - the terms that hold a space ("quoted phrases") against each column, in one more array.
 */
export function searchCondition(search: string | null | undefined, indexed: SQL, columns: SQL[]): SQL | undefined {
  const terms = splitSearchTerms(search ?? '');
  if (terms.length === 0) return undefined;
  // PostgreSQL text cannot hold NUL: a term with one matches nothing (and must not reach SQL).
  if (terms.some((term) => term.includes('\u0000'))) return sql`false`;
  const longest = terms.reduce((chosen, term) => (term.length > chosen.length ? term : chosen));
  const conditions = [sql`${indexed} ilike ${containsPattern(longest)}`];
  if (terms.length > 1) conditions.push(sql`${indexed} ilike all(${sql.param(terms.map(containsPattern))}::text[])`);
  const phrases = terms.filter((term) => term.includes(' '));
  if (phrases.length > 0) {
    const anyColumn = sql.join(
      columns.map((column) => sql`${column} ilike phrase.pattern`),
      sql` or `,
    );
    conditions.push(
      sql`not exists (select from unnest(${sql.param(phrases.map(containsPattern))}::text[]) as phrase(pattern) where (${anyColumn}) is not true)`,
    );
  }
  return sql`(${sql.join(conditions, sql` and `)})`;
}
