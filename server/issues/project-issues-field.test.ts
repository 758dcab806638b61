import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, sessionHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

async function as<TData>(username: string, query: string, variables: Record<string, unknown> = {}) {
  const { cookie } = await sessionHeaders(handle.db, username);
  return postGraphQL<TData>(query, variables, { headers: { cookie } });
}

/** The numeric id GitLab's `crmContactId` filter takes, found through the API like a client would. */
async function contactId(email: string): Promise<string> {
  const { data } = await as<{ group: { contacts: { nodes: { id: string }[] } } }>(
    'reporter',
    'query ($search: String) { group(fullPath: "acme") { contacts(search: $search) { nodes { id } } } }',
    { search: email },
  );
  const id = data?.group.contacts.nodes[0]?.id;
  if (!id) throw new Error(`No contact ${email}`);
  return id.slice(id.lastIndexOf('/') + 1);
}

interface IssuesData {
  project: { rapportCanReadIssueContacts: boolean; issues: { nodes: { iid: string; state: string }[] } | null } | null;
}

const issuesQuery = /* GraphQL */ `
  query ($state: IssueState, $crmContactId: String, $crmOrganizationId: String) {
    project(fullPath: "acme/website") {
      rapportCanReadIssueContacts
      issues(state: $state, crmContactId: $crmContactId, crmOrganizationId: $crmOrganizationId) { nodes { iid state } }
    }
  }
`;

describe('Project.issues', () => {
  it('lists issues newest first and filters by state', async () => {
    const all = await as<IssuesData>('guest', issuesQuery);
    const closed = await as<IssuesData>('guest', issuesQuery, { state: 'closed' });
    expect(all.data?.project?.issues?.nodes.length).toBeGreaterThan(1);
    expect(closed.data?.project?.issues?.nodes.every((issue) => issue.state === 'closed')).toBe(true);
  });

  it('filters by contact for people who may see issue contacts', async () => {
    const alice = await contactId('alice.johnson@northwind.example');
    const { data } = await as<IssuesData>('reporter', issuesQuery, { crmContactId: alice });
    expect(data?.project?.rapportCanReadIssueContacts).toBe(true);
    expect(data?.project?.issues?.nodes.map((issue) => issue.iid)).toContain('1');
  });

  it('gives guests an empty list instead of revealing which issues a contact is on', async () => {
    const alice = await contactId('alice.johnson@northwind.example');
    const { data } = await as<IssuesData>('guest', issuesQuery, { crmContactId: alice });
    expect(data?.project?.rapportCanReadIssueContacts).toBe(false);
    expect(data?.project?.issues?.nodes).toEqual([]);
  });

  it('finds nothing for a malformed id', async () => {
    const { data, errors } = await as<IssuesData>('reporter', issuesQuery, { crmContactId: 'gid://x' });
    expect(errors).toBeUndefined();
    expect(data?.project?.issues?.nodes).toEqual([]);
  });
});

describe('Issue.notes', () => {
  it('lists comments and system notes oldest first, with their authors', async () => {
    const { data } = await as<{
      project: { issue: { notes: { nodes: { id: string; body: string; system: boolean; createdAt: string; author: { username: string } | null }[] } } };
    }>('guest', '{ project(fullPath: "acme/website") { issue(iid: "1") { notes { nodes { id body system createdAt author { username } } } } } }');
    const notes = data?.project.issue.notes.nodes ?? [];
    expect(notes.length).toBeGreaterThan(1);
    expect(notes[0]?.id).toMatch(/^gid:\/\/gitlab\/Note\/\d+$/);
    expect(notes.some((note) => note.system)).toBe(true);
    expect(notes.every((note) => note.author !== null)).toBe(true);
    const times = notes.map((note) => note.createdAt);
    expect([...times].sort()).toEqual(times);
  });
});
