import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { contactRow, groupGid, headersFor, numericId, organizationRow, unique } from './fixtures/crm-test-helpers';
import {
  createContactMutation,
  createOrganizationMutation,
  getGroupContactsCountByStateQuery,
  getGroupContactsQuery,
  getGroupOrganizationsCountByStateQuery,
  getGroupOrganizationsQuery,
  updateContactMutation,
  updateOrganizationMutation,
} from './fixtures/gitlab-crm-documents';

/**
 * Contract tests: the exact documents GitLab's CRM frontend sends, with the variables it sends
 * (`firstPageSize: 20`, `prevPageCursor: ""`, ...), answered in the shapes it reads.
 */

let handle: DatabaseHandle;
let headers: Record<string, string>;
let acmeGid: string;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await headersFor(handle.db, 'developer');
  acmeGid = await groupGid(handle.db, 'acme');
});

afterAll(async () => {
  await handle.close();
});

const contactId = /^gid:\/\/gitlab\/CustomerRelations::Contact\/\d+$/;
const organizationId = /^gid:\/\/gitlab\/CustomerRelations::Organization\/\d+$/;
const pageInfoShape = {
  hasNextPage: expect.any(Boolean),
  hasPreviousPage: expect.any(Boolean),
  startCursor: expect.any(String),
  endCursor: expect.any(String),
};

interface ContactNode {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  description: string | null;
  active: boolean;
  organization: { id: string; name: string; description: string | null; defaultRate: number | null } | null;
}

interface OrganizationNode {
  id: string;
  name: string;
  defaultRate: number | null;
  description: string | null;
  active: boolean;
}

type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };

describe("GitLab's contacts list (get_group_contacts.query.graphql)", () => {
  type Data = { group: { id: string; contacts: { nodes: ContactNode[]; pageInfo: PageInfo } } };

  it('answers the first page the way the list component asks for it', async () => {
    const response = await postGraphQL<Data>(
      getGroupContactsQuery,
      { groupFullPath: 'acme', searchTerm: '', state: 'active', sort: 'LAST_NAME_ASC', firstPageSize: 20 },
      { headers },
    );
    expect(response.errors).toBeUndefined();
    const { nodes, pageInfo } = response.data!.group.contacts;
    expect(response.data!.group.id).toBe(acmeGid);
    expect(nodes).toHaveLength(20);
    expect(pageInfo).toEqual({ ...pageInfoShape, hasNextPage: true, hasPreviousPage: false });
    for (const node of nodes) {
      expect(node).toEqual({
        id: expect.stringMatching(contactId),
        firstName: expect.any(String),
        lastName: expect.any(String),
        email: expect.any(String),
        phone: node.phone === null ? null : expect.any(String),
        description: node.description === null ? null : expect.any(String),
        active: true,
        organization:
          node.organization === null
            ? null
            : {
                id: expect.stringMatching(organizationId),
                name: expect.any(String),
                description: node.organization.description === null ? null : expect.any(String),
                defaultRate: node.organization.defaultRate === null ? null : expect.any(Number),
              },
      });
    }
    const alice = await postGraphQL<Data>(getGroupContactsQuery, { groupFullPath: 'acme', searchTerm: 'alice.johnson', firstPageSize: 20 }, { headers });
    expect(alice.data!.group.contacts.nodes.map((node) => node.organization)).toEqual([
      { id: expect.stringMatching(organizationId), name: 'Northwind Traders', description: expect.any(String), defaultRate: 120 },
    ]);
  });

  it('pages with the next and previous cursors as the pagination component sends them', async () => {
    const variables = { groupFullPath: 'acme', searchTerm: '', state: 'all', sort: 'FIRST_NAME_DESC', firstPageSize: 20 };
    const first = (await postGraphQL<Data>(getGroupContactsQuery, variables, { headers })).data!.group.contacts;
    const next = (
      await postGraphQL<Data>(getGroupContactsQuery, { ...variables, nextPageCursor: first.pageInfo.endCursor }, { headers })
    ).data!.group.contacts;
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    expect(next.nodes.map((node) => node.id)).not.toContain(first.nodes[0]!.id);
    const previous = (
      await postGraphQL<Data>(
        getGroupContactsQuery,
        { groupFullPath: 'acme', searchTerm: '', state: 'all', sort: 'FIRST_NAME_DESC', lastPageSize: 20, prevPageCursor: next.pageInfo.startCursor },
        { headers },
      )
    ).data!.group.contacts;
    expect(previous.nodes.map((node) => node.id)).toEqual(first.nodes.map((node) => node.id));
  });

  it('loads one contact by id for the edit form (ids: [id])', async () => {
    const all = (await postGraphQL<Data>(getGroupContactsQuery, { groupFullPath: 'acme', firstPageSize: 3 }, { headers })).data!;
    const wanted = all.group.contacts.nodes[1]!;
    const response = await postGraphQL<Data>(getGroupContactsQuery, { groupFullPath: 'acme', ids: [wanted.id] }, { headers });
    expect(response.data!.group.contacts.nodes).toEqual([wanted]);
  });
});

describe("GitLab's contact counts (get_group_contacts_count_by_state.graphql)", () => {
  type Data = { group: { __typename: string; id: string; contactStateCounts: { all: number; active: number; inactive: number } } };

  it('answers the tab counts, following the search', async () => {
    const response = await postGraphQL<Data>(getGroupContactsCountByStateQuery, { groupFullPath: 'acme', searchTerm: '' }, { headers });
    expect(response.errors).toBeUndefined();
    const counts = response.data!.group.contactStateCounts;
    expect(response.data!.group.__typename).toBe('Group');
    expect(counts.all).toBe(counts.active + counts.inactive);
    expect(counts.inactive).toBeGreaterThan(0);

    const smith = await postGraphQL<Data>(getGroupContactsCountByStateQuery, { groupFullPath: 'acme', searchTerm: 'smith' }, { headers });
    expect(smith.data!.group.contactStateCounts).toEqual({ all: 3, active: 3, inactive: 0 });
  });
});

describe("GitLab's organizations list (get_group_organizations.query.graphql)", () => {
  type Data = { group: { id: string; organizations: { nodes: OrganizationNode[]; pageInfo: PageInfo } } };

  it('answers the list in the fragment shape, sorted by name', async () => {
    const response = await postGraphQL<Data>(
      getGroupOrganizationsQuery,
      { groupFullPath: 'acme', searchTerm: '', state: 'all', sort: 'NAME_ASC', firstPageSize: 5 },
      { headers },
    );
    expect(response.errors).toBeUndefined();
    const { nodes, pageInfo } = response.data!.group.organizations;
    expect(nodes).toHaveLength(5);
    expect(pageInfo).toEqual({ ...pageInfoShape, hasNextPage: true, hasPreviousPage: false });
    for (const node of nodes) {
      expect(node).toEqual({
        id: expect.stringMatching(organizationId),
        name: expect.any(String),
        defaultRate: node.defaultRate === null ? null : expect.any(Number),
        description: node.description === null ? null : expect.any(String),
        active: expect.any(Boolean),
      });
    }
  });

  it('is also what the contact form loads for its organization select (groupFullPath only)', async () => {
    const response = await postGraphQL<Data>(getGroupOrganizationsQuery, { groupFullPath: 'acme' }, { headers });
    expect(response.errors).toBeUndefined();
    expect(response.data!.group.organizations.nodes.map((node) => node.name)).toContain('Orbital Print Co.');
  });
});

describe("GitLab's organization counts (get_group_organizations_count_by_state.query.graphql)", () => {
  type Data = { group: { organizationStateCounts: { all: number; active: number; inactive: number } } };

  it('answers the tab counts, following the search', async () => {
    const response = await postGraphQL<Data>(getGroupOrganizationsCountByStateQuery, { groupFullPath: 'acme', searchTerm: 'print' }, { headers });
    expect(response.errors).toBeUndefined();
    expect(response.data!.group.organizationStateCounts).toEqual({ all: 1, active: 0, inactive: 1 });
  });
});

describe("GitLab's contact form (create_contact / update_contact mutations)", () => {
  type CreateData = { customerRelationsContactCreate: { contact: ContactNode | null; errors: string[] } };
  type UpdateData = { customerRelationsContactUpdate: { contact: ContactNode | null; errors: string[] } };

  it('creates and then updates a contact with the variables the drawer form sends', async () => {
    const email = `${unique('form')}@example.com`;
    const created = await postGraphQL<CreateData>(
      createContactMutation,
      { input: { groupId: acmeGid, firstName: 'Form', lastName: 'Filled', email, phone: '', organizationId: null, description: '' } },
      { headers },
    );
    expect(created.errors).toBeUndefined();
    const contact = created.data!.customerRelationsContactCreate.contact!;
    expect(created.data!.customerRelationsContactCreate.errors).toEqual([]);
    expect(contact).toEqual({
      id: expect.stringMatching(contactId),
      firstName: 'Form',
      lastName: 'Filled',
      email,
      phone: null,
      description: null,
      active: true,
      organization: null,
    });

    const organizations = await postGraphQL<{ group: { organizations: { nodes: OrganizationNode[] } } }>(
      getGroupOrganizationsQuery,
      { groupFullPath: 'acme', searchTerm: 'Lumen' },
      { headers },
    );
    const lumen = organizations.data!.group.organizations.nodes[0]!;
    const updated = await postGraphQL<UpdateData>(
      updateContactMutation,
      {
        input: {
          id: contact.id,
          firstName: 'Form',
          lastName: 'Edited',
          email,
          phone: '+1 555 0199',
          organizationId: lumen.id,
          description: 'Edited in the drawer.',
          active: false,
        },
      },
      { headers },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.customerRelationsContactUpdate).toEqual({
      contact: {
        ...contact,
        lastName: 'Edited',
        phone: '+1 555 0199',
        description: 'Edited in the drawer.',
        active: false,
        organization: { id: lumen.id, name: lumen.name, description: lumen.description, defaultRate: lumen.defaultRate },
      },
      errors: [],
    });
    expect(await contactRow(handle.db, numericId(contact.id))).toMatchObject({ lastName: 'Edited', state: 'inactive' });
  });
});

describe("GitLab's organization form (create / update organization mutations)", () => {
  type CreateData = { customerRelationsOrganizationCreate: { organization: OrganizationNode | null; errors: string[] } };
  type UpdateData = { customerRelationsOrganizationUpdate: { organization: OrganizationNode; errors: string[] } };

  it('creates and then updates an organization with the variables the drawer form sends', async () => {
    const name = unique('Contract Org');
    const created = await postGraphQL<CreateData>(
      createOrganizationMutation,
      { input: { groupId: acmeGid, name, defaultRate: 99.5, description: 'Made by the contract test.' } },
      { headers },
    );
    expect(created.errors).toBeUndefined();
    const organization = created.data!.customerRelationsOrganizationCreate.organization!;
    expect(created.data!.customerRelationsOrganizationCreate).toEqual({
      organization: { id: expect.stringMatching(organizationId), name, defaultRate: 99.5, description: 'Made by the contract test.', active: true },
      errors: [],
    });

    const updated = await postGraphQL<UpdateData>(
      updateOrganizationMutation,
      { input: { id: organization.id, name: `${name} Ltd`, defaultRate: 100, description: null, active: false } },
      { headers },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.customerRelationsOrganizationUpdate).toEqual({
      organization: { id: organization.id, name: `${name} Ltd`, defaultRate: 100, description: null, active: false },
      errors: [],
    });
    expect(await organizationRow(handle.db, numericId(organization.id))).toMatchObject({ name: `${name} Ltd`, defaultRate: '100.00', state: 'inactive' });
  });
});
