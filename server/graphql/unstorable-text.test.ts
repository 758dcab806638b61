import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { changedTables, snapshotTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('unpaired surrogates in string input', () => {
  // Found by the property-based suite: a lone surrogate reached the audit log's jsonb and failed
  // the whole update as "Internal server error".
  it.each(['a\udfffb', '\ud800', 'x\ud83d'])('%j is refused by name and never reaches the database', async (firstName) => {
    const headers = await tokenHeaders(handle.db, 'developer');
    const before = await snapshotTables(handle.db);
    const response = await postGraphQL(
      'mutation($input: CustomerRelationsContactUpdateInput!) { customerRelationsContactUpdate(input: $input) { errors } }',
      { input: { id: 'gid://gitlab/CustomerRelations::Contact/1', firstName } },
      { headers },
    );
    expect(response.errors?.map((error) => error.message)).toEqual(['$input.firstName must not contain unpaired surrogates (invalid Unicode)']);
    expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);
  });

  it('a well-formed pair (an emoji) is ordinary text', async () => {
    const response = await postGraphQL('query($p: ID!) { group(fullPath: $p) { id } }', { p: 'acme😀' }, { headers: await tokenHeaders(handle.db, 'developer') });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ group: null });
  });
});
