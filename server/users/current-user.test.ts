import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, type DatabaseHandle } from '../db/client';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

describe('currentUser', () => {
  it('answers from the viewer the request authenticated, without selecting the user again', async () => {
    const headers = await tokenHeaders(handle.db, 'developer');
    const { result, statements } = await countStatements(() =>
      postGraphQL<{ currentUser: { username: string; name: string; webUrl: string } }>('{ currentUser { id username name webUrl } }', {}, { headers }),
    );
    expect(result.data?.currentUser).toMatchObject({ username: 'developer', webUrl: '/developer' });
    // Only authentication may read the users table (a cached token reads nothing at all).
    expect(statements.filter((statement) => statement.includes('personal_access_tokens'))).toEqual(statements);
  });
});
