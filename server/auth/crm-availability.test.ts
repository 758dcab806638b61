import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { customerRelationsEnabled } from '../config';
import type { DatabaseHandle } from '../db/client';
import { contacts } from '../db/schema/crm';
import { groupCrmSettings, groups } from '../db/schema/groups';
import { issueContacts } from '../db/schema/issues';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';

/**
 * The three states that switch customer relations off or move them (SPEC §2): the instance feature
 * flag, the root group's CRM setting, and its contact source group. Each test restores what it
 * changed, so the file shares one seeded database.
 */

let handle: DatabaseHandle;
const headersByUser = new Map<string, Record<string, string>>();

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

async function as(username: string) {
  let headers = headersByUser.get(username);
  if (!headers) {
    headers = await tokenHeaders(handle.db, username);
    headersByUser.set(username, headers);
  }
  return { headers };
}

async function groupId(fullPath: string): Promise<number> {
  const [row] = await handle.db.select({ id: groups.id }).from(groups).where(eq(groups.fullPath, fullPath));
  if (!row) throw new Error(`No group ${fullPath}`);
  return row.id;
}

const gid = (type: string, id: number) => `gid://gitlab/${type}/${id}`;

interface GroupCrm {
  group: {
    rapportCanReadCrm: boolean;
    contacts: { count: number; nodes: { id: string; email: string }[] };
    organizations: { count: number; nodes: { id: string }[] };
    contactStateCounts: { all: number; active: number; inactive: number } | null;
    organizationStateCounts: { all: number } | null;
  } | null;
}

const groupCrmQuery = /* GraphQL */ `
  query groupCrm($fullPath: ID!) {
    group(fullPath: $fullPath) {
      rapportCanReadCrm
      contacts(first: 100) { count nodes { id email } }
      organizations(first: 100) { count nodes { id } }
      contactStateCounts { all active inactive }
      organizationStateCounts { all }
    }
  }
`;

async function groupCrm(username: string, fullPath: string) {
  const response = await postGraphQL<GroupCrm>(groupCrmQuery, { fullPath }, await as(username));
  expect(response.errors).toBeUndefined();
  return response.data!.group!;
}

interface IssueContactsData {
  project: {
    rapportCanReadIssueContacts: boolean;
    issue: { id: string; customerRelationsContacts: { count: number; nodes: { id: string; email: string }[] } | null } | null;
  } | null;
}

const issueContactsQuery = /* GraphQL */ `
  query issueContacts($fullPath: ID!, $iid: String!) {
    project(fullPath: $fullPath) {
      rapportCanReadIssueContacts
      issue(iid: $iid) { id customerRelationsContacts { count nodes { id email } } }
    }
  }
`;

async function issueContactsOf(username: string, fullPath: string, iid = '1') {
  const response = await postGraphQL<IssueContactsData>(issueContactsQuery, { fullPath, iid }, await as(username));
  expect(response.errors).toBeUndefined();
  const project = response.data!.project!;
  // The same issue reached by its global ID answers the same.
  const byId = await postGraphQL<{ issue: { customerRelationsContacts: unknown } }>(
    'query issue($id: IssueID!) { issue(id: $id) { customerRelationsContacts { count nodes { id email } } } }',
    { id: project.issue!.id },
    await as(username),
  );
  expect(byId.data?.issue.customerRelationsContacts).toEqual(project.issue!.customerRelationsContacts);
  return { canRead: project.rapportCanReadIssueContacts, contacts: project.issue!.customerRelationsContacts };
}

const createContactMutation = /* GraphQL */ `
  mutation create($input: CustomerRelationsContactCreateInput!) {
    customerRelationsContactCreate(input: $input) { contact { id email } errors }
  }
`;

interface CreateContactData {
  customerRelationsContactCreate: { contact: { id: string; email: string } | null; errors: string[] } | null;
}

async function createContact(username: string, groupPath: string, email: string) {
  return postGraphQL<CreateContactData>(
    createContactMutation,
    { input: { groupId: gid('Group', await groupId(groupPath)), firstName: 'Flag', lastName: 'Check', email } },
    await as(username),
  );
}

const setContactsMutation = /* GraphQL */ `
  mutation set($input: IssueSetCrmContactsInput!) {
    issueSetCrmContacts(input: $input) { issue { customerRelationsContacts { nodes { id } } } errors }
  }
`;

interface SetContactsData {
  issueSetCrmContacts: { issue: { customerRelationsContacts: { nodes: { id: string }[] } | null } | null; errors: string[] } | null;
}

async function setContacts(username: string, projectPath: string, iid: string, contactIds: string[], operationMode = 'APPEND') {
  return postGraphQL<SetContactsData>(setContactsMutation, { input: { projectPath, iid, contactIds, operationMode } }, await as(username));
}

const contactCount = () => handle.db.$count(contacts);
const linkCount = () => handle.db.$count(issueContacts);

/** A contact of `groupPath` as the given reader sees it. */
async function someContactId(groupPath: string): Promise<string> {
  const list = await groupCrm('admin', groupPath);
  const id = list.contacts.nodes[0]?.id;
  if (!id) throw new Error(`${groupPath} has no contacts`);
  return id;
}

const readers = ['reporter', 'developer', 'owner', 'admin'];


/** Nothing of the CRM shows in these groups, nor on acme's issues (website, support/helpdesk). */
async function expectNoContactsShown(username: string, groupPaths: string[]) {
  for (const path of groupPaths) {
    expect(await groupCrm(username, path)).toEqual({
      rapportCanReadCrm: false,
      contacts: { count: 0, nodes: [] },
      organizations: { count: 0, nodes: [] },
      contactStateCounts: null,
      organizationStateCounts: null,
    });
  }
  for (const project of ['acme/website', 'acme/support/helpdesk']) {
    const issue = await issueContactsOf(username, project);
    expect(issue.canRead).toBe(false);
    expect(issue.contacts ?? { count: 0, nodes: [] }).toEqual({ count: 0, nodes: [] });
  }
}

describe('with customer relations on (the default)', () => {
  it.each(readers)('%s reads contacts, counts and issue contacts', async (username) => {
    const acme = await groupCrm(username, 'acme');
    expect(acme.rapportCanReadCrm).toBe(true);
    expect(acme.contacts.count).toBeGreaterThan(0);
    expect(acme.organizations.count).toBeGreaterThan(0);
    expect(acme.contactStateCounts?.all).toBe(acme.contacts.count);
    expect(acme.organizationStateCounts?.all).toBe(acme.organizations.count);
    const issue = await issueContactsOf(username, 'acme/website');
    expect(issue.canRead).toBe(true);
    expect(issue.contacts?.count).toBeGreaterThan(0);
  });
});

describe('feature flag RAPPORT_FEATURE_CUSTOMER_RELATIONS', () => {
  const saved = process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS;

  afterEach(() => {
    if (saved === undefined) delete process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS;
    else process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = saved;
  });

  it('reads on/off words in any case, unset meaning on, and refuses anything else', () => {
    expect(customerRelationsEnabled({})).toBe(true);
    expect(customerRelationsEnabled({ RAPPORT_FEATURE_CUSTOMER_RELATIONS: '' })).toBe(true);
    for (const off of ['off', 'OFF', 'false', 'False', '0', 'no', ' off ']) {
      expect(customerRelationsEnabled({ RAPPORT_FEATURE_CUSTOMER_RELATIONS: off })).toBe(false);
    }
    for (const on of ['on', 'ON', 'true', '1', 'yes']) {
      expect(customerRelationsEnabled({ RAPPORT_FEATURE_CUSTOMER_RELATIONS: on })).toBe(true);
    }
    expect(() => customerRelationsEnabled({ RAPPORT_FEATURE_CUSTOMER_RELATIONS: 'maybe' })).toThrow(/RAPPORT_FEATURE_CUSTOMER_RELATIONS/);
  });

  it('does not depend on the rest of the environment', () => {
    expect(customerRelationsEnabled({ RAPPORT_FEATURE_CUSTOMER_RELATIONS: 'off', NODE_ENV: 'staging', DATABASE_URL: 'not a url' })).toBe(false);
  });

  it.each(readers)('off: %s sees empty lists, null state counts and no issue contacts', async (username) => {
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'off';
    await expectNoContactsShown(username, username === 'admin' ? ['acme', 'globex'] : ['acme']);
  });

  it('off: creating a contact is refused with "Feature disabled" and writes nothing', async () => {
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'OFF';
    const before = await contactCount();
    for (const username of ['developer', 'owner', 'admin']) {
      const response = await createContact(username, 'acme', `flag-off-${username}@example.com`);
      expect(response.errors?.map((error) => error.message)).toEqual(['Feature disabled']);
      expect(response.data?.customerRelationsContactCreate ?? null).toBeNull();
    }
    expect(await contactCount()).toBe(before);
  });

  it('off: someone who cannot see the group is told nothing more than "not found"', async () => {
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'off';
    const response = await createContact('outsider', 'acme', 'flag-off-outsider@example.com');
    expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
  });

  it('off: setting issue contacts is refused with "Feature disabled" and links nothing', async () => {
    const contactId = await someContactId('acme');
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'off';
    const before = await linkCount();
    const response = await setContacts('developer', 'acme/website', '2', [contactId]);
    expect(response.errors?.map((error) => error.message)).toEqual(['Feature disabled']);
    expect(await linkCount()).toBe(before);
  });

  it('on again: everything is back, nothing was lost', async () => {
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'off';
    expect((await groupCrm('developer', 'acme')).contacts.count).toBe(0);
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'on';
    expect((await groupCrm('developer', 'acme')).contacts.count).toBeGreaterThan(0);
    expect((await issueContactsOf('developer', 'acme/website')).contacts?.count).toBeGreaterThan(0);
  });
});

describe("root group's CRM setting disabled", () => {
  beforeAll(async () => {
    await handle.db.update(groupCrmSettings).set({ enabled: false }).where(eq(groupCrmSettings.groupId, await groupId('acme')));
  });

  afterAll(async () => {
    await handle.db.update(groupCrmSettings).set({ enabled: true }).where(eq(groupCrmSettings.groupId, await groupId('acme')));
  });

  it.each(readers)('%s sees no contacts anywhere under acme', async (username) => {
    await expectNoContactsShown(username, ['acme', 'acme/support']);
  });

  it('other root groups keep theirs', async () => {
    const globex = await groupCrm('outsider', 'globex');
    expect(globex.rapportCanReadCrm).toBe(true);
    expect(globex.contacts.count).toBeGreaterThan(0);
    expect((await issueContactsOf('outsider', 'globex/portal')).canRead).toBe(true);
  });

  // SPEC §2 and GitLab (GroupPolicy prevents admin_crm_contact, so `authorized_find!` fails).
  it('creating a contact under acme answers as for a missing resource, and writes nothing', async () => {
    const before = await contactCount();
    for (const [username, path] of [['developer', 'acme'], ['owner', 'acme'], ['admin', 'acme'], ['owner', 'acme/support']]) {
      const response = await createContact(username!, path!, `crm-disabled-${username}@example.com`);
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    }
    expect(await contactCount()).toBe(before);
  });

  it('setting issue contacts is refused with "Feature disabled", as GitLab does', async () => {
    const before = await linkCount();
    const response = await setContacts('developer', 'acme/website', '2', [gid('CustomerRelations::Contact', 1)]);
    expect(response.errors?.map((error) => error.message)).toEqual(['Feature disabled']);
    expect(await linkCount()).toBe(before);
  });
});

describe('a root group without a CRM setting row', () => {
  it('has CRM enabled, the setting default', async () => {
    const globex = await groupId('globex');
    const [saved] = await handle.db.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, globex));
    await handle.db.delete(groupCrmSettings).where(eq(groupCrmSettings.groupId, globex));
    try {
      const group = await groupCrm('outsider', 'globex');
      expect(group.rapportCanReadCrm).toBe(true);
      expect(group.contacts.count).toBeGreaterThan(0);
    } finally {
      if (saved) await handle.db.insert(groupCrmSettings).values(saved);
    }
  });
});

describe('contact source group acme/support', () => {
  let acmeIssueLinks: (typeof issueContacts.$inferSelect)[] = [];
  let supportContactId: string;

  beforeAll(async () => {
    const acme = await groupId('acme');
    // GitLab refuses to move the source while issues hold contacts from the old one: unlink first.
    acmeIssueLinks = await handle.db.select().from(issueContacts);
    await handle.db.delete(issueContacts);
    await handle.db.update(groupCrmSettings).set({ sourceGroupId: await groupId('acme/support') }).where(eq(groupCrmSettings.groupId, acme));
  });

  afterAll(async () => {
    await handle.db.update(groupCrmSettings).set({ sourceGroupId: null }).where(eq(groupCrmSettings.groupId, await groupId('acme')));
    await handle.db.delete(issueContacts);
    if (acmeIssueLinks.length > 0) await handle.db.insert(issueContacts).values(acmeIssueLinks);
  });

  it('makes acme/support the CRM group: contacts are created and listed there', async () => {
    const created = await createContact('developer', 'acme/support', 'source-group@example.com');
    expect(created.errors).toBeUndefined();
    expect(created.data?.customerRelationsContactCreate?.errors).toEqual([]);
    supportContactId = created.data!.customerRelationsContactCreate!.contact!.id;

    for (const username of readers) {
      const support = await groupCrm(username, 'acme/support');
      expect(support.rapportCanReadCrm).toBe(true);
      expect(support.contacts.nodes.map((node) => node.email)).toEqual(['source-group@example.com']);
      expect(support.contactStateCounts).toEqual({ all: 1, active: 1, inactive: 0 });
    }
  });

  it("acme itself is no longer a CRM group: its lists are the source group's (GitLab's crm_group), and it takes no contacts", async () => {
    for (const username of readers) {
      const acme = await groupCrm(username, 'acme');
      expect(acme.rapportCanReadCrm).toBe(false);
      expect(acme.contacts.nodes.map((node) => node.email)).toEqual(['source-group@example.com']);
      expect(acme.contactStateCounts).toEqual({ all: 1, active: 1, inactive: 0 });
    }
    const before = await contactCount();
    const response = await createContact('developer', 'acme', 'not-in-root@example.com');
    expect(response.data?.customerRelationsContactCreate?.contact ?? null).toBeNull();
    expect(response.errors?.length ?? response.data?.customerRelationsContactCreate?.errors.length).toBeGreaterThan(0);
    expect(await contactCount()).toBe(before);
  });

  it("links issues anywhere under acme to the source group's contacts", async () => {
    for (const project of ['acme/website', 'acme/support/helpdesk']) {
      const response = await setContacts('developer', project, '1', [supportContactId]);
      expect(response.errors).toBeUndefined();
      expect(response.data?.issueSetCrmContacts?.errors).toEqual([]);
      const issue = await issueContactsOf('reporter', project);
      expect(issue.canRead).toBe(true);
      expect(issue.contacts?.nodes.map((node) => node.email)).toEqual(['source-group@example.com']);
    }
  });

  it("refuses a contact of the old CRM group (the root's)", async () => {
    const [oldContact] = await handle.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.groupId, await groupId('acme')), eq(contacts.state, 'active')))
      .limit(1);
    const before = await linkCount();
    const response = await setContacts('developer', 'acme/website', '2', [gid('CustomerRelations::Contact', oldContact!.id)]);
    const messages = [...(response.errors?.map((error) => error.message) ?? []), ...(response.data?.issueSetCrmContacts?.errors ?? [])];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(resourceNotAvailableMessage);
    expect(await linkCount()).toBe(before);
  });

  it('leaves globex alone', async () => {
    const globex = await groupCrm('outsider', 'globex');
    expect(globex.rapportCanReadCrm).toBe(true);
    expect(globex.contacts.count).toBeGreaterThan(0);
  });
});
