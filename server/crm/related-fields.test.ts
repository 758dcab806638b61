import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { accessLevels, groupCrmSettings, groups, members, projects } from '../db/schema/groups';
import { issueContacts, issues } from '../db/schema/issues';
import { users } from '../db/schema/users';
import { toGlobalId } from '../graphql/global-id';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { groupId, headersFor, insertContact, insertOrganization, numericId, unique } from './fixtures/crm-test-helpers';

/**
 * Beyond GitLab: Organization.contacts / issues / contactCount / openIssueCount and Contact.issues.
 * Issues come only from projects the viewer can read; the number of SQL statements does not grow
 * with the number of organizations or contacts listed.
 */

let handle: DatabaseHandle;
let acmeId: number;
let northwindId: number;
/** An issue in another root group (initech) whose CRM source is acme, linked to a Northwind contact. */
let initechIssueId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  const db = handle.db;
  acmeId = await groupId(db, 'acme');
  const [northwind] = await db.select().from(organizations).where(and(eq(organizations.groupId, acmeId), eq(organizations.name, 'Northwind Traders')));
  northwindId = northwind!.id;

  // initech uses acme's contacts; acme's members have no access to it.
  const [initech] = await db.insert(groups).values({ path: 'initech', name: 'Initech', fullPath: 'initech' }).returning();
  await db.insert(groupCrmSettings).values({ groupId: initech!.id, enabled: true, sourceGroupId: acmeId });
  const [app] = await db.insert(projects).values({ groupId: initech!.id, path: 'app', name: 'App', fullPath: 'initech/app', lastIssueIid: 1 }).returning();
  const [author] = await db.select().from(users).where(eq(users.username, 'admin'));
  const [issue] = await db.insert(issues).values({ projectId: app!.id, iid: 1, title: 'Initech issue about Northwind', authorId: author!.id }).returning();
  initechIssueId = issue!.id;
  const [alice] = await db.select().from(contacts).where(and(eq(contacts.groupId, acmeId), eq(contacts.email, 'alice.johnson@northwind.example')));
  await db.insert(issueContacts).values({ issueId: initechIssueId, contactId: alice!.id });
  const [planner] = await db
    .insert(users)
    .values({ username: 'initech-planner', name: 'Initech Planner', email: 'initech-planner@example.com', passwordHash: author!.passwordHash })
    .returning();
  await db.insert(members).values({ userId: planner!.id, groupId: initech!.id, accessLevel: accessLevels.planner });

  // Enough organizations (each with a contact and an open issue) for a 50-row page.
  const [website] = await db.select().from(projects).where(eq(projects.fullPath, 'acme/website'));
  for (let index = 0; index < 45; index += 1) {
    const organization = await insertOrganization(db, { groupId: acmeId, name: unique(`Bulk Org ${index}`) });
    const contact = await insertContact(db, { groupId: acmeId, organizationId: organization.id });
    const [bulkIssue] = await db
      .insert(issues)
      .values({ projectId: website!.id, iid: 1000 + index, title: `Bulk issue ${index}`, authorId: author!.id })
      .returning();
    await db.insert(issueContacts).values({ issueId: bulkIssue!.id, contactId: contact.id });
  }
});

afterAll(async () => {
  await handle.close();
});

/** Distinct issues linked to an organization's contacts, newest first, straight from SQL. */
async function linkedIssueIds(organizationId: number, state?: 'opened' | 'closed'): Promise<number[]> {
  const rows = await handle.db
    .selectDistinct({ id: issues.id, createdAt: issues.createdAt })
    .from(issues)
    .innerJoin(issueContacts, eq(issueContacts.issueId, issues.id))
    .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
    .where(and(eq(contacts.organizationId, organizationId), state ? eq(issues.state, state) : undefined))
    .orderBy(desc(issues.createdAt), desc(issues.id));
  return rows.map((row) => row.id);
}

const organizationDocument = /* GraphQL */ `
  query($ids: [CustomerRelationsOrganizationID!], $state: IssuableState, $first: Int, $after: String) {
    group(fullPath: "acme") {
      organizations(ids: $ids) {
        nodes {
          name
          contactCount
          openIssueCount
          contacts(sort: FIRST_NAME_ASC) { count nodes { firstName email } }
          issues(state: $state, first: $first, after: $after) {
            count
            nodes { id title state }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
    }
  }
`;
interface OrganizationData {
  group: {
    organizations: {
      nodes: {
        name: string;
        contactCount: number;
        openIssueCount: number;
        contacts: { count: number; nodes: { firstName: string; email: string }[] };
        issues: { count: number; nodes: { id: string; title: string; state: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }[];
    };
  };
}

async function northwindAs(username: string, variables: Record<string, unknown> = {}) {
  const headers = username === 'admin' || username === 'developer' ? await headersFor(handle.db, username) : await tokenHeaders(handle.db, username);
  const response = await postGraphQL<OrganizationData>(
    organizationDocument,
    { ids: [toGlobalId('CustomerRelations::Organization', northwindId)], ...variables },
    { headers },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.group.organizations.nodes[0]!;
}

describe('CustomerRelationsOrganization.contacts and contactCount', () => {
  it("lists the organization's contacts, active and inactive, in the requested order", async () => {
    const northwind = await northwindAs('developer');
    const expected = await handle.db
      .select({ firstName: contacts.firstName, email: contacts.email })
      .from(contacts)
      .where(eq(contacts.organizationId, northwindId))
      .orderBy(sql`${contacts.firstName} asc nulls last`, contacts.id);
    expect(northwind.contacts.nodes).toEqual(expected);
    expect(northwind.contacts.count).toBe(expected.length);
    expect(northwind.contactCount).toBe(expected.length);
  });

  it('filters by state and search like Group.contacts, and pages', async () => {
    const organization = await insertOrganization(handle.db, { groupId: acmeId });
    for (const [firstName, state] of [['Ann', 'active'], ['Ben', 'inactive'], ['Cat', 'active'], ['Dan', 'active']] as const) {
      await insertContact(handle.db, { groupId: acmeId, organizationId: organization.id, firstName, state });
    }
    const document = /* GraphQL */ `
      query($ids: [CustomerRelationsOrganizationID!], $after: String) {
        group(fullPath: "acme") { organizations(ids: $ids) { nodes {
          active: contacts(state: active, sort: FIRST_NAME_DESC, first: 2, after: $after) { count nodes { firstName } pageInfo { hasNextPage endCursor } }
          search: contacts(search: "ben") { count nodes { firstName } }
        } } }
      }
    `;
    type Data = { group: { organizations: { nodes: { active: { count: number; nodes: { firstName: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }; search: { count: number; nodes: { firstName: string }[] } }[] } } };
    const ids = [toGlobalId('CustomerRelations::Organization', organization.id)];
    const headers = await headersFor(handle.db, 'developer');
    const first = (await postGraphQL<Data>(document, { ids }, { headers })).data!.group.organizations.nodes[0]!;
    expect(first.active).toMatchObject({ count: 3, nodes: [{ firstName: 'Dan' }, { firstName: 'Cat' }], pageInfo: { hasNextPage: true } });
    expect(first.search).toEqual({ count: 1, nodes: [{ firstName: 'Ben' }] });
    const second = (await postGraphQL<Data>(document, { ids, after: first.active.pageInfo.endCursor }, { headers })).data!.group.organizations.nodes[0]!;
    expect(second.active).toMatchObject({ nodes: [{ firstName: 'Ann' }], pageInfo: { hasNextPage: false } });
  });
});

describe('CustomerRelationsOrganization.issues and openIssueCount', () => {
  it('lists each linked issue once (two contacts on one issue), newest first, only from projects the viewer can read', async () => {
    const northwind = await northwindAs('developer');
    const visible = (await linkedIssueIds(northwindId)).filter((id) => id !== initechIssueId);
    expect(visible.length).toBeGreaterThan(1);
    expect(northwind.issues.nodes.map((node) => numericId(node.id))).toEqual(visible);
    expect(northwind.issues.count).toBe(visible.length);
    const open = (await linkedIssueIds(northwindId, 'opened')).filter((id) => id !== initechIssueId);
    expect(northwind.openIssueCount).toBe(open.length);
  });

  it("includes the other root group's issue for an admin, who can read that project", async () => {
    const northwind = await northwindAs('admin');
    expect(northwind.issues.nodes.map((node) => numericId(node.id))).toEqual(await linkedIssueIds(northwindId));
    expect(northwind.openIssueCount).toBe((await linkedIssueIds(northwindId, 'opened')).length);
  });

  it('filters by state and pages with cursors', async () => {
    const closed = await northwindAs('admin', { state: 'closed' });
    expect(closed.issues.nodes.map((node) => numericId(node.id))).toEqual(await linkedIssueIds(northwindId, 'closed'));
    expect(closed.issues.nodes.every((node) => node.state === 'closed')).toBe(true);

    const all = await linkedIssueIds(northwindId);
    const first = await northwindAs('admin', { first: 1 });
    expect(first.issues.pageInfo.hasNextPage).toBe(true);
    const second = await northwindAs('admin', { first: 1, after: first.issues.pageInfo.endCursor });
    expect([...first.issues.nodes, ...second.issues.nodes].map((node) => numericId(node.id))).toEqual(all.slice(0, 2));
  });
});

describe('CustomerRelationsContact.issues', () => {
  it("lists the contact's issues the viewer can read, with a count", async () => {
    const document = /* GraphQL */ `
      query { group(fullPath: "acme") { contacts(search: "alice.johnson@northwind.example") {
        nodes { issues { count nodes { id } } }
      } } }
    `;
    type Data = { group: { contacts: { nodes: { issues: { count: number; nodes: { id: string }[] } }[] } } };
    const [alice] = await handle.db.select().from(contacts).where(and(eq(contacts.groupId, acmeId), eq(contacts.email, 'alice.johnson@northwind.example')));
    const linked = await handle.db
      .select({ id: issues.id })
      .from(issues)
      .innerJoin(issueContacts, eq(issueContacts.issueId, issues.id))
      .where(eq(issueContacts.contactId, alice!.id))
      .orderBy(desc(issues.createdAt), desc(issues.id));
    const linkedIds = linked.map((row) => row.id);
    expect(linkedIds).toContain(initechIssueId);

    for (const [caller, expected] of [
      ['developer', linkedIds.filter((id) => id !== initechIssueId)],
      ['admin', linkedIds],
    ] as const) {
      const response = await postGraphQL<Data>(document, {}, { headers: await headersFor(handle.db, caller) });
      const [node] = response.data!.group.contacts.nodes;
      expect(node!.issues.nodes.map((issue) => numericId(issue.id))).toEqual(expected);
      expect(node!.issues.count).toBe(expected.length);
    }
  });

  it("shows none of acme's contacts on an issue to someone who cannot read acme's CRM, though acme is the issue's CRM group", async () => {
    const document = /* GraphQL */ `
      query { project(fullPath: "initech/app") { issue(iid: "1") {
        customerRelationsContacts { count nodes { email issues { count } organization { contactCount } } }
      } } }
    `;
    const response = await postGraphQL(document, {}, { headers: await tokenHeaders(handle.db, 'initech-planner') });
    expect(response).toEqual({ status: 200, data: { project: { issue: { customerRelationsContacts: { count: 0, nodes: [] } } } } });
  });
});

describe('SQL statements', () => {
  const organizationsDocument = /* GraphQL */ `
    query($first: Int) {
      group(fullPath: "acme") {
        organizations(first: $first) {
          nodes {
            contactCount
            openIssueCount
            contacts(first: 5) { count nodes { id email organization { name } } }
            issues(first: 5) { count nodes { id title } }
          }
        }
      }
    }
  `;
  const contactsDocument = /* GraphQL */ `
    query($first: Int) {
      group(fullPath: "acme") {
        contacts(first: $first) { nodes { id organization { name contactCount } issues(first: 3) { count nodes { id } } } }
      }
    }
  `;

  async function statementsFor(document: string, first: number, list: 'organizations' | 'contacts'): Promise<number> {
    const headers = await headersFor(handle.db, 'developer');
    const { result, statements } = await countWarmStatements(() => postGraphQL<{ group: Record<string, { nodes: unknown[] }> }>(document, { first }, { headers }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.group[list]!.nodes).toHaveLength(first);
    return statements.length;
  }

  it('are the same for a page of 2 and of 50 organizations with their contacts, issues and counts', async () => {
    // The page, contact counts, open issue counts, the contact pages, the issue pages, the contacts'
    // organizations and the issue counts (the group's access facts are cached; the listed issues are
    // complete rows, so their fields are not loaded again).
    expect(await statementsFor(organizationsDocument, 2, 'organizations')).toBe(7);
    expect(await statementsFor(organizationsDocument, 50, 'organizations')).toBe(7);
  });

  it('are the same for a page of 2 and of 50 contacts with their issues and organizations', async () => {
    // The page with organizations joined in, their contact counts, the issue pages and their counts
    // (the group's access facts are cached).
    expect(await statementsFor(contactsDocument, 2, 'contacts')).toBe(4);
    expect(await statementsFor(contactsDocument, 50, 'contacts')).toBe(4);
  });

  it('the nested pages really are per organization (each bulk organization has its own contact and issue)', async () => {
    const response = await postGraphQL<{ group: { organizations: { nodes: { contactCount: number; openIssueCount: number; contacts: { nodes: unknown[] }; issues: { nodes: unknown[] } }[] } } }>(
      `query { group(fullPath: "acme") { organizations(search: "Bulk Org", first: 50) { nodes { contactCount openIssueCount contacts { nodes { id } } issues { nodes { id } } } } } }`,
      {},
      { headers: await headersFor(handle.db, 'developer') },
    );
    const nodes = response.data!.group.organizations.nodes;
    expect(nodes).toHaveLength(45);
    for (const node of nodes) expect(node).toMatchObject({ contactCount: 1, openIssueCount: 1, contacts: { nodes: [expect.anything()] }, issues: { nodes: [expect.anything()] } });
    const ids = await handle.db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.groupId, [acmeId]));
    expect(ids.length).toBeGreaterThan(50);
  });
});
