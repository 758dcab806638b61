import { offsetToCursor, resolveArrayConnection } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { ArrayPage } from './connections';

type Args = { first?: number | null; last?: number | null; after?: string | null; before?: string | null };

/** What a client can read of a page: every edge with its cursor, and the page info. */
function shown(page: { edges: readonly ({ cursor: string; node: unknown } | null)[]; pageInfo: object }) {
  const { startCursor, endCursor, hasNextPage, hasPreviousPage } = page.pageInfo as Record<string, unknown>;
  return { edges: page.edges.map((edge) => edge && { cursor: edge.cursor, node: edge.node }), pageInfo: { startCursor, endCursor, hasNextPage, hasPreviousPage } };
}

const sizes = [0, 1, 2, 5, 25, 120];
const argSets: Args[] = [
  {},
  { first: 0 },
  { first: 1 },
  { first: 3 },
  { first: 100 },
  { first: 2, after: offsetToCursor(0) },
  { first: 2, after: offsetToCursor(3) },
  { after: offsetToCursor(30) },
  { last: 2, before: offsetToCursor(4) },
  { last: 0, before: offsetToCursor(2) },
  { first: 4, last: 2 },
  { before: offsetToCursor(3) },
  { after: offsetToCursor(1), before: offsetToCursor(4) },
];

describe('ArrayPage', () => {
  it.each(sizes)('pages %i items as resolveArrayConnection does, for every argument set', (size) => {
    const items = Array.from({ length: size }, (_, index) => ({ index }));
    for (const args of argSets) {
      const page = new ArrayPage(items, args);
      expect(shown(page), JSON.stringify(args)).toEqual(shown(resolveArrayConnection({ args }, items)));
    }
  });

  it('counts every item, not only the page', async () => {
    expect(await new ArrayPage([1, 2, 3].map((index) => ({ index })), { first: 1 }).count()).toBe(3);
  });

  it('refuses the arguments resolveArrayConnection refuses', () => {
    const items = [{ index: 0 }];
    expect(() => new ArrayPage(items, { first: -1 })).toThrow('Argument "first" must be a non-negative integer');
    expect(() => new ArrayPage(items, { after: 'not a cursor' })).toThrow();
  });
});
