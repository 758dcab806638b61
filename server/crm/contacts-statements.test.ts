import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, type DatabaseHandle } from '../db/client';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;
let headers: Record<string, string>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await tokenHeaders(handle.db, 'developer');
});

afterAll(async () => {
  await handle.close();
});

const query = /* GraphQL */ `
  query($first: Int) {
    group(fullPath: "acme") {
      contacts(first: $first) { count nodes { id firstName organization { id name defaultRate } } }
    }
  }
`;

async function statementsFor(first: number): Promise<number> {
  const { result, statements } = await countStatements(() => postGraphQL<{ group: { contacts: { nodes: unknown[] } } }>(query, { first }, { headers }));
  expect(result.data?.group.contacts.nodes).toHaveLength(first);
  return statements.length;
}

describe('SQL statements per contacts request', () => {
  it('does not grow with the page size (no N+1 on organizations)', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(50);
    expect(small).toBeGreaterThanOrEqual(3);
    expect(large).toBe(small);
  });
});
