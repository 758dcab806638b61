import { encodeBase64 } from '@pothos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';

/**
 * Issue contacts in lists: loaded with the page of issues, in lean rows when the nodes ask only
 * for the sidebar's fields, in whole rows otherwise, and the same answers either way.
 */

let handle: DatabaseHandle;
let headers: Record<string, string>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await tokenHeaders(handle.db, 'developer');
});

afterAll(async () => {
  await handle.close();
});

interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  description: string | null;
  active?: boolean;
  createdAt?: string;
  organization: { id: string; name: string; defaultRate?: number | null; active?: boolean } | null;
}

interface ListData {
  project: { issues: { nodes: { iid: string; customerRelationsContacts: { nodes: Contact[] } | null }[] } };
}

const sidebarFields = 'id firstName lastName email phone description';

async function list(contactFields: string) {
  const document = `{ project(fullPath: "acme/website") { issues(first: 100) { nodes { iid customerRelationsContacts { nodes { ${contactFields} } } } } } }`;
  const { result, statements } = await countWarmStatements(() => postGraphQL<ListData>(document, {}, { headers }));
  expect(result.errors).toBeUndefined();
  return { nodes: result.data!.project.issues.nodes, statements };
}

/** Each issue's contacts with only the sidebar's fields, to compare lists asked with more. */
function sidebarView(nodes: ListData['project']['issues']['nodes']) {
  return nodes.map(({ iid, customerRelationsContacts }) => ({
    iid,
    contacts: customerRelationsContacts?.nodes.map(({ id, firstName, lastName, email, phone, description, organization }) => ({
      id,
      firstName,
      lastName,
      email,
      phone,
      description,
      organization: organization && { id: organization.id, name: organization.name },
    })),
  }));
}

describe('Issue contacts in Project.issues', () => {
  it('answers the same from lean and from whole rows, in one statement for the whole page', async () => {
    const lean = await list(`${sidebarFields} organization { id name }`);
    const whole = await list(`${sidebarFields} active createdAt organization { id name defaultRate active }`);
    expect(lean.nodes.some((node) => (node.customerRelationsContacts?.nodes.length ?? 0) > 0)).toBe(true);
    expect(lean.nodes.some((node) => node.customerRelationsContacts?.nodes.some((contact) => contact.organization !== null))).toBe(true);
    expect(sidebarView(lean.nodes)).toEqual(sidebarView(whole.nodes));
    expect(whole.nodes.flatMap((node) => node.customerRelationsContacts?.nodes ?? []).every((contact) => typeof contact.active === 'boolean' && contact.createdAt)).toBe(true);
    // The page of issues and their contacts (the project's access facts are cached).
    expect(lean.statements).toHaveLength(2);
    expect(whole.statements).toHaveLength(2);
    expect(lean.statements[1]).not.toContain('"customer_relations_contacts"."created_at"');
    expect(whole.statements[1]).toContain('"customer_relations_contacts"."created_at"');
  });

  it('gives an issue reached again below the list, asking more of its contacts, its whole contacts', async () => {
    // The list loads lean contacts; issue 1 shows up again under its contacts' organizations, asking for `active`.
    const nested = /* GraphQL */ `
      {
        project(fullPath: "acme/website") {
          issues(first: 100) {
            nodes {
              iid
              customerRelationsContacts {
                nodes { id organization { name issues(first: 100) { nodes { iid customerRelationsContacts { nodes { id active } } } } } }
              }
            }
          }
        }
      }
    `;
    type Nested = { iid: string; customerRelationsContacts: { nodes: { id: string; active?: boolean; organization?: { issues: { nodes: Nested[] } } | null }[] } };
    const response = await postGraphQL<{ project: { issues: { nodes: Nested[] } } }>(nested, {}, { headers });
    expect(response.errors).toBeUndefined();
    const reached = response.data!.project.issues.nodes
      .flatMap((issue) => issue.customerRelationsContacts.nodes)
      .flatMap((contact) => contact.organization?.issues.nodes ?? [])
      .find((issue) => issue.iid === '1');
    const alone = await postGraphQL<{ project: { issue: Nested } }>(
      '{ project(fullPath: "acme/website") { issue(iid: "1") { iid customerRelationsContacts { nodes { id active } } } } }',
      {},
      { headers },
    );
    expect(reached).toEqual(alone.data!.project.issue);
    expect(reached!.customerRelationsContacts.nodes.some((contact) => contact.active === true)).toBe(true);
  });

  it('pages each issue\'s contacts with offset cursors', async () => {
    const document = `{ project(fullPath: "acme/website") { issue(iid: "1") { customerRelationsContacts(first: 1) {
      count edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    const response = await postGraphQL<{
      project: { issue: { customerRelationsContacts: { count: number; edges: { cursor: string }[]; pageInfo: Record<string, unknown> } } };
    }>(document, {}, { headers });
    const connection = response.data!.project.issue.customerRelationsContacts;
    const first = encodeBase64('OffsetConnection:0');
    expect(connection.count).toBeGreaterThan(1);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([first]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first, endCursor: first });
  });

  it('loads no contacts for a list that does not show them', async () => {
    const document = '{ project(fullPath: "acme/website") { issues(first: 100) { nodes { iid ... @include(if: false) { customerRelationsContacts { count } } } } } }';
    const { result, statements } = await countWarmStatements(() => postGraphQL<ListData>(document, {}, { headers }));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
  });
});
