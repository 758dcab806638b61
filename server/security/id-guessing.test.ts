import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer';
import { organizationNotInGroupMessage } from '../crm/contacts-service';
import { groupId } from '../crm/fixtures/crm-test-helpers';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { accessLevels, members } from '../db/schema/groups';
import { resourceNotAvailableMessage } from '../errors';
import { toGlobalId } from '../graphql/global-id';
import { sourceOutsideGroupMessage } from '../groups/crm-settings';
import { contactsNotFoundMessage, unknownContactEmailsMessage } from '../issues/messages';
import { loadContactPage, loadCrmSettingsPage, loadOrganizationPage } from '../pages/crm-record-pages';
import { loadGroupContacts, loadGroupOrganizations } from '../pages/crm-list-pages';
import { loadGroupOverview } from '../pages/group-pages';
import { loadIssuePage, loadNewIssuePage, loadProjectIssues } from '../pages/project-pages';
import { loadGroupIssues } from '../pages/group-issue-pages';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { pageViewer, type Role } from '../testing/roles';
import { changedTables, snapshotTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';

/**
 * Cross-tenant ID guessing (SPEC §3, §9): an Owner of one root group addresses the records of the
 * other root group by their IDs and paths, through every mutation, every read by ID and every page.
 * Each case runs twice: on the actor's own records it works (so the refusal is about the group, not
 * the role), and on the other group's it is refused the way a missing record is, leaves every table
 * as it was, and answers with none of the other group's values.
 */

interface GroupRecords {
  groupPath: string;
  groupGid: string;
  projectPath: string;
  contact: { id: number; gid: string; email: string };
  organization: { id: number; gid: string; name: string };
  issue: { gid: string; iid: string; title: string };
}

interface Side {
  groupPath: string;
  projectPath: string;
  actor: Role;
  headers: Record<string, string>;
  viewer: Viewer;
}

let handle: DatabaseHandle;
let acme: Side;
let globex: Side;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  // The outsider is a Developer of globex; as its Owner the refusals cannot be about the role.
  await handle.db
    .update(members)
    .set({ accessLevel: accessLevels.owner })
    .where(and(eq(members.userId, await userId(handle.db, 'outsider')), eq(members.groupId, await groupId(handle.db, 'globex'))));
  const side = async (groupPath: string, projectPath: string, actor: Role): Promise<Side> => ({
    groupPath,
    projectPath,
    actor,
    headers: await tokenHeaders(handle.db, actor),
    viewer: await pageViewer(handle.db, actor),
  });
  acme = await side('acme', 'acme/website', 'owner');
  globex = await side('globex', 'globex/portal', 'outsider');
});

afterAll(async () => {
  await handle.close();
});

/** New records of a group: an organization without contacts, a contact linked to a new issue. */
async function freshRecords(side: Side): Promise<GroupRecords> {
  const marker = randomBytes(4).toString('hex');
  const id = await groupId(handle.db, side.groupPath);
  const [organization] = await handle.db
    .insert(organizations)
    .values({ groupId: id, name: `Guess Organization ${marker}` })
    .returning({ id: organizations.id, name: organizations.name });
  const email = `guess-${marker}@example.com`;
  const [contact] = await handle.db.insert(contacts).values({ groupId: id, firstName: 'Guess', lastName: marker, email }).returning({ id: contacts.id });
  const title = `Guess issue ${marker}`;
  const created = await postGraphQL<{ createIssue: { issue: { id: string; iid: string } } }>(
    'mutation($input: CreateIssueInput!) { createIssue(input: $input) { issue { id iid } } }',
    { input: { projectPath: side.projectPath, title } },
    { headers: side.headers },
  );
  const issue = created.data!.createIssue.issue;
  const contactGid = toGlobalId('CustomerRelations::Contact', contact!.id);
  await postGraphQL(
    'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }',
    { input: { projectPath: side.projectPath, iid: issue.iid, contactIds: [contactGid] } },
    { headers: side.headers },
  );
  return {
    groupPath: side.groupPath,
    groupGid: toGlobalId('Group', id),
    projectPath: side.projectPath,
    contact: { id: contact!.id, gid: contactGid, email },
    organization: { id: organization!.id, gid: toGlobalId('CustomerRelations::Organization', organization!.id), name: organization!.name },
    issue: { gid: issue.id, iid: issue.iid, title },
  };
}

/** Values of the addressed records that a refused call must not echo. */
const valuesOf = (records: GroupRecords) => [records.contact.email, records.organization.name, records.issue.title];

type Refusal = 'denied' | { in: 'errors' | 'errorMessages'; message: (target: GroupRecords) => string };

interface MutationCase {
  document: string;
  /** The call addressing `target`'s records, made by the member of `own`'s group. */
  input: (target: GroupRecords, own: GroupRecords) => Record<string, unknown>;
  refusal: Refusal;
}

const payload = 'errors quickActionsStatus { errorMessages }';
const mutation = (field: string, inputType: string, selection = 'errors') =>
  `mutation($input: ${inputType}!) { result: ${field}(input: $input) { ${selection} } }`;

const mutationCases: Record<string, MutationCase> = {
  'customerRelationsContactCreate in the other group': {
    document: mutation('customerRelationsContactCreate', 'CustomerRelationsContactCreateInput'),
    input: (target) => ({ groupId: target.groupGid, firstName: 'Guessed', lastName: 'Contact', email: `${randomBytes(4).toString('hex')}@example.com` }),
    refusal: 'denied',
  },
  "customerRelationsContactCreate with the other group's organization": {
    document: mutation('customerRelationsContactCreate', 'CustomerRelationsContactCreateInput'),
    input: (target, own) => ({
      groupId: own.groupGid,
      firstName: 'Guessed',
      lastName: 'Contact',
      email: `${randomBytes(4).toString('hex')}@example.com`,
      organizationId: target.organization.gid,
    }),
    refusal: { in: 'errors', message: () => organizationNotInGroupMessage },
  },
  customerRelationsContactUpdate: {
    document: mutation('customerRelationsContactUpdate', 'CustomerRelationsContactUpdateInput'),
    input: (target) => ({ id: target.contact.gid, firstName: 'Guessed' }),
    refusal: 'denied',
  },
  "customerRelationsContactUpdate with the other group's organization": {
    document: mutation('customerRelationsContactUpdate', 'CustomerRelationsContactUpdateInput'),
    input: (target, own) => ({ id: own.contact.gid, organizationId: target.organization.gid }),
    refusal: { in: 'errors', message: () => organizationNotInGroupMessage },
  },
  customerRelationsContactDelete: {
    document: mutation('customerRelationsContactDelete', 'CustomerRelationsContactDeleteInput'),
    input: (target) => ({ id: target.contact.gid }),
    refusal: 'denied',
  },
  'customerRelationsOrganizationCreate in the other group': {
    document: mutation('customerRelationsOrganizationCreate', 'CustomerRelationsOrganizationCreateInput'),
    input: (target) => ({ groupId: target.groupGid, name: `Guessed ${randomBytes(4).toString('hex')}` }),
    refusal: 'denied',
  },
  customerRelationsOrganizationUpdate: {
    document: mutation('customerRelationsOrganizationUpdate', 'CustomerRelationsOrganizationUpdateInput'),
    input: (target) => ({ id: target.organization.gid, description: 'Guessed' }),
    refusal: 'denied',
  },
  customerRelationsOrganizationDelete: {
    document: mutation('customerRelationsOrganizationDelete', 'CustomerRelationsOrganizationDeleteInput'),
    input: (target) => ({ id: target.organization.gid }),
    refusal: 'denied',
  },
  'groupCrmSettingsUpdate of the other group': {
    document: mutation('groupCrmSettingsUpdate', 'GroupCrmSettingsUpdateInput'),
    input: (target) => ({ fullPath: target.groupPath, enabled: true }),
    refusal: 'denied',
  },
  'groupCrmSettingsUpdate with the other group as contact source': {
    document: mutation('groupCrmSettingsUpdate', 'GroupCrmSettingsUpdateInput'),
    input: (target, own) => ({ fullPath: own.groupPath, sourceGroupPath: target.groupPath }),
    refusal: { in: 'errors', message: () => sourceOutsideGroupMessage },
  },
  "issueSetCrmContacts on the other group's issue": {
    document: mutation('issueSetCrmContacts', 'IssueSetCrmContactsInput'),
    input: (target) => ({ projectPath: target.projectPath, iid: target.issue.iid, contactIds: [target.contact.gid] }),
    refusal: 'denied',
  },
  "issueSetCrmContacts with the other group's contact": {
    document: mutation('issueSetCrmContacts', 'IssueSetCrmContactsInput'),
    input: (target, own) => ({ projectPath: own.projectPath, iid: own.issue.iid, contactIds: [target.contact.gid], operationMode: 'APPEND' }),
    refusal: { in: 'errors', message: (target) => contactsNotFoundMessage([target.contact.id]) },
  },
  'createIssue in the other group': {
    document: mutation('createIssue', 'CreateIssueInput'),
    input: (target) => ({ projectPath: target.projectPath, title: 'Guessed' }),
    refusal: 'denied',
  },
  updateIssue: {
    document: mutation('updateIssue', 'UpdateIssueInput'),
    input: (target) => ({ projectPath: target.projectPath, iid: target.issue.iid, title: 'Guessed', stateEvent: 'CLOSE' }),
    refusal: 'denied',
  },
  createNote: {
    document: mutation('createNote', 'CreateNoteInput', payload),
    input: (target) => ({ noteableId: target.issue.gid, body: 'Guessed comment' }),
    refusal: 'denied',
  },
  "createNote with /add_contacts of the other group's contact": {
    document: mutation('createNote', 'CreateNoteInput', payload),
    input: (target, own) => ({ noteableId: own.issue.gid, body: `/remove_contacts [contact:${own.contact.email}]\n/add_contacts [contact:${target.contact.email}]` }),
    refusal: { in: 'errorMessages', message: (target) => unknownContactEmailsMessage([target.contact.email]) },
  },
};

interface ReadCase {
  /** What the member of `own`'s group sees of `target`'s records (through the API or a page). */
  read: (side: Side, target: GroupRecords, own: GroupRecords) => Promise<unknown>;
  /** True when the answer shows the addressed record. */
  found: (answer: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function query(side: Side, document: string, variables: Record<string, unknown>) {
  const response = await postGraphQL(document, variables, { headers: side.headers });
  expect(response.errors).toBeUndefined();
  return response.data;
}

const readCases: Record<string, ReadCase> = {
  'Group.contacts(ids) of your group with the other group\'s contact id': {
    read: (side, target, own) =>
      query(side, 'query($path: ID!, $ids: [CustomerRelationsContactID!]) { group(fullPath: $path) { contacts(ids: $ids) { nodes { email } } } }', {
        path: own.groupPath,
        ids: [target.contact.gid],
      }),
    found: (data) => data.group.contacts.nodes.length === 1,
  },
  "Group.organizations(ids) of your group with the other group's organization id": {
    read: (side, target, own) =>
      query(side, 'query($path: ID!, $ids: [CustomerRelationsOrganizationID!]) { group(fullPath: $path) { organizations(ids: $ids) { nodes { name } } } }', {
        path: own.groupPath,
        ids: [target.organization.gid],
      }),
    found: (data) => data.group.organizations.nodes.length === 1,
  },
  'Query.issue(id)': {
    read: (side, target) => query(side, 'query($id: IssueID!) { issue(id: $id) { title } }', { id: target.issue.gid }),
    found: (data) => data.issue !== null,
  },
  "Project.issues(crmContactId) of your project with the other group's contact id": {
    read: (side, target, own) =>
      query(side, 'query($path: ID!, $contact: String) { project(fullPath: $path) { issues(crmContactId: $contact) { nodes { title } } } }', {
        path: own.projectPath,
        contact: String(target.contact.id),
      }),
    found: (data) => data.project.issues.nodes.length > 0,
  },
  'page: group overview': { read: (side, target) => loadGroupOverview(side.viewer, target.groupPath), found: (page) => page !== null },
  'page: contacts list': { read: (side, target) => loadGroupContacts(side.viewer, target.groupPath, {}), found: (page) => page !== null },
  'page: organizations list': { read: (side, target) => loadGroupOrganizations(side.viewer, target.groupPath, {}), found: (page) => page !== null },
  'page: contact, under its own group': {
    read: (side, target) => loadContactPage(side.viewer, target.groupPath, String(target.contact.id)),
    found: (page) => page !== null,
  },
  'page: contact, under your group': {
    read: (side, target, own) => loadContactPage(side.viewer, own.groupPath, String(target.contact.id)),
    found: (page) => page !== null,
  },
  'page: organization, under its own group': {
    read: (side, target) => loadOrganizationPage(side.viewer, target.groupPath, String(target.organization.id)),
    found: (page) => page !== null,
  },
  'page: organization, under your group': {
    read: (side, target, own) => loadOrganizationPage(side.viewer, own.groupPath, String(target.organization.id)),
    found: (page) => page !== null,
  },
  'page: customer relations settings': { read: (side, target) => loadCrmSettingsPage(side.viewer, target.groupPath), found: (page) => page !== null },
  'page: project issues': {
    read: (side, target) => loadProjectIssues(side.viewer, target.projectPath, { state: 'all' }),
    found: (page) => page !== null,
  },
  "page: your project's issues filtered by the other group's contact": {
    read: (side, target, own) => loadProjectIssues(side.viewer, own.projectPath, { state: 'all', crmContactId: String(target.contact.id) }),
    found: (page) => page.issues.length > 0 || page.crmFilters[0].name !== null,
  },
  "Group.issues of your group with the other group's contact and organization ids": {
    read: (side, target, own) =>
      query(
        side,
        'query($path: ID!, $contact: String, $organization: String) { group(fullPath: $path) { byContact: issues(crmContactId: $contact, includeSubgroups: true, state: all) { count } byOrganization: issues(crmOrganizationId: $organization, includeSubgroups: true, state: all) { count } } }',
        { path: own.groupPath, contact: String(target.contact.id), organization: String(target.organization.id) },
      ),
    found: (data) => data.group.byContact.count > 0 || data.group.byOrganization.count > 0,
  },
  'page: group issues': {
    read: (side, target) => loadGroupIssues(side.viewer, target.groupPath, { state: 'all' }),
    found: (page) => page !== null,
  },
  "page: your group's issues filtered by the other group's organization": {
    read: (side, target, own) => loadGroupIssues(side.viewer, own.groupPath, { state: 'all', crmOrganizationId: String(target.organization.id) }),
    found: (page) => page.issues.length > 0 || page.crmFilters[0].name !== null,
  },
  'page: issue': { read: (side, target) => loadIssuePage(side.viewer, target.projectPath, target.issue.iid), found: (page) => page !== null },
  'page: new issue': { read: (side, target) => loadNewIssuePage(side.viewer, target.projectPath), found: (page) => page !== null },
};

const directions = [
  ['an acme Owner addresses globex', () => [acme, globex] as const],
  ['a globex Owner addresses acme', () => [globex, acme] as const],
] as const;

describe.each(directions)('%s', (_label, sides) => {
  it.each(Object.keys(mutationCases))('%s', async (name) => {
    const [actor, other] = sides();
    const { document, input, refusal } = mutationCases[name]!;
    const own = await freshRecords(actor);
    const target = await freshRecords(other);

    const control = await postGraphQL<{ result: { errors: string[]; quickActionsStatus?: { errorMessages: string[] } } }>(
      document,
      { input: input(own, await freshRecords(actor)) },
      { headers: actor.headers },
    );
    expect(control.errors).toBeUndefined();
    expect(control.data?.result.errors).toEqual([]);
    expect(control.data?.result.quickActionsStatus?.errorMessages ?? []).toEqual([]);

    const before = await snapshotTables(handle.db);
    const guess = input(target, own);
    const response = await postGraphQL<{ result: { errors: string[]; quickActionsStatus?: { errorMessages: string[] } } | null }>(
      document,
      { input: guess },
      { headers: actor.headers },
    );
    expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);
    if (refusal === 'denied') {
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(response.data?.result ?? null).toBeNull();
    } else {
      expect(response.errors).toBeUndefined();
      const messages = refusal.in === 'errors' ? response.data?.result?.errors : response.data?.result?.quickActionsStatus?.errorMessages;
      expect(messages).toEqual([refusal.message(target)]);
    }
    // A message may repeat what the caller wrote (an email in a quick action), nothing more.
    const echoed = (value: string) => JSON.stringify(guess).includes(value);
    for (const value of valuesOf(target).filter((value) => !echoed(value))) expect(JSON.stringify(response)).not.toContain(value);
  });

  it.each(Object.keys(readCases))('%s', async (name) => {
    const [actor, other] = sides();
    const { read, found } = readCases[name]!;
    const own = await freshRecords(actor);
    const target = await freshRecords(other);
    expect(found(await read(actor, own, own))).toBe(true);
    const answer = await read(actor, target, own);
    if (answer !== null) expect(found(answer)).toBe(false);
    for (const value of valuesOf(target)) expect(JSON.stringify(answer)).not.toContain(value);
  });
});
