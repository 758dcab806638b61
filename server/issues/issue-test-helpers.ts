import { and, asc, eq, sql } from 'drizzle-orm';
import type { TokenScope } from '../auth/tokens';
import type { Database } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { contacts } from '../db/schema/crm';
import { accessLevels, groups, members, projects } from '../db/schema/groups';
import { users } from '../db/schema/users';
import { issueContacts, issues, notes } from '../db/schema/issues';
import { toGlobalId } from '../graphql/global-id';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';

/** Shared by the issue tests: GraphQL documents as clients send them, and reads of what was stored. */

export const roles = ['guest', 'planner', 'reporter', 'developer', 'maintainer', 'owner', 'admin'] as const;

/** Every kind of caller SPEC §3 distinguishes: no one, a non-member, each role, and a read-only token. */
export const callers = ['anonymous', 'outsider', ...roles, 'read_api token'] as const;
export type Caller = (typeof callers)[number];

export function createCallerHeaders(db: Database) {
  const cache = new Map<string, Promise<Record<string, string>>>();
  return (caller: Caller | string): Promise<Record<string, string>> => {
    if (caller === 'anonymous') return Promise.resolve({});
    let headers = cache.get(caller);
    if (!headers) {
      const [username, scopes]: [string, TokenScope[]] = caller === 'read_api token' ? ['developer', ['read_api']] : [caller, ['api']];
      headers = tokenHeaders(db, username, scopes);
      cache.set(caller, headers);
    }
    return headers;
  };
}

export const createIssueMutation = /* GraphQL */ `
  mutation createIssue($input: CreateIssueInput!) {
    createIssue(input: $input) { errors issue { id iid title description state author { username } webUrl } }
  }
`;

export interface CreatedIssue {
  id: string;
  iid: string;
  title: string;
  description: string | null;
  state: string;
  author: { username: string };
  webUrl: string;
}

export async function createIssueAs(headers: Record<string, string>, projectPath: string, title: string, description?: string) {
  return postGraphQL<{ createIssue: { errors: string[]; issue: CreatedIssue | null } | null }>(
    createIssueMutation,
    { input: { projectPath, title, description } },
    { headers },
  );
}

/** A fresh issue of this test, so no test depends on what another one changed. */
export async function newIssue(headers: Record<string, string>, projectPath = 'acme/website', title = 'Test issue'): Promise<CreatedIssue & { dbId: number }> {
  const response = await createIssueAs(headers, projectPath, title);
  const issue = response.data?.createIssue?.issue;
  if (!issue) throw new Error(`Could not create an issue: ${JSON.stringify(response)}`);
  return { ...issue, dbId: Number(issue.id.split('/').pop()) };
}

export const setContactsMutation = /* GraphQL */ `
  mutation issueSetCrmContacts($input: IssueSetCrmContactsInput!) {
    issueSetCrmContacts(input: $input) {
      clientMutationId
      errors
      issue { id iid updatedAt customerRelationsContacts { count nodes { id email } } }
    }
  }
`;

export interface SetContactsData {
  issueSetCrmContacts: {
    clientMutationId: string | null;
    errors: string[];
    issue: { id: string; iid: string; updatedAt: string; customerRelationsContacts: { count: number; nodes: { id: string; email: string }[] } | null } | null;
  } | null;
}

export function setContacts(
  headers: Record<string, string>,
  input: { projectPath?: string; iid: string; contactIds: string[]; operationMode?: 'REPLACE' | 'APPEND' | 'REMOVE'; clientMutationId?: string },
) {
  return postGraphQL<SetContactsData>(setContactsMutation, { input: { projectPath: 'acme/website', ...input } }, { headers });
}

export const createNoteMutation = /* GraphQL */ `
  mutation createNote($input: CreateNoteInput!) {
    createNote(input: $input) {
      errors
      note { id body system author { username } }
      quickActionsStatus { messages errorMessages commandNames commandsOnly }
    }
  }
`;

export interface CreateNoteData {
  createNote: {
    errors: string[];
    note: { id: string; body: string; system: boolean; author: { username: string } | null } | null;
    quickActionsStatus: { messages: string[] | null; errorMessages: string[] | null; commandNames: string[] | null; commandsOnly: boolean | null } | null;
  } | null;
}

export function createNoteAs(headers: Record<string, string>, noteableId: string, body: string) {
  return postGraphQL<CreateNoteData>(createNoteMutation, { input: { noteableId, body } }, { headers });
}

/** Contacts by email, as ids of the CRM group `groupPath`. */
export async function contactIdsByEmail(db: Database, groupPath: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: contacts.id, email: contacts.email })
    .from(contacts)
    .innerJoin(groups, eq(groups.id, contacts.groupId))
    .where(eq(groups.fullPath, groupPath));
  return new Map(rows.flatMap((row) => (row.email ? [[row.email.toLowerCase(), row.id] as const] : [])));
}

/** Ids of the active contacts of the CRM group `groupPath`, in id order. */
export async function activeContactIds(db: Database, groupPath: string): Promise<number[]> {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .innerJoin(groups, eq(groups.id, contacts.groupId))
    .where(and(eq(groups.fullPath, groupPath), eq(contacts.state, 'active')))
    .orderBy(asc(contacts.id));
  return rows.map((row) => row.id);
}

export function contactGid(id: number): string {
  return toGlobalId('CustomerRelations::Contact', id);
}

export async function linkedContactIdsOf(db: Database, issueId: number): Promise<number[]> {
  const rows = await db.select({ id: issueContacts.contactId }).from(issueContacts).where(eq(issueContacts.issueId, issueId));
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

export async function notesOf(db: Database, issueId: number, system?: boolean) {
  return db
    .select({ body: notes.body, system: notes.system, authorId: notes.authorId })
    .from(notes)
    .where(and(eq(notes.issueId, issueId), system === undefined ? undefined : eq(notes.system, system)))
    .orderBy(asc(notes.createdAt), asc(notes.id));
}

export async function issueRow(db: Database, issueId: number) {
  const [row] = await db.select().from(issues).where(eq(issues.id, issueId));
  if (!row) throw new Error(`No issue ${issueId}`);
  return row;
}

export async function contactAuditEvents(db: Database, issueId: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'Issue'), eq(auditEvents.targetId, issueId), eq(auditEvents.action, 'issue_contacts_changed')))
    .orderBy(asc(auditEvents.id));
}

export async function setContactState(db: Database, contactId: number, state: 'active' | 'inactive') {
  await db.update(contacts).set({ state }).where(eq(contacts.id, contactId));
}

export async function setGroupCrmEnabled(db: Database, groupPath: string, enabled: boolean) {
  await db.execute(
    sql`update group_crm_settings set enabled = ${enabled} where group_id = (select id from groups where full_path = ${groupPath})`,
  );
}

/**
 * A new user whose only membership is `role` in one group or one project (the demo users are all
 * members of a root group), for the rules about roles held below the CRM group.
 */
export async function userWithOnlyMembership(
  db: Database,
  username: string,
  where: { groupPath: string } | { projectPath: string },
  role: keyof typeof accessLevels,
): Promise<void> {
  const [template] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.username, 'developer'));
  const [user] = await db
    .insert(users)
    .values({ username, name: username, email: `${username}@example.com`, passwordHash: template!.passwordHash })
    .returning({ id: users.id });
  const accessLevel = accessLevels[role];
  if ('groupPath' in where) {
    const [group] = await db.select({ id: groups.id }).from(groups).where(eq(groups.fullPath, where.groupPath));
    await db.insert(members).values({ userId: user!.id, groupId: group!.id, accessLevel });
  } else {
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.fullPath, where.projectPath));
    await db.insert(members).values({ userId: user!.id, projectId: project!.id, accessLevel });
  }
}
