import type { PGlite } from '@electric-sql/pglite';
import { and, eq } from 'drizzle-orm';
import { Client, type Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countStatements, type Database, type DatabaseHandle } from '../db/client';
import { accessLevels, groups, members, projects } from '../db/schema/groups';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase, testBackend } from '../testing/test-database';
import { AccessCache, accessCacheLifetimeMs, type AccessSource } from './access-cache';
import type { AccessFacts } from './access-queries';

type Row = { id: number; fullPath: string };

const noFacts: AccessFacts = { level: null, crmRootId: null, crmEnabled: null, crmSourceGroupId: null, crmGroupPath: null, crmGroupLevel: null };

/** A source over fixed rows that counts its statements; `during` runs while a lookup is in flight. */
function fakeSource(rows: Row[], during: () => void = () => {}) {
  const calls: string[] = [];
  const source: AccessSource<Row> = {
    kind: 'group',
    byPath: async (_db, viewerId, fullPath) => {
      calls.push(`path ${viewerId} ${fullPath}`);
      during();
      const row = rows.find((candidate) => candidate.fullPath === fullPath);
      return row ? { ...row, ...noFacts } : null;
    },
    byIds: async (_db, viewerId, ids) => {
      calls.push(`ids ${viewerId} ${ids.join(',')}`);
      during();
      return rows.filter((row) => ids.includes(row.id)).map((row) => ({ ...row, ...noFacts }));
    },
  };
  return { source, calls };
}

const db = {} as Database;
const otherDb = {} as Database;

describe('AccessCache', () => {
  it('keeps what a lookup found, "not found" too, for its lifetime', async () => {
    let now = 1_000_000;
    const cache = new AccessCache(5_000, () => now);
    const { source, calls } = fakeSource([{ id: 1, fullPath: 'acme' }]);
    expect(await cache.byPath(source, db, 7, 'acme')).toMatchObject({ id: 1 });
    expect(await cache.byPath(source, db, 7, 'nowhere')).toBeNull();
    now += 4_999;
    expect(await cache.byPath(source, db, 7, 'acme')).toMatchObject({ id: 1 });
    expect(await cache.byPath(source, db, 7, 'nowhere')).toBeNull();
    expect(calls).toEqual(['path 7 acme', 'path 7 nowhere']);
    now += 1;
    await cache.byPath(source, db, 7, 'acme');
    expect(calls).toHaveLength(3);
  });

  it('knows a record found by path by its id too, and one found by id by its path', async () => {
    const cache = new AccessCache(5_000);
    const { source, calls } = fakeSource([
      { id: 1, fullPath: 'acme' },
      { id: 2, fullPath: 'Globex' },
    ]);
    await cache.byPath(source, db, 7, 'acme');
    expect(await cache.byIds(source, db, 7, [1, 2, 3])).toEqual([expect.objectContaining({ id: 1 }), expect.objectContaining({ id: 2 }), null]);
    expect(await cache.byPath(source, db, 7, 'globex')).toMatchObject({ id: 2 });
    expect(await cache.byIds(source, db, 7, [3])).toEqual([null]);
    expect(calls).toEqual(['path 7 acme', 'ids 7 2,3']);
  });

  it('keeps each viewer’s facts, and each database’s, apart', async () => {
    const cache = new AccessCache(5_000);
    const { source, calls } = fakeSource([{ id: 1, fullPath: 'acme' }]);
    await cache.byPath(source, db, 7, 'acme');
    await cache.byPath(source, db, 8, 'acme');
    await cache.byPath(source, db, null, 'acme');
    await cache.byPath(source, otherDb, 7, 'acme');
    await cache.byPath(source, db, null, 'acme');
    expect(calls).toEqual(['path 7 acme', 'path 8 acme', 'path null acme', 'path 7 acme']);
  });

  it('keeps nothing a lookup found while the cache was cleared: it may have read the rows before the write', async () => {
    const cache = new AccessCache(5_000);
    const { source, calls } = fakeSource([{ id: 1, fullPath: 'acme' }], () => cache.clear());
    await cache.byPath(source, db, 7, 'acme');
    await cache.byIds(source, db, 7, [1]);
    await cache.byPath(source, db, 7, 'acme');
    expect(calls).toEqual(['path 7 acme', 'ids 7 1', 'path 7 acme']);
  });
});

let handle: DatabaseHandle;
let outsiderId: number;
let headers: Record<string, string>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  // The seed's outsider is a member of globex only.
  outsiderId = await userId(handle.db, 'outsider');
  headers = await tokenHeaders(handle.db, 'outsider');
});

afterAll(async () => {
  await handle.close();
});

afterEach(async () => {
  vi.useRealTimers();
  await handle.db.delete(members).where(and(eq(members.userId, outsiderId), eq(members.groupId, await groupId('acme'))));
});

/** Sets the clock; only `Date` is faked, so the database and timers run as usual. */
function setClock(time: number): void {
  vi.useFakeTimers({ toFake: ['Date'], now: time });
}

async function groupId(fullPath: string): Promise<number> {
  const [group] = await handle.db.select({ id: groups.id }).from(groups).where(eq(groups.fullPath, fullPath));
  if (!group) throw new Error(`No group ${fullPath}`);
  return group.id;
}

const acmeQuery = '{ group(fullPath: "acme") { fullPath } project(fullPath: "acme/website") { fullPath } }';

/** What the outsider sees of acme and its project: nothing until they are a member. */
async function outsiderSeesAcme(): Promise<boolean> {
  const response = await postGraphQL<{ group: unknown; project: unknown }>(acmeQuery, {}, { headers });
  expect(response.errors).toBeUndefined();
  expect(response.data?.group === null).toBe(response.data?.project === null);
  return response.data?.group !== null;
}

const accessStatements = (statements: string[]) => statements.filter((statement) => statement.includes('crm_roots'));

/** The driver under drizzle: the PGlite instance, or the pool of PostgreSQL connections. */
function driver<T extends PGlite | Pool>(): T {
  return (handle.db as unknown as { $client: T }).$client;
}

/** A PostgreSQL connection of its own, outside this process's pool. */
function separateConnection(): Client {
  return new Client({ connectionString: driver<Pool>().options.connectionString });
}

/** Runs SQL as another process would: not through this process's drizzle client nor its pool. */
async function writeFromElsewhere(statement: string, params: unknown[]): Promise<void> {
  if (testBackend === 'pglite') {
    await driver<PGlite>().query(statement, params);
    return;
  }
  const client = separateConnection();
  await client.connect();
  try {
    await client.query(statement, params);
  } finally {
    await client.end();
  }
}

describe('access facts across requests', () => {
  it('cost no statement while a group and a project are in steady use', async () => {
    const { statements } = await countWarmStatements(() => outsiderSeesAcme());
    expect(statements).toEqual([]);
    const cold = await countStatements(async () => {
      await handle.db.insert(members).values({ userId: outsiderId, groupId: await groupId('acme'), accessLevel: accessLevels.guest });
      return outsiderSeesAcme();
    });
    expect(cold.result).toBe(true);
    expect(accessStatements(cold.statements)).toHaveLength(2);
  });

  it('see a membership added or removed in this process at the next request', async () => {
    expect(await outsiderSeesAcme()).toBe(false);
    await handle.db.insert(members).values({ userId: outsiderId, groupId: await groupId('acme'), accessLevel: accessLevels.guest });
    expect(await outsiderSeesAcme()).toBe(true);
    await handle.db.delete(members).where(and(eq(members.userId, outsiderId), eq(members.groupId, await groupId('acme'))));
    expect(await outsiderSeesAcme()).toBe(false);
  });

  it('find a group and a project created in this process at once, though their paths were just not found', async () => {
    const lookUp = '{ group(fullPath: "newco") { fullPath } project(fullPath: "newco/app") { fullPath } }';
    const adminHeaders = await tokenHeaders(handle.db, 'admin');
    expect((await postGraphQL(lookUp, {}, { headers: adminHeaders })).data).toEqual({ group: null, project: null });
    const [newco] = await handle.db.insert(groups).values({ path: 'newco', name: 'Newco', fullPath: 'newco' }).returning();
    expect((await postGraphQL(lookUp, {}, { headers: adminHeaders })).data).toEqual({ group: { fullPath: 'newco' }, project: null });
    await handle.db.insert(projects).values({ groupId: newco!.id, path: 'app', name: 'App', fullPath: 'newco/app' });
    expect((await postGraphQL(lookUp, {}, { headers: adminHeaders })).data).toEqual({ group: { fullPath: 'newco' }, project: { fullPath: 'newco/app' } });
  });

  it('see a membership added by another process within the cache lifetime', async () => {
    const cachedAt = Date.now();
    setClock(cachedAt);
    expect(await outsiderSeesAcme()).toBe(false);
    await writeFromElsewhere('insert into members (user_id, group_id, access_level) values ($1, $2, $3)', [outsiderId, await groupId('acme'), accessLevels.guest]);
    setClock(cachedAt + accessCacheLifetimeMs - 1);
    expect(await outsiderSeesAcme()).toBe(false);
    setClock(cachedAt + accessCacheLifetimeMs);
    expect(await outsiderSeesAcme()).toBe(true);
  });

  // PGlite runs one statement at a time (a transaction to its end): no request can read in between.
  describe.runIf(testBackend === 'postgres')('with several connections', () => {
    it('see a write that landed after a concurrent request read the rows before it', async () => {
      const locker = separateConnection();
      await locker.connect();
      try {
        // Reads go on; the insert waits for the lock.
        await locker.query('begin; lock table members in exclusive mode');
        const adding = handle.db.insert(members).values({ userId: outsiderId, groupId: await groupId('acme'), accessLevel: accessLevels.guest }).execute();
        expect(await outsiderSeesAcme()).toBe(false);
        await locker.query('commit');
        await adding;
      } finally {
        await locker.end();
      }
      expect(await outsiderSeesAcme()).toBe(true);
    });

    it('see a transaction’s write once it commits, though a request read in between', async () => {
      await handle.db.transaction(async (tx) => {
        await tx.insert(members).values({ userId: outsiderId, groupId: await groupId('acme'), accessLevel: accessLevels.guest });
        expect(await outsiderSeesAcme()).toBe(false);
      });
      expect(await outsiderSeesAcme()).toBe(true);
    });
  });
});
