import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { personalAccessTokens } from '../db/schema/users';
import { userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { createPersonalAccessToken, findUserByToken, tokenCreationThrottle } from './tokens';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

async function lastUsedAt(tokenName: string): Promise<Date | null> {
  const [row] = await handle.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.name, tokenName));
  return row?.lastUsedAt ?? null;
}

describe('personal access tokens', () => {
  it('stores only a digest and finds the user by the clear token', async () => {
    const token = await createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'reporter'), name: 'digest-check', scopes: ['read_api'] });
    expect(token).toMatch(/^glpat-/);
    const [row] = await handle.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.name, 'digest-check'));
    expect(row?.tokenDigest).not.toContain(token);
    const found = await findUserByToken(handle.db, token);
    expect(found?.user.username).toBe('reporter');
    expect(found?.scopes).toEqual(['read_api']);
  });

  it('records use at most every 10 minutes', async () => {
    const token = await createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'developer'), name: 'last-used', scopes: ['api'] });
    expect(await lastUsedAt('last-used')).toBeNull();
    await findUserByToken(handle.db, token);
    const first = await lastUsedAt('last-used');
    expect(first).not.toBeNull();
    await findUserByToken(handle.db, token);
    expect(await lastUsedAt('last-used')).toEqual(first);
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    await handle.db.update(personalAccessTokens).set({ lastUsedAt: elevenMinutesAgo }).where(eq(personalAccessTokens.name, 'last-used'));
    await findUserByToken(handle.db, token);
    expect((await lastUsedAt('last-used'))!.getTime()).toBeGreaterThan(elevenMinutesAgo.getTime());
  });

  it('limits how many tokens one user creates per hour, and refuses the next without storing it', async () => {
    const maintainer = await userId(handle.db, 'maintainer');
    const tokensOf = async (id: number) => (await handle.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.userId, id))).length;
    const before = await tokensOf(maintainer);
    for (let index = 0; index < tokenCreationThrottle.limit; index += 1) {
      await createPersonalAccessToken(handle.db, { userId: maintainer, name: `burst-${index}`, scopes: ['api'] });
    }
    await expect(createPersonalAccessToken(handle.db, { userId: maintainer, name: 'one too many', scopes: ['api'] })).rejects.toThrow(
      'Too many personal access tokens created. Try again in 60 minutes.',
    );
    expect(await tokensOf(maintainer)).toBe(before + tokenCreationThrottle.limit);
    // Another user is not affected.
    await expect(createPersonalAccessToken(handle.db, { userId: await userId(handle.db, 'owner'), name: 'unaffected', scopes: ['api'] })).resolves.toMatch(/^glpat-/);
  });
});
