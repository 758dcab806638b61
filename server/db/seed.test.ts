import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords';
import { createTestDatabase } from '../testing/test-database';
import type { DatabaseHandle } from './client';
import { contacts, organizations } from './schema/crm';
import { groupCrmSettings, groups, members, projects } from './schema/groups';
import { issueContacts, issues, notes } from './schema/issues';
import { users } from './schema/users';
import { seedDemoData } from './seed';
import { demoPassword } from './seed-data';

let handle: DatabaseHandle;

async function count(table: Parameters<DatabaseHandle['db']['$count']>[0], where?: Parameters<DatabaseHandle['db']['$count']>[1]) {
  return Number(await handle.db.$count(table, where));
}

async function groupId(fullPath: string): Promise<number> {
  const [row] = await handle.db.select({ id: groups.id }).from(groups).where(eq(groups.fullPath, fullPath));
  if (!row) throw new Error(`group ${fullPath} missing`);
  return row.id;
}

async function projectRow(fullPath: string) {
  const [row] = await handle.db.select().from(projects).where(eq(projects.fullPath, fullPath));
  if (!row) throw new Error(`project ${fullPath} missing`);
  return row;
}

/** Drizzle wraps driver errors in DrizzleQueryError; the PostgreSQL error is its `cause`. */
async function expectUniqueViolation(work: Promise<unknown>, constraint: string): Promise<void> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a unique violation on ${constraint}`).toBeInstanceOf(Error);
  const cause = (error as { cause?: { code?: string; constraint?: string } }).cause;
  expect(cause?.code).toBe('23505');
  expect(cause?.constraint).toBe(constraint);
}

describe('seedDemoData', () => {
  beforeAll(async () => {
    handle = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
  });

  it('creates the demo data once, and does nothing the second time', async () => {
    expect(await seedDemoData(handle.db)).toEqual({ created: true });
    const before = { users: await count(users), contacts: await count(contacts), issues: await count(issues) };
    expect(await seedDemoData(handle.db)).toEqual({ created: false });
    expect({ users: await count(users), contacts: await count(contacts), issues: await count(issues) }).toEqual(before);
  }, 120_000);

  it('creates users at every role with the demo password', async () => {
    const rows = await handle.db.select().from(users);
    expect(rows.map((u) => u.username).sort()).toEqual(
      ['admin', 'developer', 'guest', 'maintainer', 'outsider', 'owner', 'planner', 'reporter'].sort(),
    );
    const admin = rows.find((u) => u.username === 'admin');
    expect(admin?.admin).toBe(true);
    expect(rows.filter((u) => u.admin)).toHaveLength(1);
    expect(await verifyPassword(admin!.passwordHash, demoPassword)).toBe(true);

    const acme = await groupId('acme');
    const levels = await handle.db
      .select({ username: users.username, accessLevel: members.accessLevel })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.groupId, acme));
    expect(Object.fromEntries(levels.map((l) => [l.username, l.accessLevel]))).toEqual({
      owner: 50,
      maintainer: 40,
      developer: 30,
      reporter: 20,
      planner: 15,
      guest: 10,
    });
    const globexMembers = await handle.db
      .select({ username: users.username, accessLevel: members.accessLevel })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.groupId, await groupId('globex')));
    expect(globexMembers).toEqual([{ username: 'outsider', accessLevel: 30 }]);
  });

  it('creates the group tree, projects and CRM settings', async () => {
    const acme = await groupId('acme');
    const [support] = await handle.db.select().from(groups).where(eq(groups.fullPath, 'acme/support'));
    expect(support?.parentId).toBe(acme);
    expect((await projectRow('acme/website')).groupId).toBe(acme);
    expect((await projectRow('acme/support/helpdesk')).groupId).toBe(support?.id);
    await projectRow('globex/portal');
    const settings = await handle.db.select().from(groupCrmSettings);
    expect(settings).toHaveLength(2);
    expect(settings.every((s) => s.enabled && s.sourceGroupId === null)).toBe(true);
  });

  it('meets the minimum counts', async () => {
    const acme = await groupId('acme');
    const globex = await groupId('globex');
    expect(await count(organizations, eq(organizations.groupId, acme))).toBeGreaterThanOrEqual(12);
    expect(await count(organizations, and(eq(organizations.groupId, acme), eq(organizations.state, 'inactive')))).toBeGreaterThanOrEqual(1);
    expect(await count(contacts, eq(contacts.groupId, acme))).toBeGreaterThanOrEqual(55);
    expect(await count(contacts, and(eq(contacts.groupId, acme), eq(contacts.state, 'inactive')))).toBeGreaterThanOrEqual(5);
    expect(await count(organizations, eq(organizations.groupId, globex))).toBe(3);
    expect(await count(contacts, eq(contacts.groupId, globex))).toBeGreaterThanOrEqual(8);

    const website = await projectRow('acme/website');
    const helpdesk = await projectRow('acme/support/helpdesk');
    const acmeIssues = (await count(issues, eq(issues.projectId, website.id))) + (await count(issues, eq(issues.projectId, helpdesk.id)));
    expect(acmeIssues).toBeGreaterThanOrEqual(24);
    expect(await count(issues, eq(issues.state, 'closed'))).toBeGreaterThanOrEqual(3);
    expect(await count(issues, and(eq(issues.state, 'closed'), sql`${issues.closedAt} is null`))).toBe(0);
    expect(await count(issues, and(eq(issues.state, 'opened'), sql`${issues.closedAt} is not null`))).toBe(0);
  });

  it('numbers issues from 1 per project and records the last iid', async () => {
    for (const fullPath of ['acme/website', 'acme/support/helpdesk', 'globex/portal']) {
      const project = await projectRow(fullPath);
      const iids = (await handle.db.select({ iid: issues.iid }).from(issues).where(eq(issues.projectId, project.id)))
        .map((r) => r.iid)
        .sort((a, b) => a - b);
      expect(iids).toEqual(iids.map((_, index) => index + 1));
      expect(project.lastIssueIid).toBe(iids.length);
    }
  });

  it('links issue 1 of acme/website to at least 2 active contacts of acme, with notes', async () => {
    const website = await projectRow('acme/website');
    const [issue] = await handle.db.select().from(issues).where(and(eq(issues.projectId, website.id), eq(issues.iid, 1)));
    expect(issue).toBeDefined();
    const linked = await handle.db
      .select({ state: contacts.state, groupId: contacts.groupId, important: issueContacts.important, note: issueContacts.requestNote })
      .from(issueContacts)
      .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
      .where(eq(issueContacts.issueId, issue!.id));
    expect(linked.length).toBeGreaterThanOrEqual(2);
    expect(linked.every((c) => c.state === 'active' && c.groupId === website.groupId)).toBe(true);
    // A customer request marked important, so the requests page has something to show.
    expect(linked.filter((c) => c.important && c.note)).toHaveLength(1);

    const issueNotes = await handle.db
      .select({ body: notes.body, system: notes.system, author: users.username })
      .from(notes)
      .innerJoin(users, eq(users.id, notes.authorId))
      .where(eq(notes.issueId, issue!.id));
    expect(issueNotes.filter((n) => !n.system).length).toBeGreaterThanOrEqual(2);
    expect(issueNotes).toContainEqual({ body: 'added 2 contacts', system: true, author: 'developer' });
  });

  it('links issues only to contacts of their CRM group', async () => {
    const contactGroups = alias(groups, 'contact_groups');
    const rows = await handle.db
      .select({ projectPath: projects.fullPath, contactGroupPath: contactGroups.fullPath })
      .from(issueContacts)
      .innerJoin(issues, eq(issues.id, issueContacts.issueId))
      .innerJoin(projects, eq(projects.id, issues.projectId))
      .innerJoin(contacts, eq(contacts.id, issueContacts.contactId))
      .innerJoin(contactGroups, eq(contactGroups.id, contacts.groupId));
    // No CRM source groups are set, so an issue's CRM group is its project's root group.
    for (const row of rows) expect(row.contactGroupPath).toBe(row.projectPath.split('/')[0]);
    expect(await count(issueContacts)).toBeGreaterThanOrEqual(6);
  });

  it('enforces the unique constraints on the seeded data', async () => {
    const acme = await groupId('acme');
    const [existing] = await handle.db.select().from(contacts).where(eq(contacts.groupId, acme)).limit(1);
    await expectUniqueViolation(
      handle.db.insert(contacts).values({ groupId: acme, firstName: 'Dup', lastName: 'Licate', email: existing!.email!.toUpperCase() }),
      'crm_contacts_group_email_idx',
    );

    const [org] = await handle.db.select().from(organizations).where(eq(organizations.groupId, acme)).limit(1);
    await expectUniqueViolation(
      handle.db.insert(organizations).values({ groupId: acme, name: org!.name.toLowerCase() }),
      'crm_organizations_group_name_idx',
    );

    await expectUniqueViolation(
      handle.db.insert(users).values({ username: 'ADMIN', name: 'Another admin', email: 'someone@example.com', passwordHash: 'x' }),
      'users_username_lower_idx',
    );

    // The same email is fine in another group.
    const globex = await groupId('globex');
    const inserted = await handle.db
      .insert(contacts)
      .values({ groupId: globex, firstName: 'Dup', lastName: 'Licate', email: existing!.email!.toUpperCase() })
      .returning({ id: contacts.id });
    expect(inserted).toHaveLength(1);
    await handle.db.delete(contacts).where(eq(contacts.id, inserted[0]!.id));
  });
});
