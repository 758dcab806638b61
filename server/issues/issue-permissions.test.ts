import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import {
  type Caller,
  callers,
  contactGid,
  contactIdsByEmail,
  createCallerHeaders,
  createIssueAs,
  createNoteAs,
  issueRow,
  linkedContactIdsOf,
  newIssue,
  notesOf,
  setContacts,
  userWithOnlyMembership,
} from './issue-test-helpers';

/** SPEC §3 for every caller × every issue query and mutation this module owns. */

let handle: DatabaseHandle;
let headersOf: ReturnType<typeof createCallerHeaders>;
let alice: number;
let linked: Awaited<ReturnType<typeof newIssue>>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headersOf = createCallerHeaders(handle.db);
  alice = (await contactIdsByEmail(handle.db, 'acme')).get('alice.johnson@northwind.example')!;
  linked = await newIssue(await headersOf('developer'), 'acme/website', 'Permission matrix issue');
  const response = await setContacts(await headersOf('developer'), { iid: linked.iid, contactIds: [contactGid(alice)] });
  if (response.data?.issueSetCrmContacts?.errors.length !== 0) throw new Error(JSON.stringify(response));
});

afterAll(async () => {
  await handle.close();
});

type Access = 'hidden' | 'no contacts' | 'contacts';

/** Who sees what: the project (Guest+), and the issue's contacts (Planner+). A read_api token reads. */
const readAccess: Record<Caller, Access> = {
  anonymous: 'hidden',
  outsider: 'hidden',
  guest: 'no contacts',
  planner: 'contacts',
  reporter: 'contacts',
  developer: 'contacts',
  maintainer: 'contacts',
  owner: 'contacts',
  admin: 'contacts',
  'read_api token': 'contacts',
};

const canSetContacts = new Set<Caller>(['developer', 'maintainer', 'owner', 'admin']);
const canWrite = (caller: Caller) => !['anonymous', 'outsider', 'read_api token'].includes(caller);
const canUpdateOthersIssues = (caller: Caller) => canWrite(caller) && caller !== 'guest';

const rows = callers.map((caller) => [caller] as const);

describe.each(rows)('%s', (caller) => {
  it('project.issue(iid).customerRelationsContacts', async () => {
    const query = 'query($iid: String) { project(fullPath: "acme/website") { issue(iid: $iid) { iid customerRelationsContacts { count nodes { id } } } } }';
    const response = await postGraphQL<{ project: { issue: { customerRelationsContacts: { count: number; nodes: { id: string }[] } } } | null }>(
      query,
      { iid: linked.iid },
      { headers: await headersOf(caller) },
    );
    expect(response.errors).toBeUndefined();
    const access = readAccess[caller];
    if (access === 'hidden') return expect(response.data?.project).toBeNull();
    const expected = access === 'contacts' ? { count: 1, nodes: [{ id: contactGid(alice) }] } : { count: 0, nodes: [] };
    expect(response.data?.project?.issue.customerRelationsContacts).toEqual(expected);
  });

  it('Query.issue(id).customerRelationsContacts', async () => {
    const query = 'query($id: IssueID!) { issue(id: $id) { iid customerRelationsContacts { count } } }';
    const response = await postGraphQL<{ issue: { iid: string; customerRelationsContacts: { count: number } } | null }>(
      query,
      { id: linked.id },
      { headers: await headersOf(caller) },
    );
    expect(response.errors).toBeUndefined();
    const access = readAccess[caller];
    if (access === 'hidden') return expect(response.data?.issue).toBeNull();
    expect(response.data?.issue).toEqual({ iid: linked.iid, customerRelationsContacts: { count: access === 'contacts' ? 1 : 0 } });
  });

  it('project.issues(crmContactId): applied for a contact reader, ignored for anyone else as in GitLab', async () => {
    const query =
      'query($id: String) { project(fullPath: "acme/website") { filtered: issues(crmContactId: $id, state: all) { count nodes { iid } } all: issues(state: all) { count } } }';
    const response = await postGraphQL<{ project: { filtered: { count: number; nodes: { iid: string }[] }; all: { count: number } } | null }>(
      query,
      { id: String(alice) },
      { headers: await headersOf(caller) },
    );
    expect(response.errors).toBeUndefined();
    const access = readAccess[caller];
    if (access === 'hidden') return expect(response.data?.project).toBeNull();
    const { filtered, all } = response.data!.project!;
    expect(filtered.nodes.map((node) => node.iid)).toContain(linked.iid);
    if (access === 'contacts') expect(filtered.count).toBeLessThan(all.count);
    else expect(filtered.count).toBe(all.count);
  });

  it('issueSetCrmContacts', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await setContacts(await headersOf(caller), { iid: issue.iid, contactIds: [contactGid(alice)] });
    if (canSetContacts.has(caller)) {
      expect(response.data?.issueSetCrmContacts?.errors).toEqual([]);
      expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice]);
    } else {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(response.data?.issueSetCrmContacts ?? null).toBeNull();
      expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    }
  });

  it('createIssue', async () => {
    const response = await createIssueAs(await headersOf(caller), 'acme/website', `Opened by ${caller}`);
    if (canWrite(caller)) {
      expect(response.data?.createIssue?.errors).toEqual([]);
      expect(response.data?.createIssue?.issue?.title).toBe(`Opened by ${caller}`);
    } else {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(response.data?.createIssue ?? null).toBeNull();
    }
  });

  it("updateIssue of someone else's issue", async () => {
    const issue = await newIssue(await headersOf('developer'));
    const mutation = 'mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { errors issue { state } } }';
    const response = await postGraphQL<{ updateIssue: { errors: string[]; issue: { state: string } } | null }>(
      mutation,
      { input: { projectPath: 'acme/website', iid: issue.iid, stateEvent: 'CLOSE' } },
      { headers: await headersOf(caller) },
    );
    if (canUpdateOthersIssues(caller)) {
      expect(response.data?.updateIssue).toEqual({ errors: [], issue: { state: 'closed' } });
    } else {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect((await issueRow(handle.db, issue.dbId)).state).toBe('opened');
    }
  });

  it('createNote', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf(caller), issue.id, `Comment by ${caller}`);
    if (canWrite(caller)) {
      expect(response.data?.createNote?.note?.body).toBe(`Comment by ${caller}`);
    } else {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
    }
  });

  it('createNote with /add_contacts', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf(caller), issue.id, '/add_contacts [contact:alice.johnson@northwind.example]');
    if (canSetContacts.has(caller)) {
      expect(response.data?.createNote?.quickActionsStatus?.messages).toEqual(['One or more contacts were successfully added.']);
      expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice]);
    } else if (canWrite(caller)) {
      expect(response.data?.createNote?.quickActionsStatus?.errorMessages).toEqual([
        'You have insufficient permissions to set customer relations contacts for this issue',
      ]);
      expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    } else {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    }
  });
});

/**
 * The one rule for contact and organization details (GitLab's `can_read_crm_contacts`): they show
 * only to those who read the CRM group itself (Planner or Reporter there, or above). A Developer of a
 * subgroup or of a project only may work on the issue, but sees none of the CRM group's contacts
 * anywhere (as `Group.contacts` shows them nothing) and so cannot set them either.
 */
describe('contact details need a role on the CRM group itself', () => {
  const helpdeskIssueQuery = /* GraphQL */ `
    query($iid: String!) {
      project(fullPath: "acme/support/helpdesk") {
        rapportCanSetIssueContacts
        rapportCrmGroup { fullPath }
        filtered: issues(crmContactId: "${'${alice}'}") { count }
        all: issues { count }
        issue(iid: $iid) {
          customerRelationsContacts { count nodes { id email phone } }
          rapportContactCandidates(search: "northwind") { email }
        }
      }
    }
  `;
  interface HelpdeskData {
    project: {
      rapportCanSetIssueContacts: boolean;
      rapportCrmGroup: { fullPath: string } | null;
      filtered: { count: number };
      all: { count: number };
      issue: { customerRelationsContacts: { count: number; nodes: { id: string }[] }; rapportContactCandidates: { email: string }[] };
    } | null;
  }
  let helpdeskIssue: Awaited<ReturnType<typeof newIssue>>;

  beforeAll(async () => {
    await userWithOnlyMembership(handle.db, 'support-developer', { groupPath: 'acme/support' }, 'developer');
    await userWithOnlyMembership(handle.db, 'helpdesk-developer', { projectPath: 'acme/support/helpdesk' }, 'developer');
    helpdeskIssue = await newIssue(await headersOf('developer'), 'acme/support/helpdesk', 'Helpdesk issue with a contact');
    const response = await setContacts(await headersOf('developer'), { projectPath: 'acme/support/helpdesk', iid: helpdeskIssue.iid, contactIds: [contactGid(alice)] });
    if (response.data?.issueSetCrmContacts?.errors.length !== 0) throw new Error(JSON.stringify(response));
  });

  async function helpdeskAs(caller: string) {
    const document = helpdeskIssueQuery.replace('${alice}', String(alice));
    const response = await postGraphQL<HelpdeskData>(document, { iid: helpdeskIssue.iid }, { headers: await headersOf(caller) });
    expect(response.errors).toBeUndefined();
    return response.data!.project!;
  }

  it.each(['support-developer', 'helpdesk-developer'])('%s sees the issue but no contact, candidate, filter or CRM group', async (caller) => {
    const project = await helpdeskAs(caller);
    expect(project.all.count).toBeGreaterThan(1);
    expect(project).toEqual({
      rapportCanSetIssueContacts: false,
      rapportCrmGroup: null,
      filtered: project.all,
      all: project.all,
      issue: { customerRelationsContacts: { count: 0, nodes: [] }, rapportContactCandidates: [] },
    });
    const contacts = await postGraphQL<{ group: { contacts: { count: number } } | null }>('{ group(fullPath: "acme") { contacts { count } } }', {}, {
      headers: await headersOf(caller),
    });
    expect(contacts.data?.group?.contacts.count ?? 0).toBe(0);
  });

  it.each(['support-developer', 'helpdesk-developer'])('%s cannot set contacts by id or by quick action', async (caller) => {
    const issue = await newIssue(await headersOf('developer'), 'acme/support/helpdesk');
    const mutation = await setContacts(await headersOf(caller), { projectPath: 'acme/support/helpdesk', iid: issue.iid, contactIds: [contactGid(alice)] });
    expect(mutation.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    const note = await createNoteAs(await headersOf(caller), issue.id, '/add_contacts [contact:alice.johnson@northwind.example]');
    expect(note.data?.createNote?.quickActionsStatus?.errorMessages).toEqual([
      'You have insufficient permissions to set customer relations contacts for this issue',
    ]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('a Reporter of the root (the CRM group) sees them on the same issue', async () => {
    const project = await helpdeskAs('reporter');
    expect(project.rapportCrmGroup).toEqual({ fullPath: 'acme' });
    expect(project.filtered.count).toBeGreaterThan(0);
    expect(project.filtered.count).toBeLessThan(project.all.count);
    expect(project.issue.customerRelationsContacts).toEqual({
      count: 1,
      nodes: [{ id: contactGid(alice), email: 'alice.johnson@northwind.example', phone: expect.any(String) }],
    });
  });
});
