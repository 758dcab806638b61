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
  // Authentication is cached (no statement). The group with the viewer's level and the CRM setting;
  // the page with its organizations joined in; the count.
  it('are three, whatever the page size (no N+1 on organizations)', async () => {
    expect(await statementsFor(2)).toBe(3);
    expect(await statementsFor(50)).toBe(3);
  });

  it('leave organizations out of the page when the query does not ask for them', async () => {
    const { result, statements } = await countStatements(() =>
      postGraphQL<{ group: { contacts: { nodes: unknown[] } } }>(`query { group(fullPath: "acme") { contacts(first: 5) { nodes { id } } } }`, {}, { headers }),
    );
    expect(result.data?.group.contacts.nodes).toHaveLength(5);
    expect(statements).toHaveLength(2);
    expect(statements.at(-1)).not.toContain('customer_relations_organizations');
  });
});
