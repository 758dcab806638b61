import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createSeededAppDatabase } from '../testing/test-database';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

const contactsQuery = /* GraphQL */ `
  query contacts($fullPath: ID!, $first: Int, $after: String, $search: String, $state: CustomerRelationsContactState) {
    group(fullPath: $fullPath) {
      id
      contacts(first: $first, after: $after, search: $search, state: $state) {
        count
        nodes { id firstName lastName email active organization { id name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

describe('Group.contacts', () => {
  it('lists contacts for a developer', async () => {
    const response = await postGraphQL(contactsQuery, { fullPath: 'acme', first: 5 }, { headers: await tokenHeaders(handle.db, 'developer') });
    expect(response.errors).toBeUndefined();
    console.log(JSON.stringify(response.data, null, 1).slice(0, 1500));
  });
});
