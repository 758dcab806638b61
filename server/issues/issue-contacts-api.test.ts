import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, sessionHeaders, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

interface IssueData {
  project: {
    issue: {
      id: string;
      iid: string;
      title: string;
      webUrl: string;
      customerRelationsContacts: { count: number; nodes: { id: string; email: string; organization: { name: string } | null }[] } | null;
    } | null;
  } | null;
}

const issueQuery = /* GraphQL */ `
  query issueContacts($fullPath: ID!, $iid: String) {
    project(fullPath: $fullPath) {
      issue(iid: $iid) {
        id
        iid
        title
        webUrl
        customerRelationsContacts { count nodes { id email organization { name } } }
      }
    }
  }
`;

async function issueAs(username: string | null, fullPath = 'acme/website', iid = '1') {
  const headers = username ? await tokenHeaders(handle.db, username) : {};
  return postGraphQL<IssueData>(issueQuery, { fullPath, iid }, { headers });
}

describe('Issue.customerRelationsContacts', () => {
  it.each(['planner', 'reporter', 'developer', 'maintainer', 'owner', 'admin'])('%s sees the contacts of issue 1', async (username) => {
    const response = await issueAs(username);
    expect(response.errors).toBeUndefined();
    const issue = response.data?.project?.issue;
    expect(issue?.id).toMatch(/^gid:\/\/gitlab\/Issue\/\d+$/);
    expect(issue?.iid).toBe('1');
    expect(issue?.webUrl).toBe('/acme/website/-/issues/1');
    expect(issue?.customerRelationsContacts?.count).toBeGreaterThanOrEqual(2);
    expect(issue?.customerRelationsContacts?.nodes.map((node) => node.email)).toContain('alice.johnson@northwind.example');
  });

  it('a guest sees the issue but no contacts', async () => {
    const response = await issueAs('guest');
    expect(response.data?.project?.issue?.title).toBeTruthy();
    expect(response.data?.project?.issue?.customerRelationsContacts).toMatchObject({ count: 0, nodes: [] });
  });

  it.each([['outsider'], [null]])('%s cannot see the project', async (username) => {
    const response = await issueAs(username);
    expect(response.errors).toBeUndefined();
    expect(response.data?.project).toBeNull();
  });

  it('an unknown or malformed iid resolves to null', async () => {
    for (const iid of ['9999', 'abc', '-1', '']) {
      const response = await issueAs('developer', 'acme/website', iid);
      expect(response.errors).toBeUndefined();
      expect(response.data?.project?.issue).toBeNull();
    }
  });

  it('an issue of a subgroup project uses the root group as its CRM group', async () => {
    const response = await issueAs('developer', 'acme/support/helpdesk', '1');
    expect(response.errors).toBeUndefined();
    expect(response.data?.project?.issue?.customerRelationsContacts).not.toBeNull();
  });

  it('Query.issue finds an issue by global ID, hidden from outsiders', async () => {
    const id = (await issueAs('developer')).data?.project?.issue?.id;
    const query = 'query($id: IssueID!) { issue(id: $id) { iid customerRelationsContacts { count } } }';
    const visible = await postGraphQL<{ issue: { iid: string; customerRelationsContacts: { count: number } } | null }>(query, { id }, { headers: await tokenHeaders(handle.db, 'reporter') });
    expect(visible.data?.issue?.iid).toBe('1');
    expect(visible.data?.issue?.customerRelationsContacts.count).toBeGreaterThanOrEqual(2);
    const hidden = await postGraphQL<{ issue: unknown }>(query, { id }, { headers: await tokenHeaders(handle.db, 'outsider') });
    expect(hidden.data?.issue).toBeNull();
  });
});

describe('session authentication', () => {
  const mutation = /* GraphQL */ `
    mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }
  `;

  async function groupId(): Promise<string> {
    const response = await postGraphQL<{ group: { id: string } }>('{ group(fullPath: "acme") { id } }', {}, { headers: await tokenHeaders(handle.db, 'developer') });
    return response.data!.group.id;
  }

  it('reads with the session cookie alone', async () => {
    const { cookie } = await sessionHeaders(handle.db, 'developer');
    const response = await postGraphQL<{ currentUser: { username: string } }>('{ currentUser { username } }', {}, { headers: { cookie } });
    expect(response.data?.currentUser.username).toBe('developer');
  });

  it('refuses a cookie-authenticated mutation without the CSRF token, and runs it with the token', async () => {
    const { cookie, csrfToken } = await sessionHeaders(handle.db, 'developer');
    const input = { groupId: await groupId(), firstName: 'Csrf', lastName: 'Check', email: 'csrf.check@example.com' };
    const refused = await postGraphQL(mutation, { input }, { headers: { cookie } });
    expect(refused.errors?.[0]?.message).toMatch(/X-CSRF-Token/);
    const forged = await postGraphQL(mutation, { input }, { headers: { cookie, 'x-csrf-token': 'forged' } });
    expect(forged.errors?.[0]?.message).toMatch(/X-CSRF-Token/);
    const accepted = await postGraphQL<{ customerRelationsContactCreate: { errors: string[] } }>(mutation, { input }, { headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(accepted.data?.customerRelationsContactCreate.errors).toEqual([]);
  });

  it('an anonymous currentUser is null', async () => {
    const response = await postGraphQL<{ currentUser: unknown }>('{ currentUser { username } }');
    expect(response.data?.currentUser).toBeNull();
  });
});
