import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client';
import { and, eq } from 'drizzle-orm';
import { contacts, organizationTiers } from '../db/schema/crm';
import { issueContacts } from '../db/schema/issues';
import { toGlobalId } from '../graphql/global-id';
import { groupId } from '../crm/fixtures/crm-test-helpers';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { addSubgroupDeveloper } from '../testing/roles';

/**
 * The records every row of the permission matrix looks for, each carrying a value no other record
 * has, so a response can be searched for them: a CRM organization and contact of `acme` (made
 * through the API, so they have audit entries), an issue of the subgroup project
 * `acme/support/helpdesk` linked to the contact, a comment on it, an active contact that is
 * not on the issue (a candidate for the contact picker), and a possible duplicate of the contact
 * (same name), the newest pair of `acme`.
 */
export interface MatrixFixture {
  acmeId: number;
  acmeGid: string;
  organization: { id: number; gid: string; name: string; description: string; domain: string; tierName: string };
  contact: { id: number; gid: string; email: string; description: string };
  candidate: { id: number; email: string };
  duplicate: { id: number; description: string };
  issue: { id: number; gid: string; iid: string; title: string; description: string; projectPath: string };
  noteBody: string;
  /** The summary of a timelog the reporter logged on the issue this month. */
  timelogSummary: string;
  /** The organization's tier, and the note of the contact's request on the issue (marked important). */
  tierName: string;
  requestNote: string;
}

async function call<T>(db: Database, username: string, document: string, variables: Record<string, unknown>): Promise<T> {
  const response = await postGraphQL<Record<string, T>>(document, variables, { headers: await tokenHeaders(db, username) });
  const payload = response.data ? Object.values(response.data)[0] : undefined;
  if (response.errors || !payload) throw new Error(`fixture call failed: ${JSON.stringify(response)}`);
  return payload;
}

const numericId = (gid: string) => Number(gid.split('/').pop());

export async function createMatrixFixture(db: Database): Promise<MatrixFixture> {
  const marker = randomBytes(4).toString('hex');
  await addSubgroupDeveloper(db);
  const acmeId = await groupId(db, 'acme');
  const acmeGid = toGlobalId('Group', acmeId);

  const organizationName = `Matrix Organization ${marker}`;
  const organizationDescription = `organization-secret-${marker}`;
  const organizationDomain = `matrix-${marker}.example`;
  const tierName = `Matrix tier ${marker}`;
  const [tier] = await db.insert(organizationTiers).values({ groupId: acmeId, name: tierName, position: 1 }).returning({ id: organizationTiers.id });
  if (!tier) throw new Error('insert failed');
  const { organization } = await call<{ organization: { id: string } }>(
    db,
    'developer',
    'mutation($input: CustomerRelationsOrganizationCreateInput!) { o: customerRelationsOrganizationCreate(input: $input) { organization { id } } }',
    { input: { groupId: acmeGid, name: organizationName, description: organizationDescription, defaultRate: 99.5, domains: [organizationDomain], tierId: toGlobalId('Rapport::CustomerTier', tier.id) } },
  );

  const email = `matrix-contact-${marker}@example.com`;
  const contactDescription = `contact-secret-${marker}`;
  const { contact } = await call<{ contact: { id: string } }>(
    db,
    'developer',
    'mutation($input: CustomerRelationsContactCreateInput!) { c: customerRelationsContactCreate(input: $input) { contact { id } } }',
    { input: { groupId: acmeGid, organizationId: organization.id, firstName: 'Matrix', lastName: `Contact ${marker}`, email, phone: '+1 555 0199', description: contactDescription } },
  );

  const candidateEmail = `matrix-candidate-${marker}@example.com`;
  const [candidate] = await db
    .insert(contacts)
    .values({ groupId: acmeId, firstName: 'Picker', lastName: `Candidate ${marker}`, email: candidateEmail })
    .returning({ id: contacts.id });
  if (!candidate) throw new Error('insert failed');

  const duplicateDescription = `duplicate-secret-${marker}`;
  const [duplicate] = await db
    .insert(contacts)
    .values({ groupId: acmeId, firstName: 'Matrix', lastName: `Contact ${marker}`, description: duplicateDescription })
    .returning({ id: contacts.id });
  if (!duplicate) throw new Error('insert failed');

  const projectPath = 'acme/support/helpdesk';
  const title = `Matrix issue ${marker}`;
  const description = `issue-secret-${marker}`;
  const { issue } = await call<{ issue: { id: string; iid: string } }>(
    db,
    'maintainer',
    'mutation($input: CreateIssueInput!) { i: createIssue(input: $input) { issue { id iid } } }',
    { input: { projectPath, title, description } },
  );
  await call(db, 'developer', 'mutation($input: IssueSetCrmContactsInput!) { s: issueSetCrmContacts(input: $input) { errors } }', {
    input: { projectPath, iid: issue.iid, contactIds: [contact.id] },
  });
  // Request flags have their own feature; the matrix only needs one present.
  const requestNote = `request-secret-${marker}`;
  await db
    .update(issueContacts)
    .set({ important: true, requestNote })
    .where(and(eq(issueContacts.issueId, numericId(issue.id)), eq(issueContacts.contactId, numericId(contact.id))));

  const noteBody = `note-secret-${marker}`;
  await call(db, 'reporter', 'mutation($input: CreateNoteInput!) { n: createNote(input: $input) { errors } }', {
    input: { noteableId: issue.id, body: noteBody },
  });

  const timelogSummary = `timelog-secret-${marker}`;
  await call(db, 'reporter', 'mutation($input: TimelogCreateInput!) { t: timelogCreate(input: $input) { errors } }', {
    input: { issuableId: issue.id, timeSpent: '2h', summary: timelogSummary },
  });

  return {
    acmeId,
    acmeGid,
    organization: { id: numericId(organization.id), gid: organization.id, name: organizationName, description: organizationDescription, domain: organizationDomain, tierName },
    contact: { id: numericId(contact.id), gid: contact.id, email, description: contactDescription },
    candidate: { id: candidate.id, email: candidateEmail },
    duplicate: { id: duplicate.id, description: duplicateDescription },
    issue: { id: numericId(issue.id), gid: issue.id, iid: issue.iid, title, description, projectPath },
    noteBody,
    timelogSummary,
    tierName,
    requestNote,
  };
}
