import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { resourceNotAvailableMessage } from '../errors';
import { toGlobalId } from '../graphql/global-id';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import {
  auditEventsFor,
  contactRow,
  crmRowCounts,
  groupGid,
  groupId,
  headersFor,
  insertContact,
  insertOrganization,
  numericId,
  organizationRow,
  unique,
} from './fixtures/crm-test-helpers';

let handle: DatabaseHandle;
let headers: Record<string, string>;
let acmeId: number;
let acmeGid: string;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await headersFor(handle.db, 'developer');
  acmeId = await groupId(handle.db, 'acme');
  acmeGid = await groupGid(handle.db, 'acme');
});

afterAll(async () => {
  await handle.close();
});

const contactFields = 'id firstName lastName email phone description active organization { id name } createdAt updatedAt';
const organizationFields = 'id name defaultRate description active createdAt updatedAt';

const documents = {
  createContact: `mutation($input: CustomerRelationsContactCreateInput!) {
    result: customerRelationsContactCreate(input: $input) { clientMutationId contact { ${contactFields} } errors } }`,
  updateContact: `mutation($input: CustomerRelationsContactUpdateInput!) {
    result: customerRelationsContactUpdate(input: $input) { clientMutationId contact { ${contactFields} } errors } }`,
  createOrganization: `mutation($input: CustomerRelationsOrganizationCreateInput!) {
    result: customerRelationsOrganizationCreate(input: $input) { clientMutationId organization { ${organizationFields} } errors } }`,
  updateOrganization: `mutation($input: CustomerRelationsOrganizationUpdateInput!) {
    result: customerRelationsOrganizationUpdate(input: $input) { clientMutationId organization { ${organizationFields} } errors } }`,
};
type MutationName = keyof typeof documents;

interface Payload {
  clientMutationId: string | null;
  contact?: Record<string, unknown> & { id: string; updatedAt: string; createdAt: string } | null;
  organization?: Record<string, unknown> & { id: string; updatedAt: string; createdAt: string } | null;
  errors: string[];
}

async function run(name: MutationName, input: Record<string, unknown>, requestHeaders = headers) {
  return postGraphQL<{ result: Payload | null }>(documents[name], { input }, { headers: requestHeaders });
}

const contactGid = (id: number) => toGlobalId('CustomerRelations::Contact', id);
const organizationGid = (id: number) => toGlobalId('CustomerRelations::Organization', id);
const newContact = () => insertContact(handle.db, { groupId: acmeId, firstName: 'Update', lastName: unique('Me'), email: `${unique('update')}@example.com` });
const newOrganization = () => insertOrganization(handle.db, { groupId: acmeId, name: unique('Update Org'), defaultRate: '10.00' });

describe('customerRelationsContactUpdate', () => {
  it('changes only the given fields, trims names, bumps updatedAt and audits before/after', async () => {
    const contact = await newContact();
    const organization = await newOrganization();
    const response = await run('updateContact', {
      id: contactGid(contact.id),
      firstName: '  Renamed ',
      organizationId: organizationGid(organization.id),
      active: false,
      clientMutationId: 'update-1',
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.result!;
    expect(payload.errors).toEqual([]);
    expect(payload.clientMutationId).toBe('update-1');
    expect(payload.contact).toMatchObject({
      firstName: 'Renamed',
      lastName: contact.lastName,
      email: contact.email,
      active: false,
      organization: { id: organizationGid(organization.id), name: organization.name },
    });
    const row = await contactRow(handle.db, contact.id);
    expect(row).toMatchObject({ firstName: 'Renamed', lastName: contact.lastName, state: 'inactive', organizationId: organization.id });
    expect(row!.updatedAt.getTime()).toBeGreaterThan(contact.updatedAt.getTime());
    expect(row!.createdAt).toEqual(contact.createdAt);
    const [event, ...more] = await auditEventsFor(handle.db, 'CustomerRelations::Contact', contact.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: 'contact_updated',
      groupId: acmeId,
      changes: {
        firstName: { before: 'Update', after: 'Renamed' },
        organizationId: { before: null, after: organization.id },
        state: { before: 'active', after: 'inactive' },
      },
    });
  });

  it('clears optional fields with null and leaves absent ones alone', async () => {
    const contact = await insertContact(handle.db, { groupId: acmeId, phone: '+1 555', description: 'notes', organizationId: (await newOrganization()).id });
    const response = await run('updateContact', { id: contactGid(contact.id), phone: null, organizationId: null, description: '' });
    expect(response.data!.result!.errors).toEqual([]);
    expect(await contactRow(handle.db, contact.id)).toMatchObject({ phone: null, organizationId: null, description: null, email: contact.email });
  });

  it('writes nothing when nothing changes (no new updatedAt, no audit event), as Rails does', async () => {
    const contact = await newContact();
    const response = await run('updateContact', { id: contactGid(contact.id), firstName: contact.firstName, active: true, email: contact.email });
    expect(response.data!.result!.errors).toEqual([]);
    expect(await contactRow(handle.db, contact.id)).toEqual(contact);
    expect(await auditEventsFor(handle.db, 'CustomerRelations::Contact', contact.id)).toEqual([]);
  });

  it('re-activates with active: true and ignores active: null', async () => {
    const contact = await insertContact(handle.db, { groupId: acmeId, state: 'inactive' });
    expect((await run('updateContact', { id: contactGid(contact.id), active: null })).data!.result!.contact!.active).toBe(false);
    expect((await run('updateContact', { id: contactGid(contact.id), active: true })).data!.result!.contact!.active).toBe(true);
  });

  it('lets a contact change the case of its own email', async () => {
    const contact = await newContact();
    const upper = contact.email!.toUpperCase();
    const response = await run('updateContact', { id: contactGid(contact.id), email: upper });
    expect(response.data!.result!.errors).toEqual([]);
    expect((await contactRow(handle.db, contact.id))!.email).toBe(upper);
  });

  it('answers an unknown contact with the top-level not-found error', async () => {
    const response = await run('updateContact', { id: contactGid(999_999), firstName: 'Ghost' });
    expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    expect(response.data?.result).toBeNull();
  });
});

describe('customerRelationsOrganizationCreate', () => {
  it('creates an organization with a trimmed name and audits it', async () => {
    const name = unique('New Org');
    const response = await run('createOrganization', { groupId: acmeGid, name: `  ${name} `, defaultRate: 42.13, description: ' kept as given ', clientMutationId: 'c1' });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.result!;
    expect(payload).toMatchObject({ clientMutationId: 'c1', errors: [], organization: { name, description: ' kept as given ', active: true } });
    const row = await organizationRow(handle.db, numericId(payload.organization!.id));
    expect(row).toMatchObject({ groupId: acmeId, name, defaultRate: '42.13', state: 'active' });
    const [event] = await auditEventsFor(handle.db, 'CustomerRelations::Organization', row!.id);
    expect(event).toMatchObject({ action: 'organization_created', groupId: acmeId, changes: { name, defaultRate: '42.13' } });
  });

  it('accepts a rate of 0 and no rate at all', async () => {
    for (const defaultRate of [0, null]) {
      const response = await run('createOrganization', { groupId: acmeGid, name: unique('Rate'), defaultRate });
      expect(response.data!.result).toMatchObject({ errors: [], organization: { defaultRate } });
    }
  });
});

describe('customerRelationsOrganizationUpdate', () => {
  it('changes the given fields, bumps updatedAt and audits before/after', async () => {
    const organization = await newOrganization();
    const response = await run('updateOrganization', { id: organizationGid(organization.id), name: ' Renamed Org ', defaultRate: 12.5, active: false });
    expect(response.data!.result).toMatchObject({ errors: [], organization: { name: 'Renamed Org', defaultRate: 12.5, active: false } });
    const row = await organizationRow(handle.db, organization.id);
    expect(row).toMatchObject({ name: 'Renamed Org', defaultRate: '12.50', state: 'inactive', description: null });
    expect(row!.updatedAt.getTime()).toBeGreaterThan(organization.updatedAt.getTime());
    const [event] = await auditEventsFor(handle.db, 'CustomerRelations::Organization', organization.id);
    expect(event).toMatchObject({
      action: 'organization_updated',
      changes: {
        name: { before: organization.name, after: 'Renamed Org' },
        defaultRate: { before: '10.00', after: '12.5' },
        state: { before: 'active', after: 'inactive' },
      },
    });
  });

  it('writes nothing when nothing changes (the same rate written differently included)', async () => {
    const organization = await newOrganization();
    const response = await run('updateOrganization', { id: organizationGid(organization.id), name: organization.name, defaultRate: 10 });
    expect(response.data!.result!.errors).toEqual([]);
    expect(await organizationRow(handle.db, organization.id)).toEqual(organization);
    expect(await auditEventsFor(handle.db, 'CustomerRelations::Organization', organization.id)).toEqual([]);
  });

  it('answers a validation error with the unchanged organization (the field is non-null, as in GitLab)', async () => {
    const organization = await newOrganization();
    const response = await run('updateOrganization', { id: organizationGid(organization.id), name: '' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.result).toMatchObject({ errors: ["Name can't be blank"], organization: { id: organizationGid(organization.id), name: organization.name } });
  });

  it('answers an unknown organization with the top-level not-found error', async () => {
    const response = await run('updateOrganization', { id: organizationGid(999_999), name: 'Ghost' });
    expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    expect(response.data?.result).toBeNull();
  });
});

/** Each validation message, through the mutation that produces it; nothing is written. */
describe('validation messages', () => {
  const long = (length: number) => 'x'.repeat(length);
  const contactInput = () => ({ groupId: acmeGid, firstName: 'Valid', lastName: 'Person', email: `${unique('valid')}@example.com` });
  const orgInput = () => ({ groupId: acmeGid, name: unique('Valid Org') });

  type Case = [message: string, mutation: MutationName, input: () => Promise<Record<string, unknown>>];
  const cases: Case[] = [
    ["First name can't be blank", 'createContact', async () => ({ ...contactInput(), firstName: '   ' })],
    ['First name is too long (maximum is 255 characters)', 'createContact', async () => ({ ...contactInput(), firstName: long(256) })],
    ["Last name can't be blank", 'createContact', async () => ({ ...contactInput(), lastName: '' })],
    ['Last name is too long (maximum is 255 characters)', 'createContact', async () => ({ ...contactInput(), lastName: long(256) })],
    ['Email is too long (maximum is 255 characters)', 'createContact', async () => ({ ...contactInput(), email: `${long(250)}@example.com` })],
    ['Email is invalid', 'createContact', async () => ({ ...contactInput(), email: 'not an email' })],
    ['Email has already been taken', 'createContact', async () => ({ ...contactInput(), email: 'ALICE.Johnson@northwind.example' })],
    ['Phone is too long (maximum is 32 characters)', 'createContact', async () => ({ ...contactInput(), phone: long(33) })],
    ['Description is too long (maximum is 1024 characters)', 'createContact', async () => ({ ...contactInput(), description: long(1025) })],
    [
      'The specified organization was not found or does not belong to this group',
      'createContact',
      async () => ({ ...contactInput(), organizationId: organizationGid((await insertOrganization(handle.db, { groupId: await groupId(handle.db, 'globex') })).id) }),
    ],
    [
      'contacts can only be added to root groups and groups configured as CRM targets',
      'createContact',
      async () => ({ ...contactInput(), groupId: await groupGid(handle.db, 'acme/support') }),
    ],
    ["First name can't be blank", 'updateContact', async () => ({ id: contactGid((await newContact()).id), firstName: null })],
    ['Last name is too long (maximum is 255 characters)', 'updateContact', async () => ({ id: contactGid((await newContact()).id), lastName: long(256) })],
    ['Email is invalid', 'updateContact', async () => ({ id: contactGid((await newContact()).id), email: 'a@b@c' })],
    ['Email has already been taken', 'updateContact', async () => ({ id: contactGid((await newContact()).id), email: 'bob.MARTINEZ@northwind.example' })],
    ['Phone is too long (maximum is 32 characters)', 'updateContact', async () => ({ id: contactGid((await newContact()).id), phone: ` ${long(33)} ` })],
    ['Description is too long (maximum is 1024 characters)', 'updateContact', async () => ({ id: contactGid((await newContact()).id), description: long(1025) })],
    [
      'The specified organization was not found or does not belong to this group',
      'updateContact',
      async () => ({ id: contactGid((await newContact()).id), organizationId: organizationGid(999_999) }),
    ],
    ["Name can't be blank", 'createOrganization', async () => ({ ...orgInput(), name: ' ' })],
    ['Name is too long (maximum is 255 characters)', 'createOrganization', async () => ({ ...orgInput(), name: long(256) })],
    ['Name has already been taken', 'createOrganization', async () => ({ ...orgInput(), name: ' northwind TRADERS ' })],
    ['Description is too long (maximum is 1024 characters)', 'createOrganization', async () => ({ ...orgInput(), description: long(1025) })],
    ['Default rate must be greater than or equal to 0', 'createOrganization', async () => ({ ...orgInput(), defaultRate: -0.01 })],
    ['Default rate must be less than 10000000000000000', 'createOrganization', async () => ({ ...orgInput(), defaultRate: 1e16 })],
    ['Default rate must have at most 2 decimal places', 'createOrganization', async () => ({ ...orgInput(), defaultRate: 120.125 })],
    [
      'organizations can only be added to root groups and groups configured as CRM targets',
      'createOrganization',
      async () => ({ ...orgInput(), groupId: await groupGid(handle.db, 'acme/support') }),
    ],
    ["Name can't be blank", 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), name: null })],
    ['Name has already been taken', 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), name: 'harborview hotels' })],
    ['Description is too long (maximum is 1024 characters)', 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), description: long(1025) })],
    ['Default rate must be greater than or equal to 0', 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), defaultRate: -5 })],
    ['Default rate must have at most 2 decimal places', 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), defaultRate: 99.999 })],
  ];

  it.each(cases)('"%s" from %s, with nothing written', async (message, mutation, makeInput) => {
    const input = await makeInput();
    const target = typeof input.id === 'string' ? numericId(input.id) : null;
    const before = await crmRowCounts(handle.db);
    const rowBefore = target === null ? null : mutation === 'updateContact' ? await contactRow(handle.db, target) : await organizationRow(handle.db, target);
    const response = await run(mutation, input);
    expect(response.errors).toBeUndefined();
    expect(response.data!.result!.errors).toEqual([message]);
    const { contact, organization } = response.data!.result!;
    if (mutation !== 'updateOrganization') expect(mutation.endsWith('Contact') ? contact : organization).toBeNull();
    expect(await crmRowCounts(handle.db)).toEqual(before);
    if (target !== null) {
      const rowAfter = mutation === 'updateContact' ? await contactRow(handle.db, target) : await organizationRow(handle.db, target);
      expect(rowAfter).toEqual(rowBefore);
    }
  });

  it('lists every field message at once, in the order of the form', async () => {
    const response = await run('createContact', { groupId: acmeGid, firstName: '', lastName: long(300), email: 'bad', phone: long(40), description: long(2000) });
    expect(response.data!.result!.errors).toEqual([
      "First name can't be blank",
      'Last name is too long (maximum is 255 characters)',
      'Email is invalid',
      'Phone is too long (maximum is 32 characters)',
      'Description is too long (maximum is 1024 characters)',
    ]);
  });
});

describe('uniqueness under concurrent requests (the database decides)', () => {
  it('lets exactly one of two simultaneous creates with the same email (different case) succeed', async () => {
    const email = `${unique('race')}@example.com`;
    const responses = await Promise.all([
      run('createContact', { groupId: acmeGid, firstName: 'Race', lastName: 'One', email }),
      run('createContact', { groupId: acmeGid, firstName: 'Race', lastName: 'Two', email: email.toUpperCase() }),
    ]);
    expect(responses.map((response) => response.errors)).toEqual([undefined, undefined]);
    const errors = responses.map((response) => response.data!.result!.errors);
    expect(errors).toContainEqual([]);
    expect(errors).toContainEqual(['Email has already been taken']);
    const rows = await handle.db.select().from(contacts).where(eq(contacts.groupId, acmeId));
    expect(rows.filter((row) => row.email?.toLowerCase() === email)).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous updates to the same email succeed', async () => {
    const [first, second] = [await newContact(), await newContact()];
    const email = `${unique('race-update')}@example.com`;
    const responses = await Promise.all([
      run('updateContact', { id: contactGid(first.id), email }),
      run('updateContact', { id: contactGid(second.id), email: email.toUpperCase() }),
    ]);
    const errors = responses.map((response) => response.data!.result!.errors);
    expect(errors).toContainEqual([]);
    expect(errors).toContainEqual(['Email has already been taken']);
  });

  it('lets exactly one of two simultaneous organization creates with the same name succeed', async () => {
    const name = unique('Race Org');
    const responses = await Promise.all([
      run('createOrganization', { groupId: acmeGid, name }),
      run('createOrganization', { groupId: acmeGid, name: ` ${name.toUpperCase()}` }),
    ]);
    const errors = responses.map((response) => response.data!.result!.errors);
    expect(errors).toContainEqual([]);
    expect(errors).toContainEqual(['Name has already been taken']);
    const rows = await handle.db.select().from(organizations).where(eq(organizations.groupId, acmeId));
    expect(rows.filter((row) => row.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
  });
});

/** Bad input never reaches the database and never answers 500; the error names the field. */
describe('bad input', () => {
  const badInputs: [label: string, mutation: MutationName, input: () => Promise<Record<string, unknown>>, expected: RegExp][] = [
    ['a malformed contact id', 'updateContact', async () => ({ id: 'gid://gitlab/CustomerRelations::Contact/abc' }), /input\.id.*is not a valid Global ID/],
    ['a contact id of the wrong type', 'updateContact', async () => ({ id: 'gid://gitlab/Issue/1' }), /input\.id.*does not represent an instance of CustomerRelations::Contact/],
    ['a numeric contact id', 'updateContact', async () => ({ id: 42 }), /input\.id/],
    ['a malformed organization id', 'updateContact', async () => ({ id: contactGid((await newContact()).id), organizationId: 'org-1' }), /input\.organizationId.*is not a valid Global ID/],
    ['a group id of the wrong type', 'createOrganization', async () => ({ groupId: 'gid://gitlab/Project/1', name: 'X' }), /input\.groupId.*does not represent an instance of Group/],
    ['a non-numeric rate', 'createOrganization', async () => ({ groupId: acmeGid, name: unique('Rate'), defaultRate: 'abc' }), /input\.defaultRate.*Float/],
    ['a numeric string rate', 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), defaultRate: '12' }), /input\.defaultRate.*Float/],
    ['a rate that is not a number at all', 'createOrganization', async () => ({ groupId: acmeGid, name: unique('Rate'), defaultRate: { value: 1 } }), /input\.defaultRate/],
    ['a non-boolean active', 'updateOrganization', async () => ({ id: organizationGid((await newOrganization()).id), active: 'yes' }), /input\.active.*Boolean/],
    ['a missing required name', 'createOrganization', async () => ({ groupId: acmeGid }), /input.*name/],
    ['an unknown input field', 'updateContact', async () => ({ id: contactGid((await newContact()).id), state: 'inactive' }), /"state" is not defined/],
    ['a NUL byte in a name', 'createContact', async () => ({ groupId: acmeGid, firstName: 'nul\u0000byte', lastName: 'X', email: `${unique('nul')}@example.com` }), /firstName.*(NUL|null byte)/],
    ['a list for a string', 'updateContact', async () => ({ id: contactGid((await newContact()).id), firstName: ['a'] }), /input\.firstName.*String/],
  ];

  it.each(badInputs)('%s: a GraphQL error naming the field', async (_label, mutation, makeInput, expected) => {
    const input = await makeInput();
    const before = await crmRowCounts(handle.db);
    const response = await run(mutation, input);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.message).toMatch(expected);
    expect(response.data?.result ?? null).toBeNull();
    expect(await crmRowCounts(handle.db)).toEqual(before);
  });

  it('names the argument of an inline literal too', async () => {
    const response = await postGraphQL(
      `mutation { customerRelationsContactUpdate(input: { id: "gid://gitlab/Group/1", firstName: "X" }) { errors } }`,
      {},
      { headers },
    );
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.message).toMatch(/does not represent an instance of CustomerRelations::Contact/);
  });

  it('stores an oversized but valid-looking string nowhere: 100 kB first name is a field message', async () => {
    const contact = await newContact();
    const response = await run('updateContact', { id: contactGid(contact.id), firstName: 'y'.repeat(100_000) });
    expect(response.data!.result!.errors).toEqual(['First name is too long (maximum is 255 characters)']);
    expect(await contactRow(handle.db, contact.id)).toEqual(contact);
  });

  it('refuses unknown enum values and page sizes below zero on the lists', async () => {
    const query = `query($sort: ContactSort, $state: CustomerRelationsContactState, $first: Int) {
      group(fullPath: "acme") { contacts(sort: $sort, state: $state, first: $first) { count } } }`;
    const sort = await postGraphQL(query, { sort: 'SURNAME_ASC' }, { headers });
    expect(sort.status).toBeLessThan(500);
    expect(sort.errors?.[0]?.message).toMatch(/\$sort.*SURNAME_ASC.*ContactSort/);
    const state = await postGraphQL(query, { state: 'ACTIVE' }, { headers });
    expect(state.errors?.[0]?.message).toMatch(/\$state.*ACTIVE/);
    const negative = await postGraphQL(query, { first: -5 }, { headers });
    expect(negative.errors?.[0]?.message).toMatch(/'first' must be a non-negative integer/);
    const huge = await postGraphQL(query, { first: 2 ** 40 }, { headers });
    expect(huge.errors?.[0]?.message).toMatch(/\$first.*Int/);
  });
});
