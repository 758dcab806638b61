import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { eq } from 'drizzle-orm';
import { groups, projects } from '../db/schema/groups';
import { issues } from '../db/schema/issues';
import { queryAs, tokenHeaders, userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { createIssueAs } from './issue-test-helpers';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

const as = <TData>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  queryAs<TData>(handle.db, username, query, variables);

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
  query ($state: IssuableState, $crmContactId: String, $crmOrganizationId: String) {
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

  it('ignores the contact filter for guests, as GitLab does, so it cannot reveal which issues a contact is on', async () => {
    const alice = await contactId('alice.johnson@northwind.example');
    const { data } = await as<IssuesData>('guest', issuesQuery, { crmContactId: alice });
    const unfiltered = await as<IssuesData>('guest', issuesQuery);
    expect(data?.project?.rapportCanReadIssueContacts).toBe(false);
    expect(data?.project?.issues?.nodes).toEqual(unfiltered.data?.project?.issues?.nodes);
    const reporter = await as<IssuesData>('reporter', issuesQuery, { crmContactId: alice });
    expect(reporter.data?.project?.issues?.nodes.length).toBeLessThan(data?.project?.issues?.nodes.length ?? 0);
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

describe('Project.issues search, iid, iids, sort and count', () => {
  const projectPath = 'acme/list-args';
  const titles = ['Banana checkout bug', 'apple pricing page', 'Cherry 100% discount', 'Date_picker broken'];

  interface ListData {
    project: { issues: { count: number; nodes: { iid: string; title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  }

  const variableTypes: Record<string, string> = { search: 'String', iid: 'String', iids: '[String!]', sort: 'IssueSort', after: 'String', first: 'Int' };

  async function list(args: string, variables: Record<string, unknown> = {}) {
    const declared = Object.keys(variables).map((name) => `$${name}: ${variableTypes[name]}`);
    const query = `query${declared.length > 0 ? `(${declared.join(', ')})` : ''} {
      project(fullPath: "${projectPath}") { issues${args ? `(${args})` : ''} { count nodes { iid title } pageInfo { hasNextPage endCursor } } }
    }`;
    const response = await as<ListData>('reporter', query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.project.issues;
  }

  beforeAll(async () => {
    const [acme] = await handle.db.select().from(groups).where(eq(groups.fullPath, 'acme'));
    await handle.db.insert(projects).values({ groupId: acme!.id, path: 'list-args', name: 'List args', fullPath: projectPath });
    const headers = await tokenHeaders(handle.db, 'developer');
    for (const [index, title] of titles.entries()) {
      await createIssueAs(headers, projectPath, title, index === 0 ? 'The Apple Pay button fails' : undefined);
    }
  });

  it('counts the filtered list, not the page', async () => {
    expect(await list('first: 1')).toMatchObject({ count: 4, nodes: [{ iid: '4' }], pageInfo: { hasNextPage: true } });
    expect((await list('state: closed')).count).toBe(0);
  });

  it('searches title and description, case-insensitively, every term somewhere, % and _ literally', async () => {
    const iids = async (search: string) => (await list('search: $search', { search })).nodes.map((node) => node.iid).sort();
    expect(await iids('APPLE')).toEqual(['1', '2']);
    expect(await iids('apple button')).toEqual(['1']);
    expect(await iids('"pricing page"')).toEqual(['2']);
    expect(await iids('100%')).toEqual(['3']);
    expect(await iids('e_p')).toEqual(['4']);
    expect(await iids('%')).toEqual(['3']);
    expect((await list('search: $search', { search: 'kiwi' })).count).toBe(0);
  });

  it('filters by iid and iids; a malformed iid finds nothing', async () => {
    expect((await list('iid: $iid', { iid: '2' })).nodes.map((node) => node.title)).toEqual(['apple pricing page']);
    expect((await list('iids: $iids', { iids: ['1', '3', '99'] })).nodes.map((node) => node.iid).sort()).toEqual(['1', '3']);
    expect((await list('iids: $iids', { iids: ['1', 'x'] })).count).toBe(0);
    expect((await list('iid: $iid', { iid: '-1' })).nodes).toEqual([]);
    expect((await list('iids: $iids', { iids: [] })).nodes).toEqual([]);
  });

  it('sorts by creation (newest first by default), update time and title, paging with cursors', async () => {
    expect((await list('')).nodes.map((node) => node.iid)).toEqual(['4', '3', '2', '1']);
    expect((await list('sort: $sort', { sort: 'CREATED_ASC' })).nodes.map((node) => node.iid)).toEqual(['1', '2', '3', '4']);
    expect((await list('sort: $sort', { sort: 'TITLE_ASC' })).nodes.map((node) => node.title)).toEqual([...titles].sort());
    expect((await list('sort: $sort', { sort: 'UPDATED_DESC' })).nodes).toHaveLength(4);
    const first = await list('sort: $sort, first: $first', { sort: 'TITLE_DESC', first: 2 });
    const second = await list('sort: $sort, first: $first, after: $after', { sort: 'TITLE_DESC', first: 2, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((node) => node.title)).toEqual([...titles].sort().reverse());
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses an unknown sort value', async () => {
    const response = await as('reporter', `{ project(fullPath: "${projectPath}") { issues(sort: PRIORITY_ASC) { count } } }`);
    expect(response.errors?.[0]?.message).toMatch(/PRIORITY_ASC/);
  });
});

describe('Project.issues page size', () => {
  const projectPath = 'acme/page-size';

  beforeAll(async () => {
    const [acme] = await handle.db.select().from(groups).where(eq(groups.fullPath, 'acme'));
    const [project] = await handle.db
      .insert(projects)
      .values({ groupId: acme!.id, path: 'page-size', name: 'Page size', fullPath: projectPath, lastIssueIid: 101 })
      .returning();
    const authorId = await userId(handle.db, 'developer');
    await handle.db.insert(issues).values(Array.from({ length: 101 }, (_, index) => ({ projectId: project!.id, iid: index + 1, title: `Issue ${index + 1}`, authorId })));
  });

  async function page(first: number | null) {
    const query = `query($first: Int) { project(fullPath: "${projectPath}") { issues(first: $first) { count nodes { iid } pageInfo { hasNextPage } } } }`;
    return as<{ project: { issues: { count: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean } } } }>('reporter', query, { first });
  }

  it('defaults to 100 issues, as GitLab', async () => {
    const { data } = await page(null);
    expect(data?.project.issues).toMatchObject({ count: 101, pageInfo: { hasNextPage: true } });
    expect(data?.project.issues.nodes).toHaveLength(100);
  });

  it('clamps a larger page to 100, and refuses a negative size', async () => {
    const large = await page(500);
    expect(large.data?.project.issues.nodes).toHaveLength(100);
    const negative = await page(-1);
    expect(negative.status).toBeLessThan(500);
    expect(negative.errors?.[0]?.message).toMatch(/first/);
  });
});
