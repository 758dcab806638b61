import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { contacts, organizations } from '../db/schema/crm';
import { groupCrmSettings, groups } from '../db/schema/groups';
import { issueContacts, issues, notes } from '../db/schema/issues';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, sessionHeaders, tokenHeaders, userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { organizationHasContactsMessage } from './delete-organization';

/** GitLab's system note for one contact leaving an issue. */
const contactRemovedNote = 'removed 1 contact';

let handle: DatabaseHandle;
let acmeId: number;
let globexId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  const rows = await handle.db.select({ id: groups.id, fullPath: groups.fullPath }).from(groups);
  acmeId = rows.find((row) => row.fullPath === 'acme')!.id;
  globexId = rows.find((row) => row.fullPath === 'globex')!.id;
});

afterAll(async () => {
  await handle.close();
});

afterEach(async () => {
  await handle.db.update(groupCrmSettings).set({ enabled: true }).where(eq(groupCrmSettings.groupId, acmeId));
});

const deleteContactMutation = /* GraphQL */ `
  mutation($input: CustomerRelationsContactDeleteInput!) {
    customerRelationsContactDelete(input: $input) { clientMutationId errors }
  }
`;

const deleteOrganizationMutation = /* GraphQL */ `
  mutation($input: CustomerRelationsOrganizationDeleteInput!) {
    customerRelationsOrganizationDelete(input: $input) { clientMutationId errors }
  }
`;

let serial = 0;

async function newOrganization(groupId = acmeId) {
  serial += 1;
  const [row] = await handle.db.insert(organizations).values({ groupId, name: `Delete test org ${serial}` }).returning();
  return row!;
}

async function newContact(groupId = acmeId, organizationId: number | null = null) {
  serial += 1;
  const [row] = await handle.db
    .insert(contacts)
    .values({ groupId, organizationId, firstName: 'Dee', lastName: `Leted ${serial}`, email: `delete-${serial}@example.com` })
    .returning();
  return row!;
}

const contactGid = (id: number) => `gid://gitlab/CustomerRelations::Contact/${id}`;
const organizationGid = (id: number) => `gid://gitlab/CustomerRelations::Organization/${id}`;

async function deleteContactAs(username: string, id: number) {
  return postGraphQL<{ customerRelationsContactDelete: { clientMutationId: string | null; errors: string[] } | null }>(
    deleteContactMutation,
    { input: { id: contactGid(id), clientMutationId: 'c1' } },
    { headers: await tokenHeaders(handle.db, username) },
  );
}

async function deleteOrganizationAs(username: string, id: number) {
  return postGraphQL<{ customerRelationsOrganizationDelete: { clientMutationId: string | null; errors: string[] } | null }>(
    deleteOrganizationMutation,
    { input: { id: organizationGid(id) } },
    { headers: await tokenHeaders(handle.db, username) },
  );
}

async function contactExists(id: number) {
  const [row] = await handle.db.select({ total: count() }).from(contacts).where(eq(contacts.id, id));
  return row!.total === 1;
}

async function organizationExists(id: number) {
  const [row] = await handle.db.select({ total: count() }).from(organizations).where(eq(organizations.id, id));
  return row!.total === 1;
}

describe('customerRelationsContactDelete', () => {
  it.each(['guest', 'planner', 'reporter', 'developer', 'outsider'])('refuses a %s and deletes nothing', async (username) => {
    const contact = await newContact();
    const response = await deleteContactAs(username, contact.id);
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    expect(response.data?.customerRelationsContactDelete).toBeNull();
    expect(await contactExists(contact.id)).toBe(true);
  });

  it.each(['maintainer', 'owner', 'admin'])('lets a %s delete a contact, with an audit event', async (username) => {
    const contact = await newContact();
    const response = await deleteContactAs(username, contact.id);
    expect(response.errors).toBeUndefined();
    expect(response.data?.customerRelationsContactDelete).toEqual({ clientMutationId: 'c1', errors: [] });
    expect(await contactExists(contact.id)).toBe(false);
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contact_deleted'), eq(auditEvents.targetId, contact.id)));
    expect(event).toMatchObject({ groupId: acmeId, actorId: await userId(handle.db, username), targetType: 'CustomerRelations::Contact' });
    expect(event?.changes).toMatchObject({ email: contact.email, issueIds: [] });
  });

  it('removes the issue links and adds one system note to each affected issue, in one go', async () => {
    const contact = await newContact();
    const linked = await handle.db.select({ id: issues.id, updatedAt: issues.updatedAt }).from(issues).orderBy(issues.id).limit(2);
    await handle.db.insert(issueContacts).values(linked.map((issue) => ({ issueId: issue.id, contactId: contact.id })));
    const maintainerId = await userId(handle.db, 'maintainer');

    const response = await deleteContactAs('maintainer', contact.id);
    expect(response.data?.customerRelationsContactDelete?.errors).toEqual([]);

    const links = await handle.db.select().from(issueContacts).where(eq(issueContacts.contactId, contact.id));
    expect(links).toEqual([]);
    for (const issue of linked) {
      const systemNotes = await handle.db
        .select()
        .from(notes)
        .where(and(eq(notes.issueId, issue.id), eq(notes.system, true), eq(notes.body, contactRemovedNote)));
      expect(systemNotes).toHaveLength(1);
      expect(systemNotes[0]?.authorId).toBe(maintainerId);
      const [after] = await handle.db.select({ updatedAt: issues.updatedAt }).from(issues).where(eq(issues.id, issue.id));
      expect(after!.updatedAt.getTime()).toBeGreaterThan(issue.updatedAt.getTime());
    }
    const [event] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'contact_deleted'), eq(auditEvents.targetId, contact.id)));
    expect(event?.changes).toMatchObject({ issueIds: linked.map((issue) => issue.id) });
  });

  it("hides another group's contact and an unknown id behind the same not-found error", async () => {
    const globexContact = await newContact(globexId);
    const other = await deleteContactAs('maintainer', globexContact.id);
    expect(other.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    expect(await contactExists(globexContact.id)).toBe(true);
    const unknown = await deleteContactAs('maintainer', 999_999);
    expect(unknown.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
  });

  it('answers "Feature disabled" while CRM is off for the group', async () => {
    const contact = await newContact();
    await handle.db.update(groupCrmSettings).set({ enabled: false }).where(eq(groupCrmSettings.groupId, acmeId));
    const response = await deleteContactAs('maintainer', contact.id);
    expect(response.errors?.[0]?.message).toBe('Feature disabled');
    expect(await contactExists(contact.id)).toBe(true);
  });

  it('refuses a read_api token, a session without its CSRF token, and a malformed id', async () => {
    const contact = await newContact();
    const readOnly = await postGraphQL(deleteContactMutation, { input: { id: contactGid(contact.id) } }, { headers: await tokenHeaders(handle.db, 'maintainer', ['read_api']) });
    expect(readOnly.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    const session = await sessionHeaders(handle.db, 'maintainer');
    const noCsrf = await postGraphQL(deleteContactMutation, { input: { id: contactGid(contact.id) } }, { headers: { cookie: session.cookie } });
    expect(noCsrf.errors?.[0]?.message).toMatch(/CSRF/);
    const malformed = await postGraphQL(deleteContactMutation, { input: { id: organizationGid(contact.id) } }, { headers: await tokenHeaders(handle.db, 'maintainer') });
    expect(malformed.errors?.[0]?.message).toMatch(/does not represent an instance of CustomerRelations::Contact/);
    expect(await contactExists(contact.id)).toBe(true);

    const withCsrf = await postGraphQL(
      deleteContactMutation,
      { input: { id: contactGid(contact.id) } },
      { headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } },
    );
    expect(withCsrf.data).toEqual({ customerRelationsContactDelete: { clientMutationId: null, errors: [] } });
    expect(await contactExists(contact.id)).toBe(false);
  });
});

describe('customerRelationsOrganizationDelete', () => {
  it.each(['guest', 'planner', 'reporter', 'developer', 'outsider'])('refuses a %s', async (username) => {
    const organization = await newOrganization();
    const response = await deleteOrganizationAs(username, organization.id);
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    expect(await organizationExists(organization.id)).toBe(true);
  });

  it.each(['maintainer', 'owner', 'admin'])('lets a %s delete an organization without contacts', async (username) => {
    const organization = await newOrganization();
    const response = await deleteOrganizationAs(username, organization.id);
    expect(response.data?.customerRelationsOrganizationDelete).toEqual({ clientMutationId: null, errors: [] });
    expect(await organizationExists(organization.id)).toBe(false);
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'organization_deleted'), eq(auditEvents.targetId, organization.id)));
    expect(events).toHaveLength(1);
    expect(events[0]?.changes).toMatchObject({ name: organization.name });
  });

  it('refuses while the organization has contacts, even inactive ones, and writes nothing', async () => {
    const organization = await newOrganization();
    const contact = await newContact(acmeId, organization.id);
    await handle.db.update(contacts).set({ state: 'inactive' }).where(eq(contacts.id, contact.id));
    const before = await handle.db.select({ total: count() }).from(auditEvents);
    const response = await deleteOrganizationAs('owner', organization.id);
    expect(response.errors).toBeUndefined();
    expect(response.data?.customerRelationsOrganizationDelete?.errors).toEqual([organizationHasContactsMessage]);
    expect(await organizationExists(organization.id)).toBe(true);
    expect(await handle.db.select({ total: count() }).from(auditEvents)).toEqual(before);
  });

  it("hides another group's organization", async () => {
    const organization = await newOrganization(globexId);
    const response = await deleteOrganizationAs('owner', organization.id);
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    expect(await organizationExists(organization.id)).toBe(true);
  });

  it('keeps the demo organizations that have contacts', async () => {
    const [northwind] = await handle.db.select().from(organizations).where(sql`${organizations.name} = 'Northwind Traders'`);
    const response = await deleteOrganizationAs('admin', northwind!.id);
    expect(response.data?.customerRelationsOrganizationDelete?.errors).toEqual([organizationHasContactsMessage]);
  });
});
