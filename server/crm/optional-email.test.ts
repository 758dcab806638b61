import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { toGlobalId } from '../graphql/global-id';
import { contactGid, createNoteAs, newIssue, setContacts } from '../issues/issue-test-helpers';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { contactRow, groupGid, groupId, headersFor, insertContact, numericId, unique } from './fixtures/crm-test-helpers';

/** GitLab's contact model checks an email's format and length, never its presence (SPEC §1). */

let handle: DatabaseHandle;
let headers: Record<string, string>;
let acmeGid: string;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await headersFor(handle.db, 'developer');
  acmeGid = await groupGid(handle.db, 'acme');
  acmeId = await groupId(handle.db, 'acme');
});

afterAll(async () => {
  await handle.close();
});

interface ContactPayload {
  result: { contact: { id: string; firstName: string; email: string | null } | null; errors: string[] } | null;
}

const createContact = (input: Record<string, unknown>) =>
  postGraphQL<ContactPayload>(
    `mutation($input: CustomerRelationsContactCreateInput!) {
      result: customerRelationsContactCreate(input: $input) { contact { id firstName email } errors } }`,
    { input: { groupId: acmeGid, ...input } },
    { headers },
  );

const updateContact = (input: Record<string, unknown>) =>
  postGraphQL<ContactPayload>(
    `mutation($input: CustomerRelationsContactUpdateInput!) {
      result: customerRelationsContactUpdate(input: $input) { contact { id firstName email } errors } }`,
    { input },
    { headers },
  );

const listContacts = (variables: Record<string, unknown>) =>
  postGraphQL<{ group: { contacts: { nodes: { id: string; email: string | null }[] } } }>(
    `query($fullPath: ID!, $sort: ContactSort, $search: String, $first: Int) {
      group(fullPath: $fullPath) { contacts(sort: $sort, search: $search, first: $first) { nodes { id email } } } }`,
    { fullPath: 'acme', first: 100, ...variables },
    { headers },
  );

async function createdWithoutEmail(input: Record<string, unknown> = {}) {
  const response = await createContact({ firstName: 'No', lastName: unique('Email'), ...input });
  expect(response.errors).toBeUndefined();
  expect(response.data?.result?.errors).toEqual([]);
  return response.data!.result!.contact!;
}

describe('a contact without an email', () => {
  it('is created when the email is left out, and stored as null', async () => {
    const contact = await createdWithoutEmail();
    expect(contact.email).toBeNull();
    expect((await contactRow(handle.db, numericId(contact.id)))!.email).toBeNull();
  });

  it.each([[''], ['   '], [null]])('stores a blank email (%j) as null', async (email) => {
    const contact = await createdWithoutEmail({ email });
    expect((await contactRow(handle.db, numericId(contact.id)))!.email).toBeNull();
  });

  it('applies the uniqueness rule only to present emails: many contacts of a group may have none', async () => {
    const first = await createdWithoutEmail({ lastName: 'Twin' });
    const second = await createdWithoutEmail({ lastName: 'Twin' });
    expect(first.id).not.toBe(second.id);
    const taken = await createContact({ firstName: 'Dup', lastName: 'Licate', email: 'ALICE.johnson@northwind.example' });
    expect(taken.data?.result?.errors).toEqual(['Email has already been taken']);
  });

  it('still refuses an invalid email', async () => {
    const response = await createContact({ firstName: 'Bad', lastName: 'Address', email: 'not an email' });
    expect(response.data?.result).toEqual({ contact: null, errors: ['Email is invalid'] });
  });

  it('can have its email cleared by an update, with null or a blank string', async () => {
    for (const email of [null, ' ']) {
      const existing = await insertContact(handle.db, { groupId: acmeId, email: `${unique('clear')}@example.com` });
      const response = await updateContact({ id: contactGid(existing.id), email });
      expect(response.data?.result?.errors).toEqual([]);
      expect(response.data?.result?.contact?.email).toBeNull();
      expect((await contactRow(handle.db, existing.id))!.email).toBeNull();
    }
  });

  it('sorts after every present email in both directions and is found by name', async () => {
    const contact = await createdWithoutEmail({ firstName: 'Zanzibar' });
    for (const sort of ['EMAIL_ASC', 'EMAIL_DESC']) {
      const nodes = (await listContacts({ sort })).data!.group.contacts.nodes;
      const firstWithout = nodes.findIndex((node) => node.email === null);
      expect(firstWithout).toBeGreaterThan(0);
      expect(nodes.slice(firstWithout).every((node) => node.email === null)).toBe(true);
    }
    const found = (await listContacts({ search: 'Zanzibar' })).data!.group.contacts.nodes;
    expect(found).toEqual([{ id: contact.id, email: null }]);
  });

  it('can be added to an issue and removed again by ID (issueSetCrmContacts)', async () => {
    const contact = await createdWithoutEmail();
    const issue = await newIssue(headers);
    const added = await setContacts(headers, { iid: issue.iid, contactIds: [contact.id], operationMode: 'APPEND' });
    expect(added.data?.issueSetCrmContacts?.errors).toEqual([]);
    expect(added.data?.issueSetCrmContacts?.issue?.customerRelationsContacts?.nodes).toEqual([{ id: contact.id, email: null }]);
    const removed = await setContacts(headers, { iid: issue.iid, contactIds: [contact.id], operationMode: 'REMOVE' });
    expect(removed.data?.issueSetCrmContacts?.issue?.customerRelationsContacts?.count).toBe(0);
  });

  it('is named without an email when it is inactive and cannot be added', async () => {
    const contact = await insertContact(handle.db, { groupId: acmeId, firstName: 'Quiet', lastName: 'Person', email: null, state: 'inactive' });
    const issue = await newIssue(headers);
    const response = await setContacts(headers, { iid: issue.iid, contactIds: [toGlobalId('CustomerRelations::Contact', contact.id)] });
    expect(response.data?.issueSetCrmContacts?.errors).toEqual([
      `Issue customer relations contacts ${contact.id}: Quiet Person is inactive; only active contacts can be added`,
    ]);
  });

  it('leaves quick actions matching by email: an empty reference is refused, not matched to it', async () => {
    await createdWithoutEmail();
    const issue = await newIssue(headers);
    const response = await createNoteAs(headers, issue.id, '/add_contacts [contact:]');
    expect(response.data?.createNote?.quickActionsStatus?.errorMessages).toEqual(['[contact:] is not a contact email: contacts are referenced by email, for example [contact:name@example.com]']);
    const byEmail = await createNoteAs(headers, issue.id, '/add_contacts [contact:alice.johnson@northwind.example]');
    expect(byEmail.data?.createNote?.quickActionsStatus?.messages).toEqual(['One or more contacts were successfully added.']);
  });
});
