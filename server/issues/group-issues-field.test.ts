import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { groups, projects } from '../db/schema/groups';
import { issueContacts, issues } from '../db/schema/issues';
import { postGraphQL, queryAs, tokenHeaders, userId } from '../testing/graphql-client';
import { addSubgroupDeveloper, subgroupDeveloperUsername } from '../testing/roles';
import { accessCache } from '../auth/access-cache';
import { countStatements } from '../db/client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { activeContactIds, contactIdsByEmail, setGroupCrmEnabled } from './issue-test-helpers';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  await addSubgroupDeveloper(handle.db);
  // A root group whose path starts like `acme`: its issues are never under `acme`.
  const authorId = await userId(handle.db, 'admin');
  const [lookalike] = await handle.db.insert(groups).values({ path: 'acmex', name: 'Acmex', fullPath: 'acmex' }).returning();
  const [project] = await handle.db
    .insert(projects)
    .values({ groupId: lookalike!.id, path: 'shop', name: 'Shop', fullPath: 'acmex/shop', lastIssueIid: 1 })
    .returning();
  await handle.db.insert(issues).values({ projectId: project!.id, iid: 1, title: 'Lookalike issue', authorId });
});

afterAll(async () => {
  await handle.close();
});

interface GroupIssuesData {
  group: {
    issues: { count: number; nodes: { reference: string; state: string; title: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
  } | null;
}

const groupIssuesQuery = /* GraphQL */ `
  query (
    $fullPath: ID!, $includeSubgroups: Boolean, $state: IssuableState, $search: String,
    $crmContactId: String, $crmOrganizationId: String, $sort: IssueSort, $first: Int, $after: String
  ) {
    group(fullPath: $fullPath) {
      issues(
        includeSubgroups: $includeSubgroups, state: $state, search: $search, crmContactId: $crmContactId,
        crmOrganizationId: $crmOrganizationId, sort: $sort, first: $first, after: $after
      ) {
        count
        nodes { reference(full: true) state title }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

function groupIssues(username: string, variables: Record<string, unknown>) {
  return queryAs<GroupIssuesData>(handle.db, username, groupIssuesQuery, { fullPath: 'acme', ...variables });
}

const projectOf = (reference: string) => reference.slice(0, reference.indexOf('#'));

async function dbIssueCount(projectPaths: string[], state?: 'opened' | 'closed'): Promise<number> {
  let total = 0;
  for (const path of projectPaths) {
    const [project] = await handle.db.select({ id: projects.id }).from(projects).where(eq(projects.fullPath, path));
    const rows = await handle.db.select({ state: issues.state }).from(issues).where(eq(issues.projectId, project!.id));
    total += rows.filter((row) => !state || row.state === state).length;
  }
  return total;
}

async function numericContactId(email: string): Promise<string> {
  const id = (await contactIdsByEmail(handle.db, 'acme')).get(email);
  if (id === undefined) throw new Error(`No contact ${email}`);
  return String(id);
}

describe('Group.issues', () => {
  it("lists the issues of the group's own projects only, unless includeSubgroups (default false, as GitLab)", async () => {
    const own = await groupIssues('reporter', { state: 'all' });
    expect(own.errors).toBeUndefined();
    expect(new Set(own.data?.group?.issues?.nodes.map((node) => projectOf(node.reference)))).toEqual(new Set(['acme/website']));
    expect(own.data?.group?.issues?.count).toBe(await dbIssueCount(['acme/website']));

    const all = await groupIssues('reporter', { state: 'all', includeSubgroups: true });
    expect(new Set(all.data?.group?.issues?.nodes.map((node) => projectOf(node.reference)))).toEqual(new Set(['acme/website', 'acme/support/helpdesk']));
    expect(all.data?.group?.issues?.count).toBe(await dbIssueCount(['acme/website', 'acme/support/helpdesk']));
  });

  it('lists only what the viewer may read: null for a group they cannot see, a subgroup for its own members', async () => {
    expect((await groupIssues('outsider', {})).data?.group).toBeNull();
    expect((await groupIssues(subgroupDeveloperUsername, { includeSubgroups: true })).data?.group).toBeNull();
    const support = await queryAs<GroupIssuesData>(handle.db, subgroupDeveloperUsername, groupIssuesQuery, { fullPath: 'acme/support', state: 'all' });
    const references = support.data?.group?.issues?.nodes.map((node) => node.reference) ?? [];
    expect(references.length).toBe(await dbIssueCount(['acme/support/helpdesk']));
    expect(references.every((reference) => reference.startsWith('acme/support/helpdesk#'))).toBe(true);
    // An admin sees every project under the group, and nothing of a group whose path only starts the same.
    const admin = await groupIssues('admin', { state: 'all', includeSubgroups: true });
    expect(admin.data?.group?.issues?.nodes.some((node) => node.reference.startsWith('acmex/'))).toBe(false);
  });

  it('filters by state and search, and counts the filtered list', async () => {
    const opened = await groupIssues('guest', { includeSubgroups: true, state: 'opened' });
    expect(opened.data?.group?.issues?.nodes.every((node) => node.state === 'opened')).toBe(true);
    expect(opened.data?.group?.issues?.count).toBe(await dbIssueCount(['acme/website', 'acme/support/helpdesk'], 'opened'));
    const closed = await groupIssues('guest', { includeSubgroups: true, state: 'closed' });
    expect(closed.data?.group?.issues?.count).toBe(await dbIssueCount(['acme/website', 'acme/support/helpdesk'], 'closed'));

    const title = opened.data?.group?.issues?.nodes[0]?.title ?? '';
    const word = title.split(/\s+/).find((part) => part.length > 3) ?? title;
    const found = await groupIssues('guest', { includeSubgroups: true, state: 'all', search: word.toUpperCase() });
    expect(found.data?.group?.issues?.nodes.map((node) => node.title)).toContain(title);
    expect(found.data?.group?.issues?.nodes.length).toBe(found.data?.group?.issues?.count);
  });

  it('filters by contact and by organization across projects, for people who may see issue contacts', async () => {
    const [contactId] = await activeContactIds(handle.db, 'acme');
    const [contact] = await handle.db.select().from(issueContacts).where(eq(issueContacts.contactId, contactId!));
    expect(contact).toBeDefined();
    const byContact = await groupIssues('reporter', { includeSubgroups: true, state: 'all', crmContactId: String(contactId) });
    const linked = await handle.db.select().from(issueContacts).where(eq(issueContacts.contactId, contactId!));
    expect(byContact.data?.group?.issues?.count).toBe(linked.length);

    const alice = await numericContactId('alice.johnson@northwind.example');
    const organizations = await queryAs<{ group: { contacts: { nodes: { organization: { id: string } | null }[] } } }>(
      handle.db,
      'reporter',
      '{ group(fullPath: "acme") { contacts(search: "alice.johnson@northwind.example") { nodes { organization { id } } } } }',
    );
    const organizationGid = organizations.data?.group.contacts.nodes[0]?.organization?.id ?? '';
    const organizationId = organizationGid.slice(organizationGid.lastIndexOf('/') + 1);
    const byOrganization = await groupIssues('reporter', { includeSubgroups: true, state: 'all', crmOrganizationId: organizationId });
    const byAlice = await groupIssues('reporter', { includeSubgroups: true, state: 'all', crmContactId: alice });
    expect(byOrganization.data?.group?.issues?.count).toBeGreaterThanOrEqual(byAlice.data?.group?.issues?.count ?? Infinity);
    expect(byAlice.data?.group?.issues?.count).toBeGreaterThan(0);

    // A Guest may not see issue contacts: as in GitLab the filter is ignored, so it cannot tell which issues a contact is on.
    const guest = await groupIssues('guest', { includeSubgroups: true, state: 'all', crmContactId: alice });
    const guestUnfiltered = await groupIssues('guest', { includeSubgroups: true, state: 'all' });
    expect(guest.errors).toBeUndefined();
    expect(guest.data?.group?.issues?.count).toBe(guestUnfiltered.data?.group?.issues?.count);
    expect(guest.data?.group?.issues?.count).toBeGreaterThan(byAlice.data?.group?.issues?.count ?? Infinity);
    // A malformed id finds nothing.
    expect((await groupIssues('reporter', { crmOrganizationId: 'x1' })).data?.group?.issues?.count).toBe(0);
  });

  it('ignores the CRM filters, without an error, where customer relations are disabled (as GitLab does)', async () => {
    const alice = await numericContactId('alice.johnson@northwind.example');
    const enabled = await groupIssues('reporter', { includeSubgroups: true, state: 'all', crmContactId: alice });
    await setGroupCrmEnabled(handle.db, 'acme', false);
    try {
      const response = await groupIssues('reporter', { includeSubgroups: true, state: 'all', crmContactId: alice });
      expect(response.errors).toBeUndefined();
      const unfiltered = await groupIssues('reporter', { includeSubgroups: true, state: 'all' });
      expect(response.data?.group?.issues?.count).toBe(unfiltered.data?.group?.issues?.count);
      expect(unfiltered.data?.group?.issues?.count).toBeGreaterThan(enabled.data?.group?.issues?.count ?? Infinity);
    } finally {
      await setGroupCrmEnabled(handle.db, 'acme', true);
    }
  });

  it('pages with cursors across projects in the chosen order', async () => {
    const everything = await groupIssues('guest', { includeSubgroups: true, state: 'all', sort: 'TITLE_ASC', first: 100 });
    const titles = everything.data?.group?.issues?.nodes.map((node) => node.reference) ?? [];
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const response: Awaited<ReturnType<typeof groupIssues>> = await groupIssues('guest', {
        includeSubgroups: true,
        state: 'all',
        sort: 'TITLE_ASC',
        first: 2,
        after,
      });
      const issuesPage = response.data?.group?.issues;
      paged.push(...(issuesPage?.nodes.map((node) => node.reference) ?? []));
      if (!issuesPage?.pageInfo.hasNextPage) break;
      after = issuesPage.pageInfo.endCursor;
    }
    expect(paged).toEqual(titles);
    expect(titles.length).toBeGreaterThan(2);
  });
});

describe('SQL statements for Group.issues', () => {
  const listQuery = /* GraphQL */ `
    query ($first: Int) {
      group(fullPath: "acme") {
        issues(includeSubgroups: true, state: all, first: $first) {
          count
          nodes { reference(full: true) webUrl author { username } customerRelationsContacts { nodes { id organization { name } } } }
        }
      }
    }
  `;
  type ListData = { group: { issues: { count: number; nodes: unknown[] } } };

  /** With no access facts cached: the projects' facts are looked up, in one statement for all of them. */
  async function coldStatements(): Promise<string[]> {
    const headers = await tokenHeaders(handle.db, 'developer');
    accessCache().clear();
    const { result, statements } = await countStatements(() => postGraphQL<ListData>(listQuery, { first: 100 }, { headers }));
    expect(result.errors).toBeUndefined();
    return statements;
  }

  async function statementsFor(first: number, expectedNodes?: number) {
    const headers = await tokenHeaders(handle.db, 'developer');
    const { result, statements } = await countWarmStatements(() => postGraphQL<ListData>(listQuery, { first }, { headers }));
    expect(result.errors).toBeUndefined();
    if (expectedNodes !== undefined) expect(result.data?.group.issues.nodes).toHaveLength(expectedNodes);
    return { statements, count: result.data?.group.issues.count ?? 0 };
  }

  // The issues with their authors; their count; their contacts with organizations. Projects' access
  // facts are cached across requests, and looked up for all the page's projects at once when they are not.
  it('are the same for 1 and for many issues, and for 2 and for 5 projects, warm or cold', async () => {
    const one = await statementsFor(1, 1);
    const before = await statementsFor(100);
    expect(one.statements).toHaveLength(3);
    expect(before.statements).toHaveLength(3);
    const coldBefore = await coldStatements();

    const [acme] = await handle.db.select().from(groups).where(eq(groups.fullPath, 'acme'));
    const authorId = await userId(handle.db, 'reporter');
    const contactIds = await activeContactIds(handle.db, 'acme');
    for (const path of ['extra-one', 'extra-two', 'extra-three']) {
      const [project] = await handle.db
        .insert(projects)
        .values({ groupId: acme!.id, path, name: path, fullPath: `acme/${path}`, lastIssueIid: 2 })
        .returning();
      const rows = await handle.db
        .insert(issues)
        .values([1, 2].map((iid) => ({ projectId: project!.id, iid, title: `${path} ${iid}`, authorId })))
        .returning({ id: issues.id });
      await handle.db.insert(issueContacts).values(rows.map((row, index) => ({ issueId: row.id, contactId: contactIds[index]! })));
    }
    const after = await statementsFor(100);
    expect(after.count).toBe(before.count + 6);
    expect(after.statements).toHaveLength(3);
    expect(await coldStatements()).toHaveLength(coldBefore.length);
  });
});
