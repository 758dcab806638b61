import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { contacts } from '../db/schema/crm';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

interface ContactNode {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  active: boolean;
  organization: { id: string; name: string } | null;
}

interface ContactsData {
  group: {
    id: string;
    contacts: {
      count: number;
      nodes: ContactNode[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
  } | null;
}

const contactsQuery = /* GraphQL */ `
  query contacts($fullPath: ID!, $first: Int, $after: String, $last: Int, $before: String, $search: String, $state: CustomerRelationsContactState) {
    group(fullPath: $fullPath) {
      id
      contacts(first: $first, after: $after, last: $last, before: $before, search: $search, state: $state) {
        count
        nodes { id firstName lastName email active organization { id name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

async function listAs(username: string | null, variables: Record<string, unknown>) {
  const headers = username ? await tokenHeaders(handle.db, username) : {};
  return postGraphQL<ContactsData>(contactsQuery, { fullPath: 'acme', ...variables }, { headers });
}

function byLastNameThenId(a: ContactNode, b: ContactNode): number {
  const idOf = (node: ContactNode) => Number(node.id.split('/').pop());
  if (a.lastName !== b.lastName) return a.lastName < b.lastName ? -1 : 1;
  return idOf(a) - idOf(b);
}

describe('Group.contacts', () => {
  it("lists the group's contacts with GitLab global IDs, sorted by last name", async () => {
    const response = await listAs('developer', {});
    expect(response.errors).toBeUndefined();
    const list = response.data?.group?.contacts;
    expect(response.data?.group?.id).toMatch(/^gid:\/\/gitlab\/Group\/\d+$/);
    expect(list?.count).toBe(await acmeContactCount());
    expect(list?.nodes).toHaveLength(list?.count ?? -1);
    expect(list?.nodes[0]?.id).toMatch(/^gid:\/\/gitlab\/CustomerRelations::Contact\/\d+$/);
    expect(list?.nodes.some((node) => node.organization?.id.startsWith('gid://gitlab/CustomerRelations::Organization/'))).toBe(true);
    const lastNames = list?.nodes.map((node) => node.lastName) ?? [];
    expect([...(list?.nodes ?? [])].sort(byLastNameThenId).map((node) => node.lastName)).toEqual(lastNames);
  });

  it('pages forward and backward with keyset cursors that survive inserts between pages', async () => {
    const first = await listAs('developer', { first: 20 });
    const page1 = first.data!.group!.contacts;
    expect(page1.nodes).toHaveLength(20);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // A row that sorts before the cursor must not shift the next page.
    const [inserted] = await handle.db
      .insert(contacts)
      .values({ groupId: await numericAcmeGroupId(), firstName: 'Aaron', lastName: 'Aaberg', email: 'aaron.aaberg@example.com' })
      .returning();
    try {
      const page2 = (await listAs('developer', { first: 20, after: page1.pageInfo.endCursor })).data!.group!.contacts;
      expect(page2.nodes).toHaveLength(20);
      expect(page2.pageInfo.hasPreviousPage).toBe(true);
      const seen = new Set(page1.nodes.map((node) => node.id));
      expect(page2.nodes.filter((node) => seen.has(node.id))).toEqual([]);
      expect(byLastNameThenId(page1.nodes.at(-1)!, page2.nodes[0]!)).toBeLessThan(0);

      const back = (await listAs('developer', { last: 20, before: page2.pageInfo.startCursor })).data!.group!.contacts;
      expect(back.nodes.map((node) => node.id)).toEqual(page1.nodes.map((node) => node.id));
      expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    } finally {
      await handle.db.delete(contacts).where(eq(contacts.id, inserted!.id));
    }
  });

  it('treats an empty cursor as none and refuses a forged one', async () => {
    const empty = await listAs('developer', { first: 3, before: '' });
    expect(empty.data?.group?.contacts.nodes).toHaveLength(3);
    const forged = await listAs('developer', { first: 3, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.message).toMatch(/valid cursor for 'after'/);
  });

  it('clamps the page size to 100 and refuses a negative one', async () => {
    const negative = await listAs('developer', { first: -1 });
    expect(negative.errors?.[0]?.message).toMatch(/'first' must be a non-negative integer/);
    expect(negative.status).toBe(200);
  });

  it('filters by state', async () => {
    const inactive = await listAs('developer', { state: 'inactive' });
    const active = await listAs('developer', { state: 'active' });
    const all = await listAs('developer', { state: 'all' });
    const inactiveCount = inactive.data?.group?.contacts.count ?? 0;
    expect(inactiveCount).toBeGreaterThan(0);
    expect(inactive.data?.group?.contacts.nodes.every((node) => !node.active)).toBe(true);
    expect((active.data?.group?.contacts.count ?? 0) + inactiveCount).toBe(all.data?.group?.contacts.count);
  });

  it('searches case-insensitively, every term in some column, with LIKE wildcards taken literally', async () => {
    const both = await listAs('developer', { search: 'alice JOHNSON' });
    expect(both.data?.group?.contacts.nodes.map((node) => `${node.firstName} ${node.lastName}`)).toEqual(['Alice Johnson']);
    const wildcard = await listAs('developer', { search: '%' });
    expect(wildcard.data?.group?.contacts.count).toBe(0);
    const underscore = await listAs('developer', { search: '_' });
    expect(underscore.data?.group?.contacts.count).toBe(0);
  });
});

describe('Group.contacts permissions', () => {
  const readers = ['planner', 'reporter', 'developer', 'maintainer', 'owner', 'admin'];
  it.each(readers)('%s can read contacts', async (username) => {
    const response = await listAs(username, { first: 1 });
    expect(response.data?.group?.contacts.count).toBe(await acmeContactCount());
  });

  it('a guest sees the group but an empty contact list', async () => {
    const response = await listAs('guest', {});
    expect(response.errors).toBeUndefined();
    expect(response.data?.group?.id).toBeTruthy();
    expect(response.data?.group?.contacts).toMatchObject({ count: 0, nodes: [] });
  });

  it.each([['outsider'], [null]])('%s does not see the group at all', async (username) => {
    const response = await listAs(username, {});
    expect(response.errors).toBeUndefined();
    expect(response.data?.group).toBeNull();
  });

  it("a subgroup answers with its CRM group's contacts, as GitLab's finders do", async () => {
    const headers = await tokenHeaders(handle.db, 'developer');
    const root = await postGraphQL<ContactsData>(contactsQuery, { fullPath: 'acme' }, { headers });
    const response = await postGraphQL<ContactsData>(contactsQuery, { fullPath: 'acme/support' }, { headers });
    expect(response.data?.group?.contacts.count).toBeGreaterThan(0);
    expect(response.data?.group?.contacts).toEqual(root.data?.group?.contacts);
  });
});

describe('authentication', () => {
  it('answers a bad token with 401 JSON', async () => {
    const response = await postGraphQL(contactsQuery, { fullPath: 'acme' }, { headers: { authorization: 'Bearer glpat-nope' } });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toBe('Invalid token');
  });

  it('accepts the PRIVATE-TOKEN header', async () => {
    const { authorization } = await tokenHeaders(handle.db, 'reporter');
    const response = await postGraphQL<ContactsData>(contactsQuery, { fullPath: 'acme', first: 1 }, { headers: { 'private-token': authorization.replace('Bearer ', '') } });
    expect(response.data?.group?.contacts.count).toBe(await acmeContactCount());
  });
});

const createMutation = /* GraphQL */ `
  mutation create($input: CustomerRelationsContactCreateInput!) {
    customerRelationsContactCreate(input: $input) {
      clientMutationId
      contact { id firstName lastName email phone description active organization { name } }
      errors
    }
  }
`;

interface CreateData {
  customerRelationsContactCreate: {
    clientMutationId: string | null;
    contact: { id: string; firstName: string; lastName: string; email: string; phone: string | null; organization: { name: string } | null } | null;
    errors: string[];
  } | null;
}

async function numericAcmeGroupId(): Promise<number> {
  return Number((await acmeGroupId()).split('/').pop());
}

async function acmeGroupId(): Promise<string> {
  const response = await listAs('developer', { first: 1 });
  return response.data!.group!.id;
}

async function createAs(username: string, input: Record<string, unknown>, scopes: ('api' | 'read_api')[] = ['api']) {
  return postGraphQL<CreateData>(createMutation, { input }, { headers: await tokenHeaders(handle.db, username, scopes) });
}

async function acmeContactCount(): Promise<number> {
  return Number(await handle.db.$count(contacts, eq(contacts.groupId, await numericAcmeGroupId())));
}

async function contactCount(): Promise<number> {
  return Number(await handle.db.$count(contacts));
}

describe('customerRelationsContactCreate', () => {
  it('creates a contact, trims names, and records an audit event', async () => {
    const response = await createAs('developer', {
      groupId: await acmeGroupId(),
      firstName: '  Grace ',
      lastName: 'Hopper ',
      email: 'grace.hopper@example.com',
      phone: ' +1 555 0100 ',
      clientMutationId: 'abc',
    });
    const payload = response.data?.customerRelationsContactCreate;
    expect(payload?.errors).toEqual([]);
    expect(payload?.clientMutationId).toBe('abc');
    expect(payload?.contact).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@example.com', phone: '+1 555 0100' });
    const id = Number(payload?.contact?.id.split('/').pop());
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(events.map((event) => event.action)).toContain('contact_created');
  });

  it('returns field messages and writes nothing for invalid input', async () => {
    const before = await contactCount();
    const response = await createAs('developer', {
      groupId: await acmeGroupId(),
      firstName: '   ',
      lastName: 'x'.repeat(256),
      email: 'not-an-email',
      phone: '1'.repeat(33),
      description: 'd'.repeat(1025),
    });
    expect(response.data?.customerRelationsContactCreate?.contact).toBeNull();
    expect(response.data?.customerRelationsContactCreate?.errors).toEqual([
      "First name can't be blank",
      'Last name is too long (maximum is 255 characters)',
      'Email is invalid',
      'Phone is too long (maximum is 32 characters)',
      'Description is too long (maximum is 1024 characters)',
    ]);
    expect(await contactCount()).toBe(before);
  });

  it('refuses a duplicate email, compared case-insensitively', async () => {
    const response = await createAs('developer', {
      groupId: await acmeGroupId(),
      firstName: 'Alice',
      lastName: 'Again',
      email: 'ALICE.JOHNSON@northwind.example',
    });
    expect(response.data?.customerRelationsContactCreate?.errors).toEqual(['Email has already been taken']);
  });

  it('refuses an organization of another group', async () => {
    const globex = await postGraphQL<{ group: { organizations: { nodes: { id: string }[] } } }>(
      'query { group(fullPath: "globex") { organizations(first: 1) { nodes { id } } } }',
      {},
      { headers: await tokenHeaders(handle.db, 'admin') },
    );
    const organizationId = globex.data?.group.organizations.nodes[0]?.id;
    expect(organizationId).toBeTruthy();
    const response = await createAs('developer', {
      groupId: await acmeGroupId(),
      organizationId,
      firstName: 'Wrong',
      lastName: 'Org',
      email: 'wrong.org@example.com',
    });
    expect(response.data?.customerRelationsContactCreate?.errors).toEqual([
      'The specified organization was not found or does not belong to this group',
    ]);
  });

  it.each(['reporter', 'guest', 'outsider'])('%s may not create contacts', async (username) => {
    const before = await contactCount();
    const response = await createAs(username, { groupId: await acmeGroupId(), firstName: 'No', lastName: 'Way', email: `no.way.${username}@example.com` });
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    expect(response.data?.customerRelationsContactCreate).toBeNull();
    expect(await contactCount()).toBe(before);
  });

  it('a read_api token cannot run mutations', async () => {
    const response = await createAs('developer', { groupId: await acmeGroupId(), firstName: 'Read', lastName: 'Only', email: 'read.only@example.com' }, ['read_api']);
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
  });

  it('names the argument when a global ID is malformed or of the wrong type', async () => {
    const malformed = await createAs('developer', { groupId: 'acme', firstName: 'A', lastName: 'B', email: 'a.b@example.com' });
    expect(malformed.errors?.[0]?.message).toMatch(/groupId.*"acme" is not a valid Global ID/);
    const wrongType = await createAs('developer', { groupId: 'gid://gitlab/Project/1', firstName: 'A', lastName: 'B', email: 'a.b@example.com' });
    expect(wrongType.errors?.[0]?.message).toMatch(/does not represent an instance of Group/);
  });
});
