import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessCache } from '../auth/access-cache';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
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

const listContacts = (first: number) => () => postGraphQL<{ group: { contacts: { nodes: unknown[] } } }>(query, { first }, { headers });

async function statementsFor(first: number): Promise<number> {
  const { result, statements } = await countWarmStatements(listContacts(first));
  expect(result.data?.group.contacts.nodes).toHaveLength(first);
  return statements.length;
}

describe('SQL statements per contacts request', () => {
  // Authentication and the group's access facts (the viewer's level, the CRM setting) are cached:
  // no statement. The page with its organizations joined in, and its count.
  it('are two, whatever the page size (no N+1 on organizations)', async () => {
    expect(await statementsFor(2)).toBe(2);
    expect(await statementsFor(50)).toBe(2);
  });

  it('are three when the group was not looked up in the last few seconds: its access statement first', async () => {
    const { result, statements } = await countWarmStatements(() => {
      accessCache().clear();
      return listContacts(20)();
    });
    expect(result.data?.group.contacts.nodes).toHaveLength(20);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toContain('crm_roots');
  });

  it('leave organizations out of the page when the query does not ask for them', async () => {
    const { result, statements } = await countWarmStatements(() =>
      postGraphQL<{ group: { contacts: { nodes: unknown[] } } }>(`query { group(fullPath: "acme") { contacts(first: 5) { nodes { id } } } }`, {}, { headers }),
    );
    expect(result.data?.group.contacts.nodes).toHaveLength(5);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain('customer_relations_organizations');
  });
});
