import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../testing/test-database';
import type { DatabaseHandle } from './client';
import { contacts } from './schema/crm';
import { Bindings, executeShaped } from './statements';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

function countWhere(bindings: Bindings, id: number, withState: boolean) {
  const idPlaceholder = bindings.bind('id', id);
  return () =>
    handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(contacts)
      .where(withState ? sql`${contacts.id} = ${idPlaceholder} and ${contacts.state} = 'active'` : sql`${contacts.id} = ${idPlaceholder}`);
}

describe('executeShaped', () => {
  it('builds a shape once and runs it again with new values', async () => {
    const first = new Bindings();
    const second = new Bindings();
    const [a] = await executeShaped(handle.db, 'shaped_test', first, countWhere(first, 1, false));
    const [b] = await executeShaped(handle.db, 'shaped_test', second, countWhere(second, 2, false));
    expect([a?.count, b?.count]).toEqual([0, 0]);
    expect(first.shape).toBe(second.shape);
  });

  it('refuses, in tests, a cached shape whose arguments build other SQL (a fact missing from the shape)', async () => {
    const first = new Bindings();
    await executeShaped(handle.db, 'shaped_missing_fact', first, countWhere(first, 1, false));
    const second = new Bindings();
    await expect(executeShaped(handle.db, 'shaped_missing_fact', second, countWhere(second, 1, true))).rejects.toThrow(/does not determine its SQL/);
  });

  it('runs shapes first met in different copies of the module on one pool (Next bundles it into several chunks)', async () => {
    const copies = [];
    for (const _ of [1, 2]) {
      vi.resetModules();
      copies.push(await import('./statements'));
    }
    const counts = [];
    for (const [copy, withState] of [[copies[0], true], [copies[1], false], [copies[0], false]] as const) {
      const bindings = new copy!.Bindings();
      bindings.note(withState ? 'active' : 'any');
      const [row] = await copy!.executeShaped(handle.db, 'shaped_two_copies', bindings, countWhere(bindings, 1, withState));
      counts.push(row?.count);
    }
    expect(counts).toEqual([0, 0, 0]);
  });

  it('names a shape after its text, but leaves unnamed one planned each time (a search)', async () => {
    const namesGiven = async (planEachTime: boolean, id: number) => {
      const names: string[] = [];
      const bindings = new Bindings();
      if (planEachTime) bindings.planEachTime();
      const [row] = await executeShaped(handle.db, `shaped_planned_${planEachTime}`, bindings, () => {
        const query = countWhere(bindings, id, false)();
        const prepare = query.prepare.bind(query);
        return Object.assign(query, { prepare: (name: string) => (names.push(name), prepare(name)) });
      });
      return { names, count: row?.count };
    };
    expect(await namesGiven(true, 1)).toEqual({ names: [''], count: 0 });
    // Cached: the second run only verifies (in tests) that its arguments build the same text.
    expect(await namesGiven(true, 2)).toEqual({ names: ['verify'], count: 0 });
    expect(await namesGiven(false, 1)).toEqual({ names: ['unnamed', expect.stringMatching(/^shaped_planned_false_[0-9a-f]{16}$/)], count: 0 });
  });

  it('refuses a placeholder bound twice', () => {
    const bindings = new Bindings();
    bindings.bind('id', 1);
    expect(() => bindings.bind('id', 2)).toThrow(/bound twice/);
  });
});
