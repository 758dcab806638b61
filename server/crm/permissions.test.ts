import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { resourceNotAvailableMessage } from '../errors';
import { toGlobalId } from '../graphql/global-id';
import { userWithOnlyMembership } from '../issues/issue-test-helpers';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import {
  type Caller,
  callers,
  contactRow,
  crmAdmins,
  crmReaders,
  crmRowCounts,
  groupGid,
  groupId,
  headersFor,
  insertContact,
  insertOrganization,
  organizationRow,
  unique,
} from './fixtures/crm-test-helpers';

/**
 * SPEC §3 for every query and mutation of the CRM API, caller by caller: anonymous users and
 * outsiders do not see the group; a Guest sees it with empty lists and null counts; Planner and up
 * read; Developer and up write; a `read_api` token reads but cannot write.
 */

let handle: DatabaseHandle;
let acmeId: number;
let acmeGid: string;
let organizationId: number;
let contactCount: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  acmeId = await groupId(handle.db, 'acme');
  acmeGid = await groupGid(handle.db, 'acme');
  const organization = await insertOrganization(handle.db, { groupId: acmeId, name: unique('Permissions Org') });
  organizationId = organization.id;
  await insertContact(handle.db, { groupId: acmeId, organizationId });
  await insertContact(handle.db, { groupId: acmeId, organizationId, state: 'inactive' });
  contactCount = 2;
});

afterAll(async () => {
  await handle.close();
});

const kind = (caller: Caller) =>
  caller === 'anonymous' || caller === 'outsider' ? 'no group' : caller === 'guest' ? 'guest' : 'reader';

async function query<T>(caller: Caller, document: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphQL<T>(document, variables, { headers: await headersFor(handle.db, caller) });
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

describe('queries', () => {
  const listsDocument = /* GraphQL */ `
    query {
      group(fullPath: "acme") {
        contacts(first: 1) { count nodes { id } }
        organizations(first: 1) { count nodes { id } }
        contactStateCounts { all active inactive }
        organizationStateCounts { all active inactive }
      }
    }
  `;
  type Lists = {
    group: {
      contacts: { count: number; nodes: unknown[] };
      organizations: { count: number; nodes: unknown[] };
      contactStateCounts: { all: number } | null;
      organizationStateCounts: { all: number } | null;
    } | null;
  };

  it.each(callers)('%s: Group.contacts, organizations, contactStateCounts, organizationStateCounts', async (caller) => {
    const { group } = await query<Lists>(caller, listsDocument);
    switch (kind(caller)) {
      case 'no group':
        expect(group).toBeNull();
        break;
      case 'guest':
        expect(group).toEqual({
          contacts: { count: 0, nodes: [] },
          organizations: { count: 0, nodes: [] },
          contactStateCounts: null,
          organizationStateCounts: null,
        });
        break;
      default:
        expect(group!.contacts.count).toBeGreaterThan(50);
        expect(group!.contacts.nodes).toHaveLength(1);
        expect(group!.organizations.count).toBeGreaterThan(10);
        expect(group!.contactStateCounts!.all).toBe(group!.contacts.count);
        expect(group!.organizationStateCounts!.all).toBe(group!.organizations.count);
    }
  });

  const organizationDocument = /* GraphQL */ `
    query($ids: [CustomerRelationsOrganizationID!]) {
      group(fullPath: "acme") {
        organizations(ids: $ids) {
          nodes { contactCount openIssueCount contacts { count } issues { count } }
        }
      }
    }
  `;
  type OrganizationData = {
    group: { organizations: { nodes: { contactCount: number; openIssueCount: number; contacts: { count: number }; issues: { count: number } }[] } } | null;
  };

  it.each(callers)('%s: Organization.contacts, issues, contactCount, openIssueCount', async (caller) => {
    const data = await query<OrganizationData>(caller, organizationDocument, { ids: [toGlobalId('CustomerRelations::Organization', organizationId)] });
    if (kind(caller) === 'no group') expect(data.group).toBeNull();
    else if (kind(caller) === 'guest') expect(data.group!.organizations.nodes).toEqual([]);
    else expect(data.group!.organizations.nodes).toEqual([{ contactCount, openIssueCount: 0, contacts: { count: contactCount }, issues: { count: 0 } }]);
  });

  const issueContactsDocument = /* GraphQL */ `
    query {
      project(fullPath: "acme/website") {
        issue(iid: "1") {
          customerRelationsContacts { nodes { issues { count } organization { contactCount contacts { count } issues { count } } } }
        }
      }
    }
  `;
  type IssueContactsData = {
    project: {
      issue: {
        customerRelationsContacts: {
          nodes: { issues: { count: number }; organization: { contactCount: number; contacts: { count: number }; issues: { count: number } } | null }[];
        } | null;
      } | null;
    } | null;
  };

  it.each(callers)('%s: Contact.issues and the organization fields reached through an issue', async (caller) => {
    const { project } = await query<IssueContactsData>(caller, issueContactsDocument);
    if (kind(caller) === 'no group') {
      expect(project).toBeNull();
      return;
    }
    const nodes = project!.issue!.customerRelationsContacts!.nodes;
    if (kind(caller) === 'guest') {
      expect(nodes).toEqual([]);
      return;
    }
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.issues.count).toBeGreaterThan(0);
      if (node.organization) expect(node.organization.contactCount).toBe(node.organization.contacts.count);
    }
  });
});

describe('mutations', () => {
  async function mutate(caller: Caller, document: string, input: Record<string, unknown>) {
    const before = await crmRowCounts(handle.db);
    const response = await postGraphQL<{ result: { errors: string[] } | null }>(document, { input }, { headers: await headersFor(handle.db, caller) });
    expect(response.status).toBe(200);
    const allowed = crmAdmins.includes(caller);
    if (allowed) {
      expect(response.errors).toBeUndefined();
      expect(response.data!.result!.errors).toEqual([]);
    } else {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      // A read_api token is refused before execution, so there may be no `data` at all.
      expect(response.data?.result ?? null).toBeNull();
      expect(await crmRowCounts(handle.db)).toEqual(before);
    }
    return allowed;
  }

  it.each(callers)('%s: customerRelationsContactCreate', async (caller) => {
    const email = `${unique(caller)}@example.com`;
    await mutate(
      caller,
      'mutation($input: CustomerRelationsContactCreateInput!) { result: customerRelationsContactCreate(input: $input) { errors } }',
      { groupId: acmeGid, firstName: 'Role', lastName: caller, email },
    );
  });

  it.each(callers)('%s: customerRelationsContactUpdate', async (caller) => {
    const contact = await insertContact(handle.db, { groupId: acmeId, firstName: 'Before' });
    const allowed = await mutate(
      caller,
      'mutation($input: CustomerRelationsContactUpdateInput!) { result: customerRelationsContactUpdate(input: $input) { errors } }',
      { id: toGlobalId('CustomerRelations::Contact', contact.id), firstName: 'After' },
    );
    expect((await contactRow(handle.db, contact.id))!.firstName).toBe(allowed ? 'After' : 'Before');
  });

  it.each(callers)('%s: customerRelationsOrganizationCreate', async (caller) => {
    await mutate(
      caller,
      'mutation($input: CustomerRelationsOrganizationCreateInput!) { result: customerRelationsOrganizationCreate(input: $input) { errors } }',
      { groupId: acmeGid, name: unique(`Role ${caller}`) },
    );
  });

  it.each(callers)('%s: customerRelationsOrganizationUpdate', async (caller) => {
    const organization = await insertOrganization(handle.db, { groupId: acmeId, description: 'before' });
    const allowed = await mutate(
      caller,
      'mutation($input: CustomerRelationsOrganizationUpdateInput!) { result: customerRelationsOrganizationUpdate(input: $input) { errors } }',
      { id: toGlobalId('CustomerRelations::Organization', organization.id), description: 'after' },
    );
    expect((await organizationRow(handle.db, organization.id))!.description).toBe(allowed ? 'after' : 'before');
  });

  it('the role tables cover every caller the spec names', () => {
    expect([...crmReaders, 'guest', 'outsider', 'anonymous'].sort()).toEqual([...callers].sort());
  });
});

describe('roles below the CRM group', () => {
  /**
   * The rule for every field showing contact or organization details (lists, counts, an issue's
   * contacts, the hover card, the picker): a role on the CRM group itself, Planner or above. A
   * Developer of a subgroup or a project only reads none of them (server/issues/issue-permissions.test.ts
   * checks the issue fields for the same people).
   */
  it.each([
    ['a subgroup', { groupPath: 'acme/support' }],
    ['a project', { projectPath: 'acme/support/helpdesk' }],
  ] as const)("a Developer of %s only sees none of the root's contacts or organizations", async (label, where) => {
    const username = unique('below-crm');
    await userWithOnlyMembership(handle.db, username, where, 'developer');
    const headers = await tokenHeaders(handle.db, username);
    const document = /* GraphQL */ `
      query($path: ID!) {
        group(fullPath: $path) {
          contacts { count nodes { email } }
          organizations { count nodes { name } }
          contactStateCounts { all }
          organizationStateCounts { all }
        }
      }
    `;
    const root = await postGraphQL(document, { path: 'acme' }, { headers });
    expect(root).toEqual({ status: 200, data: { group: null } });
    const subgroup = await postGraphQL(document, { path: 'acme/support' }, { headers });
    expect(subgroup.errors).toBeUndefined();
    const visible = subgroup.data?.group ?? null;
    if (label === 'a subgroup') {
      expect(visible).toEqual({ contacts: { count: 0, nodes: [] }, organizations: { count: 0, nodes: [] }, contactStateCounts: null, organizationStateCounts: null });
    } else {
      expect(visible).toBeNull();
    }
  });
});

describe('cross-group ID guessing', () => {
  it("a Developer of globex cannot update acme's records, and an acme Developer cannot update globex's", async () => {
    const acmeContact = await insertContact(handle.db, { groupId: acmeId });
    const globexOrganization = await insertOrganization(handle.db, { groupId: await groupId(handle.db, 'globex') });
    const contactUpdate = await postGraphQL(
      'mutation($id: CustomerRelationsContactID!) { customerRelationsContactUpdate(input: { id: $id, firstName: "Guessed" }) { errors } }',
      { id: toGlobalId('CustomerRelations::Contact', acmeContact.id) },
      { headers: await headersFor(handle.db, 'outsider') },
    );
    const organizationUpdate = await postGraphQL(
      'mutation($id: CustomerRelationsOrganizationID!) { customerRelationsOrganizationUpdate(input: { id: $id, name: "Guessed" }) { errors } }',
      { id: toGlobalId('CustomerRelations::Organization', globexOrganization.id) },
      { headers: await headersFor(handle.db, 'developer') },
    );
    for (const response of [contactUpdate, organizationUpdate]) {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    }
    expect(await contactRow(handle.db, acmeContact.id)).toEqual(acmeContact);
    expect(await organizationRow(handle.db, globexOrganization.id)).toEqual(globexOrganization);
  });

  it("an organization of another group cannot be attached to a contact, even by an admin", async () => {
    const contact = await insertContact(handle.db, { groupId: acmeId });
    const globexOrganization = await insertOrganization(handle.db, { groupId: await groupId(handle.db, 'globex') });
    const response = await postGraphQL<{ result: { errors: string[] } }>(
      'mutation($input: CustomerRelationsContactUpdateInput!) { result: customerRelationsContactUpdate(input: $input) { errors } }',
      { input: { id: toGlobalId('CustomerRelations::Contact', contact.id), organizationId: toGlobalId('CustomerRelations::Organization', globexOrganization.id) } },
      { headers: await headersFor(handle.db, 'admin') },
    );
    expect(response.data!.result.errors).toEqual(['The specified organization was not found or does not belong to this group']);
    expect(await contactRow(handle.db, contact.id)).toEqual(contact);
  });

  it('a group id that does not exist is the not-found error, for admins too', async () => {
    const response = await postGraphQL(
      'mutation { customerRelationsOrganizationCreate(input: { groupId: "gid://gitlab/Group/999999", name: "Nowhere" }) { errors } }',
      {},
      { headers: await headersFor(handle.db, 'admin') },
    );
    expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
  });
});
