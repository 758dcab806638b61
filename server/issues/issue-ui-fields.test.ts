import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createSeededAppDatabase } from '../testing/test-database';
import { postGraphQL } from '../testing/graphql-client';
import { contactGid, contactIdsByEmail, createCallerHeaders, newIssue, setContactState, setContacts, setGroupCrmEnabled } from './issue-test-helpers';

let handle: DatabaseHandle;
let headersOf: ReturnType<typeof createCallerHeaders>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headersOf = createCallerHeaders(handle.db);
});

afterAll(async () => {
  await handle.close();
});

interface UiFieldsData {
  project: {
    rapportCanSetIssueContacts: boolean;
    rapportCrmGroup: { fullPath: string } | null;
    issue: { rapportCanUpdate: boolean; rapportContactCandidates: { email: string; active: boolean }[] } | null;
  } | null;
}

const uiFieldsQuery = /* GraphQL */ `
  query ($projectPath: ID!, $iid: String!, $search: String, $first: Int) {
    project(fullPath: $projectPath) {
      rapportCanSetIssueContacts
      rapportCrmGroup { fullPath }
      issue(iid: $iid) {
        rapportCanUpdate
        rapportContactCandidates(search: $search, first: $first) { email active }
      }
    }
  }
`;

async function uiFields(caller: string, variables: { projectPath?: string; iid: string; search?: string; first?: number }) {
  const response = await postGraphQL<UiFieldsData>(uiFieldsQuery, { projectPath: 'acme/website', ...variables }, { headers: await headersOf(caller) });
  expect(response.errors).toBeUndefined();
  return response.data?.project ?? null;
}

describe('Rapport issue page fields', () => {
  it('tells each role what it may do, as the policy module says', async () => {
    const expected: Record<string, { setContacts: boolean; update: boolean; crmGroup: string | null }> = {
      guest: { setContacts: false, update: false, crmGroup: null },
      planner: { setContacts: false, update: true, crmGroup: 'acme' },
      reporter: { setContacts: false, update: true, crmGroup: 'acme' },
      developer: { setContacts: true, update: true, crmGroup: 'acme' },
      admin: { setContacts: true, update: true, crmGroup: 'acme' },
    };
    for (const [caller, want] of Object.entries(expected)) {
      const project = await uiFields(caller, { iid: '1' });
      const got = { setContacts: project?.rapportCanSetIssueContacts, update: project?.issue?.rapportCanUpdate, crmGroup: project?.rapportCrmGroup?.fullPath ?? null };
      expect({ caller, ...got }).toEqual({ caller, ...want });
    }
    expect(await uiFields('outsider', { iid: '1' })).toBeNull();
  });

  it('lets a guest close the issue they opened', async () => {
    const issue = await newIssue(await headersOf('guest'), 'acme/website', 'Guest issue');
    expect((await uiFields('guest', { iid: issue.iid }))?.issue?.rapportCanUpdate).toBe(true);
  });

  it('offers active contacts not on the issue, matching the search', async () => {
    const developer = await headersOf('developer');
    const issue = await newIssue(developer);
    const ids = await contactIdsByEmail(handle.db, 'acme');
    const alice = ids.get('alice.johnson@northwind.example') ?? 0;

    const before = await uiFields('developer', { iid: issue.iid, search: 'northwind' });
    const emails = before?.issue?.rapportContactCandidates.map((contact) => contact.email) ?? [];
    expect(emails).toContain('alice.johnson@northwind.example');
    expect(before?.issue?.rapportContactCandidates.every((contact) => contact.active)).toBe(true);

    await setContacts(developer, { iid: issue.iid, contactIds: [contactGid(alice)], operationMode: 'APPEND' });
    const after = await uiFields('developer', { iid: issue.iid, search: 'northwind' });
    expect(after?.issue?.rapportContactCandidates.map((contact) => contact.email)).toEqual(emails.filter((email) => email !== 'alice.johnson@northwind.example'));

    // Inactive contacts are never offered; the search takes several terms.
    const farid = ids.get('farid.haddad@harborview.example') ?? 0;
    await setContactState(handle.db, farid, 'inactive');
    const inactive = await uiFields('developer', { iid: issue.iid, search: 'farid' });
    expect(inactive?.issue?.rapportContactCandidates).toEqual([]);
    const twoTerms = await uiFields('developer', { iid: issue.iid, search: 'Bob Martinez' });
    expect(twoTerms?.issue?.rapportContactCandidates.map((contact) => contact.email)).toEqual(['bob.martinez@northwind.example']);
  });

  it('takes 0 to 50 contacts, refuses other sizes with an argument error, and answers an empty list to people who may not set contacts', async () => {
    expect((await uiFields('developer', { iid: '2', first: 50 }))?.issue?.rapportContactCandidates.length).toBe(50);
    expect((await uiFields('developer', { iid: '2', first: 0 }))?.issue?.rapportContactCandidates).toEqual([]);
    for (const [first, message] of [
      [-1, "Argument 'first' must be a non-negative integer"],
      [51, "Argument 'first' must be at most 50"],
    ] as const) {
      const response = await postGraphQL<UiFieldsData>(uiFieldsQuery, { projectPath: 'acme/website', iid: '2', first }, { headers: await headersOf('developer') });
      expect(response.errors?.map((error) => [error.message, error.path?.join('.')])).toEqual([[message, 'project.issue.rapportContactCandidates']]);
    }
    expect((await uiFields('reporter', { iid: '2' }))?.issue?.rapportContactCandidates).toEqual([]);
    expect((await uiFields('guest', { iid: '2' }))?.issue?.rapportContactCandidates).toEqual([]);
  });

  it('hides everything CRM when customer relations are off for the group', async () => {
    await setGroupCrmEnabled(handle.db, 'acme', false);
    try {
      const project = await uiFields('developer', { iid: '2' });
      expect(project?.rapportCanSetIssueContacts).toBe(false);
      expect(project?.rapportCrmGroup).toBeNull();
      expect(project?.issue?.rapportContactCandidates).toEqual([]);
    } finally {
      await setGroupCrmEnabled(handle.db, 'acme', true);
    }
  });
});
