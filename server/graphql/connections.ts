import type { Page } from '../pagination/keyset';

/** A page of a list plus its total, counted only when the client asks for `count`. */
export type CountedPage<T> = Page<T> & { count: () => Promise<number> };

export function countedPage<T>(page: Page<T>, count: () => Promise<number>): CountedPage<T> {
  return { ...page, count };
}

export function emptyPage<T>(): CountedPage<T> {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    count: async () => 0,
  };
}

export function countOf(connection: object): Promise<number> {
  return (connection as Partial<CountedPage<unknown>>).count?.() ?? Promise.resolve(0);
}
