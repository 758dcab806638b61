import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Bindings } from './statements';
import { DomainError } from '../errors';

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
    throw new DomainError('invalid_argument', `search is too long (maximum is ${maxSearchLength} characters)`);
  }
  const terms = new Map<string, string>();
  for (const match of search.matchAll(termPattern)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.set(term.toLowerCase(), term);
    if (terms.size > maxSearchTerms) throw new DomainError('invalid_argument', `search has too many terms (maximum is ${maxSearchTerms})`);
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
 * The LIKE patterns of a search, whatever its number of terms (see `searchCondition`), as values or
 * as placeholders; `'nothing'` for a search that can match nothing.
 */
export type SearchPatterns<Value = string | SQLWrapper, Values = string[] | SQLWrapper> =
  | { longest: Value; all?: Values; phrases?: Values }
  | 'nothing';

function searchPatterns(search: string | null | undefined): SearchPatterns<string, string[]> | undefined {
  const terms = splitSearchTerms(search ?? '');
  if (terms.length === 0) return undefined;
  // PostgreSQL text cannot hold NUL: a term with one matches nothing (and must not reach SQL).
  if (terms.some((term) => term.includes('\u0000'))) return 'nothing';
  const longest = terms.reduce((chosen, term) => (term.length > chosen.length ? term : chosen));
  const phrases = terms.filter((term) => term.includes(' '));
  return {
    longest: containsPattern(longest),
    all: terms.length > 1 ? terms.map(containsPattern) : undefined,
    phrases: phrases.length > 0 ? phrases.map(containsPattern) : undefined,
  };
}

/**
 * A search's patterns as placeholders of `bindings`, which of them are present noted in its shape.
 * Its statement is planned on every execution (`planEachTime`): a generic plan no longer sees the
 * pattern, and the bench's contact search then cost 4× the database CPU.
 */
export function bindSearch(search: string | null | undefined, bindings: Bindings): SearchPatterns | undefined {
  const patterns = searchPatterns(search);
  if (patterns === undefined) return undefined;
  bindings.planEachTime();
  if (patterns === 'nothing') {
    bindings.note('search:nothing');
    return patterns;
  }
  return {
    longest: bindings.bind('searchLongest', patterns.longest),
    all: bindings.bindOptional('searchAll', patterns.all),
    phrases: bindings.bindOptional('searchPhrases', patterns.phrases),
  };
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
export function searchCondition(
  search: string | SearchPatterns | null | undefined,
  indexed: SQL,
  columns: SQL[],
): SQL | undefined {
  const patterns = typeof search === 'string' || search == null ? searchPatterns(search) : search;
  if (patterns === undefined) return undefined;
  if (patterns === 'nothing') return sql`false`;
  const conditions = [sql`${indexed} ilike ${patterns.longest}`];
  if (patterns.all) conditions.push(sql`${indexed} ilike all(${arrayParameter(patterns.all)}::text[])`);
  if (patterns.phrases) {
    const anyColumn = sql.join(
      columns.map((column) => sql`${column} ilike phrase.pattern`),
      sql` or `,
    );
    conditions.push(
      sql`not exists (select from unnest(${arrayParameter(patterns.phrases)}::text[]) as phrase(pattern) where (${anyColumn}) is not true)`,
    );
  }
  return sql`(${sql.join(conditions, sql` and `)})`;
}

function arrayParameter(values: string[] | SQLWrapper): SQLWrapper {
  return Array.isArray(values) ? sql.param(values) : values;
}
