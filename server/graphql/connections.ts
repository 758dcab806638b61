import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import type { Page, PageArgs } from '../pagination/keyset';

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

/** Cursors are encoded when read: most lists ask only for `nodes`. */
class OffsetEdge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
  ) {}

  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

class OffsetPageInfo {
  constructor(
    private readonly offset: number,
    private readonly size: number,
    readonly hasPreviousPage: boolean,
    readonly hasNextPage: boolean,
  ) {}

  get startCursor(): string {
    return offsetToCursor(this.offset);
  }

  get endCursor(): string {
    return offsetToCursor(this.offset + this.size - 1);
  }
}

/**
 * A page of a list already in memory, paged exactly as `resolveArrayConnection` of
 * @pothos/plugin-relay pages it (offset cursors, 20 items unless `first`/`last` say otherwise),
 * with its total as `count`.
 */
export class ArrayPage<T> {
  readonly edges: OffsetEdge<T>[];
  readonly pageInfo: OffsetPageInfo;

  constructor(
    private readonly items: readonly T[],
    args: PageArgs,
  ) {
    const { offset, expectedSize, hasPreviousPage, hasNextPage } = offsetForArgs({ args, totalCount: items.length });
    const end = Math.min(items.length, offset + expectedSize);
    this.edges = [];
    for (let index = offset; index < end; index++) this.edges.push(new OffsetEdge(items[index] as T, index));
    // `hasNextPage` is asked of the number of items from the offset, up to one past the page.
    this.pageInfo = new OffsetPageInfo(offset, this.edges.length, hasPreviousPage, hasNextPage(Math.min(items.length - offset, expectedSize + 1)));
  }

  count(): Promise<number> {
    return Promise.resolve(this.items.length);
  }
}
