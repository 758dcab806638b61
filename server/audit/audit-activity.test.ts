import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { contacts, organizations } from '../db/schema/crm';
import { groups, projects } from '../db/schema/groups';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { maxActivityEvents } from './audit-repository';

let handle: DatabaseHandle;
let acmeId: number;
let globexId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  const rows = await handle.db.select().from(groups);
  acmeId = rows.find((row) => row.fullPath === 'acme')!.id;
  globexId = rows.find((row) => row.fullPath === 'globex')!.id;
});

afterAll(async () => {
  await handle.close();
});

interface ActivityNode {
  id: string;
  rapportActivity: { action: string; actor: { username: string } | null; createdAt: string; changes: { field: string; value: string | null }[] }[];
}

const contactActivityQuery = /* GraphQL */ `
  query($ids: [CustomerRelationsContactID!], $first: Int, $limit: Int) {
    group(fullPath: "acme") {
      contacts(ids: $ids, first: $first) {
        nodes { id rapportActivity(first: $limit) { action actor { username } createdAt changes { field value } } }
      }
    }
  }
`;

const organizationActivityQuery = /* GraphQL */ `
  query($ids: [CustomerRelationsOrganizationID!]) {
    group(fullPath: "acme") {
      organizations(ids: $ids) { nodes { id rapportActivity { action actor { username } changes { field value } } } }
    }
  }
`;

async function contactActivityAs(username: string, variables: Record<string, unknown>) {
  const response = await postGraphQL<{ group: { contacts: { nodes: ActivityNode[] } | null } | null }>(contactActivityQuery, variables, {
    headers: await tokenHeaders(handle.db, username),
  });
  expect(response.errors).toBeUndefined();
  return response.data?.group?.contacts?.nodes ?? [];
}

describe('rapportActivity', () => {
  it("lists a contact's audit events newest first, with actor and changes", async () => {
    const [contact] = await handle.db
      .insert(contacts)
      .values({ groupId: acmeId, firstName: 'Ann', lastName: 'Audit', email: 'ann.audit@example.com' })
      .returning();
    const developerId = await userId(handle.db, 'developer');
    const target = { targetType: 'CustomerRelations::Contact', targetId: contact!.id };
    await handle.db.insert(auditEvents).values([
      { ...target, actorId: developerId, groupId: acmeId, action: 'contact_created', changes: { firstName: 'Ann', phone: null }, createdAt: new Date('2026-01-01T10:00:00Z') },
      { ...target, actorId: developerId, groupId: acmeId, action: 'contact_updated', changes: { state: { before: 'active', after: 'inactive' } }, createdAt: new Date('2026-01-02T10:00:00Z') },
      // Another group's event for the same id never shows.
      { ...target, actorId: null, groupId: globexId, action: 'contact_updated', changes: { leaked: 'yes' }, createdAt: new Date('2026-01-03T10:00:00Z') },
    ]);

    const [node] = await contactActivityAs('reporter', { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`] });
    expect(node?.rapportActivity).toEqual([
      { action: 'contact_updated', actor: { username: 'developer' }, createdAt: '2026-01-02T10:00:00.000Z', changes: [{ field: 'state', value: '{"after":"inactive","before":"active"}' }] },
      {
        action: 'contact_created',
        actor: { username: 'developer' },
        createdAt: '2026-01-01T10:00:00.000Z',
        changes: [
          { field: 'phone', value: null },
          { field: 'firstName', value: 'Ann' },
        ],
      },
    ]);
    const [limited] = await contactActivityAs('reporter', { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`], limit: 1 });
    expect(limited?.rapportActivity.map((event) => event.action)).toEqual(['contact_updated']);
    const [none] = await contactActivityAs('reporter', { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`], limit: 0 });
    expect(none?.rapportActivity).toEqual([]);
  });

  it("reads organization IDs as the organizations' names, a deleted one as such", async () => {
    const [northwind] = await handle.db.insert(organizations).values({ groupId: acmeId, name: 'Named Org' }).returning();
    const [contact] = await handle.db.insert(contacts).values({ groupId: acmeId, firstName: 'Nia', lastName: 'Named', email: 'nia.named@example.com' }).returning();
    await handle.db.insert(auditEvents).values({
      targetType: 'CustomerRelations::Contact',
      targetId: contact!.id,
      groupId: acmeId,
      action: 'contact_updated',
      changes: { organizationId: { before: 999_999, after: northwind!.id }, phone: { before: null, after: '1' } },
    });
    const [node] = await contactActivityAs('reporter', { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`] });
    const response = await postGraphQL<{ group: { contacts: { nodes: { rapportActivity: { changes: { field: string; text: string | null }[] }[] }[] } } }>(
      `query($ids: [CustomerRelationsContactID!]) { group(fullPath: "acme") { contacts(ids: $ids) { nodes { rapportActivity { changes { field text } } } } } }`,
      { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`] },
      { headers: await tokenHeaders(handle.db, 'reporter') },
    );
    expect(node?.rapportActivity[0]?.changes).toContainEqual({ field: 'organizationId', value: `{"after":${northwind!.id},"before":999999}` });
    expect(response.data?.group.contacts.nodes[0]?.rapportActivity[0]?.changes).toEqual([
      { field: 'phone', text: '{"after":"1","before":null}' },
      { field: 'organizationId', text: '{"after":"Named Org","before":"a deleted organization"}' },
    ]);
  });

  it("shows issue link and unlink events on the contact, with who did it, only to readers of the issue's project", async () => {
    const [contact] = await handle.db.insert(contacts).values({ groupId: acmeId, firstName: 'Lina', lastName: 'Linked', email: 'lina.linked@example.com' }).returning();
    const contactId = `gid://gitlab/CustomerRelations::Contact/${contact!.id}`;
    const setContacts = (operationMode: string) =>
      postGraphQL<{ issueSetCrmContacts: { errors: string[] } }>(
        'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }',
        { input: { projectPath: 'acme/website', iid: '1', contactIds: [contactId], operationMode } },
        { headers: tokenHeadersFor.developer },
      );
    const tokenHeadersFor = { developer: await tokenHeaders(handle.db, 'developer') };
    expect((await setContacts('APPEND')).data?.issueSetCrmContacts.errors).toEqual([]);
    expect((await setContacts('REMOVE')).data?.issueSetCrmContacts.errors).toEqual([]);
    const [node] = await contactActivityAs('reporter', { ids: [contactId] });
    const [project] = await handle.db.select().from(projects).where(eq(projects.fullPath, 'acme/website'));
    const issueChange = (value: string) => [
      { field: 'issue', value },
      { field: 'issueId', value: expect.any(String) as string },
      { field: 'projectId', value: String(project!.id) },
    ];
    const byField = (changes: { field: string }[]) => [...changes].sort((a, b) => a.field.localeCompare(b.field));
    expect(node?.rapportActivity.map(({ action, actor, changes }) => ({ action, actor, changes: byField(changes) }))).toEqual([
      { action: 'contact_removed_from_issue', actor: { username: 'developer' }, changes: issueChange('acme/website#1') },
      { action: 'contact_added_to_issue', actor: { username: 'developer' }, changes: issueChange('acme/website#1') },
    ]);

    // An event about an issue of a project the reader cannot read stays hidden.
    const [hidden] = await handle.db.select().from(projects).where(eq(projects.fullPath, 'globex/portal'));
    await handle.db.insert(auditEvents).values({
      targetType: 'CustomerRelations::Contact',
      targetId: contact!.id,
      groupId: acmeId,
      action: 'contact_added_to_issue',
      changes: { issueId: 1, projectId: hidden!.id, issue: 'globex/portal#1' },
    });
    const [again] = await contactActivityAs('reporter', { ids: [contactId] });
    expect(again?.rapportActivity).toHaveLength(2);
  });

  it.each([
    [-1, "Argument 'first' must be a non-negative integer"],
    [maxActivityEvents + 1, `Argument 'first' must be at most ${maxActivityEvents}`],
  ])('refuses first: %i with an argument error naming it, instead of clamping', async (limit, message) => {
    const [contact] = await handle.db.insert(contacts).values({ groupId: acmeId, firstName: 'Range', lastName: 'Check', email: `range.check.${Math.abs(limit)}@example.com` }).returning();
    const response = await postGraphQL(contactActivityQuery, { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`], limit }, {
      headers: await tokenHeaders(handle.db, 'reporter'),
    });
    expect(response.errors?.map((error) => [error.message, error.path?.join('.')])).toEqual([[message, 'group.contacts.nodes.0.rapportActivity']]);
  });

  it("shows an organization's events and nothing to a guest", async () => {
    const [organization] = await handle.db.insert(organizations).values({ groupId: acmeId, name: 'Audit Org' }).returning();
    await handle.db.insert(auditEvents).values({
      actorId: await userId(handle.db, 'owner'),
      groupId: acmeId,
      action: 'organization_created',
      targetType: 'CustomerRelations::Organization',
      targetId: organization!.id,
      changes: { name: 'Audit Org' },
    });
    const variables = { ids: [`gid://gitlab/CustomerRelations::Organization/${organization!.id}`] };
    const reporter = await postGraphQL<{ group: { organizations: { nodes: ActivityNode[] } } }>(organizationActivityQuery, variables, {
      headers: await tokenHeaders(handle.db, 'reporter'),
    });
    expect(reporter.data?.group.organizations.nodes[0]?.rapportActivity).toEqual([
      { action: 'organization_created', actor: { username: 'owner' }, changes: [{ field: 'name', value: 'Audit Org' }] },
    ]);
    const guest = await postGraphQL<{ group: { organizations: { nodes: ActivityNode[] } | null } }>(organizationActivityQuery, variables, {
      headers: await tokenHeaders(handle.db, 'guest'),
    });
    expect(guest.data?.group.organizations?.nodes ?? []).toEqual([]);
  });

  it('costs the same number of statements for 2 contacts as for 40 (no N+1)', async () => {
    const headers = await tokenHeaders(handle.db, 'developer');
    // Every contact has an event with an actor, so both pages load activity and actors.
    const all = await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.groupId, acmeId));
    const actorId = await userId(handle.db, 'maintainer');
    await handle.db.insert(auditEvents).values(
      all.map((contact) => ({ actorId, groupId: acmeId, action: 'contact_updated', targetType: 'CustomerRelations::Contact', targetId: contact.id })),
    );
    const statementsFor = async (first: number) => {
      const { result, statements } = await countWarmStatements(() =>
        postGraphQL<{ group: { contacts: { nodes: ActivityNode[] } } }>(contactActivityQuery, { first }, { headers }),
      );
      expect(result.data?.group.contacts.nodes).toHaveLength(first);
      return statements.length;
    };
    // The page, the events with their actors; authentication and the group's access facts are cached.
    expect(await statementsFor(2)).toBe(2);
    expect(await statementsFor(40)).toBe(2);
  });

  it('keeps audit rows of a deleted record out of reach (they stay in the log)', async () => {
    const [contact] = await handle.db
      .insert(contacts)
      .values({ groupId: acmeId, firstName: 'Gone', lastName: 'Soon', email: 'gone.soon@example.com' })
      .returning();
    await handle.db.delete(contacts).where(eq(contacts.id, contact!.id));
    expect(await contactActivityAs('owner', { ids: [`gid://gitlab/CustomerRelations::Contact/${contact!.id}`] })).toEqual([]);
  });
});
