import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { toGlobalId } from '../graphql/global-id';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { groupId, headersFor, insertContact, insertOrganization, numericId, unique } from './fixtures/crm-test-helpers';

/** Group.contacts / organizations filters and page sizes, and the state counts. */

let handle: DatabaseHandle;
let headers: Record<string, string>;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await headersFor(handle.db, 'developer');
  acmeId = await groupId(handle.db, 'acme');
  // More than one maximum page of contacts.
  for (let index = 0; index < 60; index += 1) await insertContact(handle.db, { groupId: acmeId, firstName: 'Paging', lastName: unique('Filler') });
});

afterAll(async () => {
  await handle.close();
});

interface ListData {
  group: { list: { count: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } };
}

const contactsDocument = /* GraphQL */ `
  query($first: Int, $last: Int, $ids: [CustomerRelationsContactID!], $search: String, $state: CustomerRelationsContactState) {
    group(fullPath: "acme") { list: contacts(first: $first, last: $last, ids: $ids, search: $search, state: $state) { count nodes { id } pageInfo { hasNextPage } } }
  }
`;
const organizationsDocument = /* GraphQL */ `
  query($ids: [CustomerRelationsOrganizationID!], $search: String, $state: CustomerRelationsOrganizationState) {
    group(fullPath: "acme") { list: organizations(ids: $ids, search: $search, state: $state) { count nodes { id } pageInfo { hasNextPage } } }
  }
`;

async function list(document: string, variables: Record<string, unknown>) {
  const response = await postGraphQL<ListData>(document, variables, { headers });
  expect(response.errors).toBeUndefined();
  return response.data!.group.list;
}

describe('page size', () => {
  it('defaults to 100, as GitLab does, and says there is more', async () => {
    const page = await list(contactsDocument, {});
    expect(page.count).toBeGreaterThan(100);
    expect(page.nodes).toHaveLength(100);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it.each([['first', 101], ['first', 10_000], ['last', 500]])('clamps %s: %i to 100', async (argument, size) => {
    expect((await list(contactsDocument, { [argument]: size })).nodes).toHaveLength(100);
  });
});

describe('ids filter', () => {
  it('keeps only the given contacts of this group (ids of other groups find nothing)', async () => {
    const mine = await insertContact(handle.db, { groupId: acmeId });
    const theirs = await insertContact(handle.db, { groupId: await groupId(handle.db, 'globex') });
    const page = await list(contactsDocument, {
      ids: [toGlobalId('CustomerRelations::Contact', mine.id), toGlobalId('CustomerRelations::Contact', theirs.id), toGlobalId('CustomerRelations::Contact', 999_999)],
    });
    expect(page.nodes.map((node) => numericId(node.id))).toEqual([mine.id]);
    expect(page.count).toBe(1);
  });

  it('an empty list finds nothing', async () => {
    expect((await list(contactsDocument, { ids: [] })).count).toBe(0);
  });

  it('filters organizations by id too', async () => {
    const organization = await insertOrganization(handle.db, { groupId: acmeId });
    const page = await list(organizationsDocument, { ids: [toGlobalId('CustomerRelations::Organization', organization.id)] });
    expect(page.nodes.map((node) => numericId(node.id))).toEqual([organization.id]);
  });

  it('names the argument when an id is of the wrong type', async () => {
    const response = await postGraphQL(contactsDocument, { ids: ['gid://gitlab/CustomerRelations::Organization/1'] }, { headers });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.message).toMatch(/\$ids.*does not represent an instance of CustomerRelations::Contact/);
  });
});

describe('search', () => {
  it('matches organizations by name or description, case-insensitively', async () => {
    const expected = await handle.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.groupId, acmeId), or(ilike(organizations.name, '%CLINIC%'), ilike(organizations.description, '%CLINIC%'))));
    const page = await list(organizationsDocument, { search: 'CLINIC' });
    expect(page.nodes.map((node) => numericId(node.id)).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(page.count).toBeGreaterThan(0);
  });

  it('needs every term somewhere, keeps "quoted phrases" whole and takes % and _ literally', async () => {
    const tag = unique('zq');
    await insertContact(handle.db, { groupId: acmeId, firstName: 'Percy', lastName: '100%_Sure', description: `tag ${tag}` });
    expect((await list(contactsDocument, { search: `percy ${tag}` })).count).toBe(1);
    expect((await list(contactsDocument, { search: `percy nobody-${tag}` })).count).toBe(0);
    expect((await list(contactsDocument, { search: `"tag ${tag}"` })).count).toBe(1);
    expect((await list(contactsDocument, { search: `"${tag} tag"` })).count).toBe(0);
    // A phrase must sit inside one column: first and last name do not join into one.
    expect((await list(contactsDocument, { search: `"percy 100%" ${tag}` })).count).toBe(0);
    expect((await list(contactsDocument, { search: `"100%_sure" "tag ${tag}" percy` })).count).toBe(1);
    expect((await list(contactsDocument, { search: '100%_s' })).count).toBe(1);
    expect((await list(contactsDocument, { search: '1000_s' })).count).toBe(0);
  });

  it('answers a NUL byte in the search with no match or an error naming it, never a failure', async () => {
    const response = await postGraphQL<ListData>(contactsDocument, { search: 'a\u0000b' }, { headers });
    expect(response.status).toBeLessThan(500);
    if (response.errors) expect(response.errors[0]?.message).toMatch(/search/);
    else expect(response.data!.group.list.count).toBe(0);
  });
});

describe('state counts', () => {
  const countsDocument = /* GraphQL */ `
    query($search: String, $state: CustomerRelationsContactState) {
      group(fullPath: "acme") {
        contactStateCounts(search: $search, state: $state) { all active inactive }
        organizationStateCounts(search: $search) { all active inactive }
      }
    }
  `;
  type Counts = { all: number; active: number; inactive: number };
  type CountsData = { group: { contactStateCounts: Counts; organizationStateCounts: Counts } };

  async function databaseCounts(search?: string) {
    const match = search ? or(ilike(contacts.firstName, `%${search}%`), ilike(contacts.lastName, `%${search}%`), ilike(contacts.email, `%${search}%`), ilike(contacts.description, `%${search}%`)) : undefined;
    const [row] = await handle.db
      .select({
        all: sql<number>`count(*)::int`,
        active: sql<number>`(count(*) filter (where ${contacts.state} = 'active'))::int`,
      })
      .from(contacts)
      .where(and(eq(contacts.groupId, acmeId), match));
    return { all: row!.all, active: row!.active, inactive: row!.all - row!.active };
  }

  it('count every state of the group, matching the lists', async () => {
    const response = await postGraphQL<CountsData>(countsDocument, {}, { headers });
    expect(response.errors).toBeUndefined();
    const counts = response.data!.group.contactStateCounts;
    expect(counts).toEqual(await databaseCounts());
    expect((await list(contactsDocument, { state: 'inactive', first: 1 })).count).toBe(counts.inactive);
    expect((await list(contactsDocument, { state: 'active', first: 1 })).count).toBe(counts.active);
    const organizationCounts = response.data!.group.organizationStateCounts;
    expect(organizationCounts.all).toBe(organizationCounts.active + organizationCounts.inactive);
    expect((await list(organizationsDocument, { state: 'inactive' })).count).toBe(organizationCounts.inactive);
  });

  it('follow the search', async () => {
    const response = await postGraphQL<CountsData>(countsDocument, { search: 'harborview' }, { headers });
    expect(response.data!.group.contactStateCounts).toEqual(await databaseCounts('harborview'));
    expect(response.data!.group.contactStateCounts.inactive).toBeGreaterThan(0);
  });

  it('apply the state filter as GitLab does (the other state counts 0)', async () => {
    const response = await postGraphQL<CountsData>(countsDocument, { state: 'active' }, { headers });
    const { active } = await databaseCounts();
    expect(response.data!.group.contactStateCounts).toEqual({ all: active, active, inactive: 0 });
    const all = await postGraphQL<CountsData>(countsDocument, { state: 'all' }, { headers });
    expect(all.data!.group.contactStateCounts).toEqual(await databaseCounts());
  });

  it("are the CRM group's in a subgroup, as GitLab's finders resolve it", async () => {
    const root = await postGraphQL<CountsData>(countsDocument, {}, { headers });
    const response = await postGraphQL<{ group: Pick<CountsData['group'], 'contactStateCounts' | 'organizationStateCounts'> }>(
      `query { group(fullPath: "acme/support") { contactStateCounts { all active inactive } organizationStateCounts { all active inactive } } }`,
      {},
      { headers },
    );
    expect(response.data!.group).toEqual({
      contactStateCounts: root.data!.group.contactStateCounts,
      organizationStateCounts: root.data!.group.organizationStateCounts,
    });
  });
});
