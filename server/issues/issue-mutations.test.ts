import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permissions } from '../auth/permissions';
import type { DatabaseHandle } from '../db/client';
import { users } from '../db/schema/users';
import { findProjectByFullPath } from '../groups/group-repository';
import { projects } from '../db/schema/groups';
import { issues } from '../db/schema/issues';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import {
  activeContactIds,
  contactIdsByEmail,
  createCallerHeaders,
  createIssueAs,
  createNoteAs,
  issueRow,
  linkedContactIdsOf,
  newIssue,
  notesOf,
  setGroupCrmEnabled,
} from './issue-test-helpers';
import { createIssue } from './issues-service';
import { createNote } from './notes-service';

let handle: DatabaseHandle;
let headersOf: ReturnType<typeof createCallerHeaders>;
let acme: Map<string, number>;
let activeAcmeEmails: string[];

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headersOf = createCallerHeaders(handle.db);
  acme = await contactIdsByEmail(handle.db, 'acme');
  const active = new Set(await activeContactIds(handle.db, 'acme'));
  activeAcmeEmails = [...acme].filter(([, id]) => active.has(id)).map(([email]) => email);
});

afterAll(async () => {
  await handle.close();
});

function acmeId(email: string): number {
  const id = acme.get(email.toLowerCase());
  if (id === undefined) throw new Error(`No acme contact ${email}`);
  return id;
}

const aliceEmail = 'alice.johnson@northwind.example';
const bobEmail = 'bob.martinez@northwind.example';
const byId = (a: number, b: number) => a - b;

/** Calls a service directly, as `username`. */
async function serviceCaller(username: string, projectPath: string) {
  const [user] = await handle.db.select().from(users).where(eq(users.username, username));
  const project = await findProjectByFullPath(handle.db, projectPath);
  if (!user || !project) throw new Error('No such user or project');
  return { permissions: new Permissions(handle.db, user), project };
}

async function projectState(fullPath: string) {
  const [project] = await handle.db.select().from(projects).where(eq(projects.fullPath, fullPath));
  const [row] = await handle.db.select({ issues: count() }).from(issues).where(eq(issues.projectId, project!.id));
  return { lastIssueIid: project!.lastIssueIid, issues: row?.issues ?? 0 };
}

describe('createIssue', () => {
  it('opens an issue with the next iid, authored by the caller', async () => {
    const before = await projectState('acme/website');
    const response = await createIssueAs(await headersOf('guest'), 'acme/website', '  Guests can report bugs  ', 'Steps:\n\n1. <b>click</b>');
    expect(response.errors).toBeUndefined();
    const issue = response.data?.createIssue?.issue;
    expect(response.data?.createIssue?.errors).toEqual([]);
    expect(issue).toMatchObject({
      iid: String(before.lastIssueIid + 1),
      title: 'Guests can report bugs',
      description: 'Steps:\n\n1. <b>click</b>',
      state: 'opened',
      author: { username: 'guest' },
      webUrl: `/acme/website/-/issues/${before.lastIssueIid + 1}`,
    });
    expect(issue?.id).toMatch(/^gid:\/\/gitlab\/Issue\/\d+$/);
  });

  it('gives concurrent creates distinct consecutive iids', async () => {
    const before = await projectState('acme/support/helpdesk');
    const headers = await headersOf('developer');
    const responses = await Promise.all([1, 2, 3, 4, 5].map((n) => createIssueAs(headers, 'acme/support/helpdesk', `Concurrent ${n}`)));
    const iids = responses.map((response) => Number(response.data?.createIssue?.issue?.iid)).sort(byId);
    expect(iids).toEqual([1, 2, 3, 4, 5].map((n) => before.lastIssueIid + n));
    expect((await projectState('acme/support/helpdesk')).lastIssueIid).toBe(before.lastIssueIid + 5);
  });

  it.each([
    ['', undefined, "Title can't be blank"],
    ['   ', undefined, "Title can't be blank"],
    ['x'.repeat(256), undefined, 'Title is too long (maximum is 255 characters)'],
  ])('refuses title %# with a Rails message and writes nothing', async (title, description, message) => {
    const before = await projectState('acme/website');
    const response = await createIssueAs(await headersOf('developer'), 'acme/website', title, description);
    expect(response.data?.createIssue).toEqual({ errors: [message], issue: null });
    expect(await projectState('acme/website')).toEqual(before);
  });

  // A 1 MiB text does not fit in a request (the body limit is 1 MiB), so the limit is checked on the service.
  it('refuses a description over 1,048,576 characters and accepts one of exactly that', async () => {
    const { permissions, project } = await serviceCaller('developer', 'acme/website');
    const before = await projectState('acme/website');
    expect(await createIssue(handle.db, permissions, project, { title: 'Long', description: 'x'.repeat(1_048_577) })).toEqual({
      ok: false,
      errors: ['Description is too long (maximum is 1048576 characters)'],
    });
    expect(await projectState('acme/website')).toEqual(before);
    const accepted = await createIssue(handle.db, permissions, project, { title: 'x'.repeat(255), description: 'y'.repeat(1_048_576) });
    expect(accepted.ok).toBe(true);
  });

  it('answers an over-long request body with a clean error, writing nothing', async () => {
    const before = await projectState('acme/website');
    const response = await createIssueAs(await headersOf('developer'), 'acme/website', 'Too big', 'x'.repeat(1_048_577));
    expect(response.status).toBeLessThan(500);
    expect(response.data?.createIssue?.issue ?? null).toBeNull();
    expect(await projectState('acme/website')).toEqual(before);
  });

  it('runs /add_contacts in the description and stores the description without it', async () => {
    const response = await createIssueAs(await headersOf('developer'), 'acme/website', 'With contacts', `Customer report.\n/add_contacts [contact:${aliceEmail}] ${bobEmail.toUpperCase()}\n`);
    const issue = response.data?.createIssue?.issue;
    expect(response.data?.createIssue?.errors).toEqual([]);
    expect(issue?.description).toBe('Customer report.');
    const dbId = Number(issue?.id.split('/').pop());
    expect(await linkedContactIdsOf(handle.db, dbId)).toEqual([acmeId(aliceEmail), acmeId(bobEmail)].sort(byId));
    expect((await notesOf(handle.db, dbId, true)).map((note) => note.body)).toEqual(['added 2 contacts']);
  });

  it('stores no description when it held only quick actions', async () => {
    const response = await createIssueAs(await headersOf('developer'), 'acme/website', 'Only actions', `/add_contacts ${aliceEmail}`);
    expect(response.data?.createIssue?.issue?.description).toBeNull();
  });

  it('creates nothing when a quick action in the description fails, and says why', async () => {
    const before = await projectState('acme/website');
    const unknown = await createIssueAs(await headersOf('developer'), 'acme/website', 'Bad', '/add_contacts nobody@example.com');
    expect(unknown.data?.createIssue).toEqual({
      errors: ["No contact with the email nobody@example.com in this group's customer relations"],
      issue: null,
    });
    const guest = await createIssueAs(await headersOf('guest'), 'acme/website', 'Bad', `/add_contacts ${aliceEmail}`);
    expect(guest.data?.createIssue?.errors).toEqual(['You have insufficient permissions to set customer relations contacts for this issue']);
    expect(await projectState('acme/website')).toEqual(before);
  });

  it('answers an unknown or hidden project with the resource error', async () => {
    for (const [caller, projectPath] of [['developer', 'acme/nope'], ['developer', 'globex/portal'], ['outsider', 'acme/website']] as const) {
      const response = await createIssueAs(await headersOf(caller), projectPath, 'Nope');
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    }
  });
});

const updateIssueMutation = /* GraphQL */ `
  mutation updateIssue($input: UpdateIssueInput!) {
    updateIssue(input: $input) { errors issue { iid title description state closedAt updatedAt } }
  }
`;

interface UpdateIssueData {
  updateIssue: {
    errors: string[];
    issue: { iid: string; title: string; description: string | null; state: string; closedAt: string | null; updatedAt: string } | null;
  } | null;
}

async function updateAs(caller: string, input: Record<string, unknown>) {
  return postGraphQL<UpdateIssueData>(updateIssueMutation, { input: { projectPath: 'acme/website', ...input } }, { headers: await headersOf(caller) });
}

describe('updateIssue', () => {
  it('changes title and description, with GitLab system notes', async () => {
    const issue = await newIssue(await headersOf('developer'), 'acme/website', 'Old title');
    const response = await updateAs('reporter', { iid: issue.iid, title: 'New title', description: 'Now described' });
    expect(response.data?.updateIssue?.errors).toEqual([]);
    expect(response.data?.updateIssue?.issue).toMatchObject({ title: 'New title', description: 'Now described' });
    expect((await notesOf(handle.db, issue.dbId, true)).map((note) => note.body)).toEqual([
      'changed title from **Old title** to **New title**',
      'changed the description',
    ]);
  });

  it('closes and reopens with stateEvent, stamping closedAt, and ignores a repeated event', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const closed = await updateAs('planner', { iid: issue.iid, stateEvent: 'CLOSE' });
    expect(closed.data?.updateIssue?.issue).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    const again = await updateAs('planner', { iid: issue.iid, stateEvent: 'CLOSE' });
    expect(again.data?.updateIssue?.errors).toEqual([]);
    const reopened = await updateAs('maintainer', { iid: issue.iid, stateEvent: 'REOPEN' });
    expect(reopened.data?.updateIssue?.issue).toMatchObject({ state: 'opened', closedAt: null });
    expect((await notesOf(handle.db, issue.dbId, true)).map((note) => note.body)).toEqual(['closed', 'reopened']);
  });

  it('refuses a blank or over-long title and changes nothing', async () => {
    const issue = await newIssue(await headersOf('developer'), 'acme/website', 'Keep me');
    for (const [title, message] of [
      ['', "Title can't be blank"],
      [null, "Title can't be blank"],
      ['y'.repeat(256), 'Title is too long (maximum is 255 characters)'],
    ] as const) {
      const response = await updateAs('developer', { iid: issue.iid, title, stateEvent: 'CLOSE' });
      expect(response.data?.updateIssue?.errors).toEqual([message]);
    }
    expect(await issueRow(handle.db, issue.dbId)).toMatchObject({ title: 'Keep me', state: 'opened' });
  });

  it('lets a guest close their own issue but not anyone else’s', async () => {
    const own = await newIssue(await headersOf('guest'));
    expect((await updateAs('guest', { iid: own.iid, stateEvent: 'CLOSE' })).data?.updateIssue?.issue?.state).toBe('closed');
    const other = await newIssue(await headersOf('developer'));
    const refused = await updateAs('guest', { iid: other.iid, stateEvent: 'CLOSE' });
    expect(refused.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    expect((await issueRow(handle.db, other.dbId)).state).toBe('opened');
  });

  it('runs quick actions in a new description and leaves a description of only quick actions unchanged', async () => {
    const issue = await newIssue(await headersOf('developer'));
    await updateAs('developer', { iid: issue.iid, description: 'Described' });
    const response = await updateAs('developer', { iid: issue.iid, description: `/add_contacts ${aliceEmail}` });
    expect(response.data?.updateIssue?.issue?.description).toBe('Described');
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([acmeId(aliceEmail)]);
  });
});

describe('createNote', () => {
  it('stores a comment as given and touches the issue', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const before = await issueRow(handle.db, issue.dbId);
    const body = '**Bold** <script>alert(1)</script>\n\n```\n/add_contacts in code\n```';
    const response = await createNoteAs(await headersOf('guest'), issue.id, body);
    expect(response.errors).toBeUndefined();
    expect(response.data?.createNote).toEqual({
      errors: [],
      note: { id: expect.stringMatching(/^gid:\/\/gitlab\/Note\/\d+$/), body, system: false, author: { username: 'guest' } },
      quickActionsStatus: null,
    });
    expect((await issueRow(handle.db, issue.dbId)).updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('runs /add_contacts, stores the rest of the comment, then the system note', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf('developer'), issue.id, `Adding the customer.\n/add_contacts [contact:${aliceEmail}]`);
    expect(response.data?.createNote).toMatchObject({
      errors: [],
      note: { body: 'Adding the customer.', system: false },
      quickActionsStatus: { messages: ['One or more contacts were successfully added.'], errorMessages: [], commandNames: ['add_contacts'], commandsOnly: false },
    });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([acmeId(aliceEmail)]);
    expect((await notesOf(handle.db, issue.dbId)).map((note) => note.body)).toEqual(['Adding the customer.', 'added 1 contact']);
  });

  it('stores no comment when the body is only quick actions, and reports both results', async () => {
    const issue = await newIssue(await headersOf('developer'));
    await createNoteAs(await headersOf('developer'), issue.id, `/add_contacts ${bobEmail}`);
    const third = activeAcmeEmails.find((email) => ![aliceEmail, bobEmail].includes(email))!;
    const body = `/add_contacts ["contact:${aliceEmail.toUpperCase()}"] [contact:${aliceEmail}] ${third}\n\n/remove_contacts [contact:${bobEmail}]\n`;
    const response = await createNoteAs(await headersOf('maintainer'), issue.id, body);
    expect(response.data?.createNote).toEqual({
      errors: [],
      note: null,
      quickActionsStatus: {
        messages: ['One or more contacts were successfully added.', 'One or more contacts were successfully removed.'],
        errorMessages: [],
        commandNames: ['add_contacts', 'remove_contacts'],
        commandsOnly: true,
      },
    });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([acmeId(aliceEmail), acmeId(third)].sort(byId));
    expect((await notesOf(handle.db, issue.dbId)).map((note) => [note.body, note.system])).toEqual([
      ['added 1 contact', true],
      ['added 2 contacts and removed 1 contact', true],
    ]);
  });

  it('says removed for /remove_contacts, also of a contact that is not linked', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf('developer'), issue.id, `/remove_contacts ${aliceEmail}`);
    expect(response.data?.createNote?.quickActionsStatus?.messages).toEqual(['One or more contacts were successfully removed.']);
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });

  const failures: [string, (issue: string) => string, string[]][] = [
    ['an unknown email', () => `Hi\n/add_contacts ${aliceEmail} nobody@example.com Ghost@Example.com`, [
      "No contacts with the emails nobody@example.com and Ghost@Example.com in this group's customer relations",
    ]],
    ['an unknown email to remove', () => '/remove_contacts nobody@example.com', ["No contact with the email nobody@example.com in this group's customer relations"]],
    ['an inactive contact', () => `/add_contacts quinn.harper@lumen.example ${aliceEmail}`, ['Only active contacts can be added: quinn.harper@lumen.example is inactive']],
    ['more than 6 contacts', () => `/add_contacts ${activeAcmeEmails.slice(0, 7).join(' ')}`, ['You can only add up to 6 contacts at one time']],
    ['no contacts', () => 'Text\n/add_contacts', ['/add_contacts needs at least one contact, for example /add_contacts [contact:alice@example.com]']],
    ['a name where the email belongs', () => `/add_contacts [contact:Pedro Alvarez] ${aliceEmail}`, [
      '[contact:Pedro Alvarez] is not a contact email: contacts are referenced by email, for example [contact:name@example.com]',
    ]],
    ['malformed tokens', () => `/add_contacts [contact:not-an-email] ${aliceEmail} bob`, [
      '[contact:not-an-email] and bob are not contact emails: contacts are referenced by email, for example [contact:name@example.com]',
    ]],
  ];

  it.each(failures)('changes nothing for %s and names the problem', async (_case, bodyFor, errorMessages) => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf('developer'), issue.id, bodyFor(issue.id));
    expect(response.errors).toBeUndefined();
    expect(response.data?.createNote?.note).toBeNull();
    expect(response.data?.createNote?.errors).toEqual(errorMessages);
    expect(response.data?.createNote?.quickActionsStatus).toMatchObject({ messages: [], errorMessages });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });

  it.each(['guest', 'planner', 'reporter'])('refuses contact quick actions from a %s, storing nothing', async (caller) => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf(caller), issue.id, `Please link\n/add_contacts ${aliceEmail}`);
    expect(response.data?.createNote).toMatchObject({
      note: null,
      quickActionsStatus: { errorMessages: ['You have insufficient permissions to set customer relations contacts for this issue'] },
    });
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('refuses contact quick actions where customer relations are off', async () => {
    const issue = await newIssue(await headersOf('developer'));
    await setGroupCrmEnabled(handle.db, 'acme', false);
    try {
      const response = await createNoteAs(await headersOf('developer'), issue.id, `/add_contacts ${aliceEmail}`);
      expect(response.data?.createNote?.quickActionsStatus?.errorMessages).toEqual(['Customer relations are not enabled for this project']);
    } finally {
      await setGroupCrmEnabled(handle.db, 'acme', true);
    }
  });

  it('refuses a note over 1,048,576 characters (checked on the service: it does not fit in a request)', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const { permissions, project } = await serviceCaller('developer', 'acme/website');
    const target = { issue: await issueRow(handle.db, issue.dbId), project };
    expect(await createNote(handle.db, permissions, target, 'z'.repeat(1_048_577))).toEqual({
      note: null,
      errors: ['Note is too long (maximum is 1048576 characters)'],
      quickActionsStatus: null,
    });
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });

  it.each([
    ['', "Note can't be blank"],
    [' \n\t', "Note can't be blank"],
  ])('refuses body %# with a Rails message', async (body, message) => {
    const issue = await newIssue(await headersOf('developer'));
    const response = await createNoteAs(await headersOf('developer'), issue.id, body);
    expect(response.data?.createNote).toEqual({ errors: [message], note: null, quickActionsStatus: null });
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('hides issues of projects the caller cannot see, and names a malformed noteableId', async () => {
    const portal = await newIssue(await headersOf('outsider'), 'globex/portal');
    const hidden = await createNoteAs(await headersOf('developer'), portal.id, 'Hello');
    expect(hidden.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    const unknown = await createNoteAs(await headersOf('developer'), 'gid://gitlab/Issue/999999', 'Hello');
    expect(unknown.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    const malformed = await createNoteAs(await headersOf('developer'), 'gid://gitlab/Note/1', 'Hello');
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.errors?.[0]?.message).toMatch(/noteableId.*does not represent an instance of Issue/);
    expect(await notesOf(handle.db, portal.dbId)).toEqual([]);
  });

  it('records the author of the system notes its quick actions leave', async () => {
    const issue = await newIssue(await headersOf('developer'));
    await createNoteAs(await headersOf('owner'), issue.id, `/add_contacts ${aliceEmail}`);
    const [note] = await notesOf(handle.db, issue.dbId, true);
    expect(note?.authorId).toBe(await userId(handle.db, 'owner'));
  });
});
