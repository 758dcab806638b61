import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import type { Database } from './client';
import { contacts, organizationDomains, organizations, organizationTiers } from './schema/crm';
import { accessLevels, groupCrmSettings, groups, members, projects } from './schema/groups';
import { issueContacts, issues, notes } from './schema/issues';
import { users } from './schema/users';
import {
  acmeContacts,
  demoCurrencies,
  demoPassword,
  demoTiers,
  acmeOrganizations,
  demoUsers,
  globexContacts,
  globexOrganizations,
  helpdeskIssues,
  portalIssues,
  websiteIssues,
  type DemoContact,
  type DemoOrganization,
} from './seed-data';

function emailFor(contact: DemoContact, orgs: DemoOrganization[]): string {
  if (contact.email) return contact.email;
  const org = orgs.find((o) => o.name === contact.organization);
  if (!org) throw new Error(`Demo contact ${contact.firstName} ${contact.lastName} needs an email`);
  const local = `${contact.firstName}.${contact.lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();
  return `${local}@${org.domain}`;
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data refers to unknown ${what} "${key}"`);
  return value;
}

const hour = 60 * 60 * 1000;
const day = 24 * hour;

/**
 * Seeds the demo instance (SPEC §7): groups `acme` (with `acme/support`) and `globex`, users at every
 * role, organizations, contacts and issues with contacts. Does nothing when user `admin` exists.
 * Everything is written in one transaction with one bulk insert per table.
 */
export async function seedDemoData(db: Database): Promise<{ created: boolean }> {
  const adminExists = async (executor: Pick<Database, 'select'>) =>
    (await executor.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = 'admin'`).limit(1)).length > 0;

  if (await adminExists(db)) return { created: false };

  // argon2 is deliberately slow: hash once, share the hash.
  const passwordHash = await hashPassword(demoPassword);
  // Timestamps are relative to now so the demo looks recent; their offsets are fixed.
  const now = Date.now();

  return db.transaction(async (tx) => {
    if (await adminExists(tx)) return { created: false };

    // Users -------------------------------------------------------------------------------------
    const userRows = await tx
      .insert(users)
      .values(
        demoUsers.map((u) => ({
          username: u.username,
          name: u.name,
          email: `${u.username}@example.com`,
          passwordHash,
          admin: u.admin ?? false,
        })),
      )
      .returning({ id: users.id, username: users.username });
    const userIds = new Map(userRows.map((u) => [u.username, u.id]));

    // Groups (two inserts: the subgroup needs its parent's id) ------------------------------------
    const rootRows = await tx
      .insert(groups)
      .values([
        {
          path: 'acme',
          name: 'Acme Corp',
          fullPath: 'acme',
          description: 'Acme Corp builds and supports websites for small and mid-sized businesses.',
        },
        { path: 'globex', name: 'Globex', fullPath: 'globex', description: 'Globex Corporation customer portal team.' },
      ])
      .returning({ id: groups.id, fullPath: groups.fullPath });
    const groupIds = new Map(rootRows.map((g) => [g.fullPath, g.id]));
    const acmeId = lookup(groupIds, 'acme', 'group');
    const globexId = lookup(groupIds, 'globex', 'group');

    const [support] = await tx
      .insert(groups)
      .values({
        parentId: acmeId,
        path: 'support',
        name: 'Support',
        fullPath: 'acme/support',
        description: 'Customer support team.',
      })
      .returning({ id: groups.id });
    if (!support) throw new Error('Could not create acme/support');

    await tx.insert(groupCrmSettings).values([
      { groupId: acmeId, enabled: true, sourceGroupId: null, currency: demoCurrencies.acme },
      { groupId: globexId, enabled: true, sourceGroupId: null, currency: demoCurrencies.globex },
    ]);
    const tierRows = await tx
      .insert(organizationTiers)
      .values([acmeId, globexId].flatMap((groupId) => demoTiers.map((name, index) => ({ groupId, name, position: index + 1 }))))
      .returning({ id: organizationTiers.id, groupId: organizationTiers.groupId, name: organizationTiers.name });
    const tierIds = new Map(tierRows.map((t) => [`${t.groupId}:${t.name}`, t.id]));

    // Projects ----------------------------------------------------------------------------------
    const projectSeeds = [
      { groupId: acmeId, path: 'website', name: 'Website', fullPath: 'acme/website', description: 'Public website and online shop.', issues: websiteIssues },
      { groupId: support.id, path: 'helpdesk', name: 'Helpdesk', fullPath: 'acme/support/helpdesk', description: 'Customer support requests.', issues: helpdeskIssues },
      { groupId: globexId, path: 'portal', name: 'Portal', fullPath: 'globex/portal', description: 'Customer portal.', issues: portalIssues },
    ];
    const projectRows = await tx
      .insert(projects)
      .values(
        projectSeeds.map(({ issues: projectIssues, ...p }) => ({ ...p, lastIssueIid: projectIssues.length })),
      )
      .returning({ id: projects.id, fullPath: projects.fullPath });
    const projectIds = new Map(projectRows.map((p) => [p.fullPath, p.id]));

    // Memberships -------------------------------------------------------------------------------
    await tx.insert(members).values(
      demoUsers.flatMap((u) => {
        const userId = lookup(userIds, u.username, 'user');
        const rows: { userId: number; groupId: number; accessLevel: number }[] = [];
        if (u.acmeRole) rows.push({ userId, groupId: acmeId, accessLevel: accessLevels[u.acmeRole] });
        if (u.globexRole) rows.push({ userId, groupId: globexId, accessLevel: accessLevels[u.globexRole] });
        return rows;
      }),
    );

    // Organizations -----------------------------------------------------------------------------
    const orgSeeds = [
      ...acmeOrganizations.map((o) => ({ groupId: acmeId, ...o })),
      ...globexOrganizations.map((o) => ({ groupId: globexId, ...o })),
    ];
    const orgRows = await tx
      .insert(organizations)
      .values(
        orgSeeds.map((o) => ({
          groupId: o.groupId,
          name: o.name,
          description: o.description ?? null,
          defaultRate: o.defaultRate ?? null,
          state: o.inactive ? ('inactive' as const) : ('active' as const),
          tierId: o.tier ? lookup(tierIds, `${o.groupId}:${o.tier}`, 'tier') : null,
          annualRevenue: o.annualRevenue ?? null,
          accountOwnerId: o.accountOwner ? lookup(userIds, o.accountOwner, 'user') : null,
        })),
      )
      .returning({ id: organizations.id, groupId: organizations.groupId, name: organizations.name });
    const orgIds = new Map(orgRows.map((o) => [`${o.groupId}:${o.name}`, o.id]));
    await tx.insert(organizationDomains).values(
      orgSeeds.map((o) => ({ groupId: o.groupId, organizationId: lookup(orgIds, `${o.groupId}:${o.name}`, 'organization'), domain: o.domain })),
    );

    // Contacts ----------------------------------------------------------------------------------
    const contactSeeds = [
      ...acmeContacts.map((c) => ({ ...c, groupId: acmeId, email: emailFor(c, acmeOrganizations) })),
      ...globexContacts.map((c) => ({ ...c, groupId: globexId, email: emailFor(c, globexOrganizations) })),
    ];
    const contactRows = await tx
      .insert(contacts)
      .values(
        contactSeeds.map((c, index) => ({
          groupId: c.groupId,
          organizationId: c.organization ? lookup(orgIds, `${c.groupId}:${c.organization}`, 'organization') : null,
          firstName: c.firstName,
          lastName: c.lastName,
          email: c.email,
          phone: c.phone ?? null,
          description: c.description ?? null,
          state: c.inactive ? ('inactive' as const) : ('active' as const),
          // Staggered so "newest first" views have a stable, plausible order.
          createdAt: new Date(now - 120 * day + index * 2 * hour),
          updatedAt: new Date(now - 120 * day + index * 2 * hour),
        })),
      )
      .returning({ id: contacts.id, groupId: contacts.groupId, email: contacts.email });
    const contactIds = new Map(contactRows.map((c) => [`${c.groupId}:${(c.email ?? '').toLowerCase()}`, c.id]));

    // Issues ------------------------------------------------------------------------------------
    const issueSeeds = projectSeeds.flatMap((p) =>
      p.issues.map((issue, index) => ({
        projectId: lookup(projectIds, p.fullPath, 'project'),
        crmGroupId: p.fullPath.startsWith('globex/') ? globexId : acmeId,
        iid: index + 1,
        ...issue,
      })),
    );
    const issueRows = await tx
      .insert(issues)
      .values(
        issueSeeds.map((issue) => {
          const createdAt = new Date(now - issue.daysAgo * day);
          const closedAt =
            issue.closedAfterDays === undefined ? null : new Date(createdAt.getTime() + issue.closedAfterDays * day);
          const lastNoteHours = Math.max(0, ...(issue.notes ?? []).map((n) => n.afterHours));
          const updatedAt = closedAt ?? new Date(Math.min(now, createdAt.getTime() + lastNoteHours * hour));
          return {
            projectId: issue.projectId,
            iid: issue.iid,
            title: issue.title,
            description: issue.description,
            state: closedAt ? ('closed' as const) : ('opened' as const),
            authorId: lookup(userIds, issue.author, 'user'),
            createdAt,
            updatedAt,
            closedAt,
          };
        }),
      )
      .returning({ id: issues.id, projectId: issues.projectId, iid: issues.iid, createdAt: issues.createdAt });
    const issueByKey = new Map(issueRows.map((i) => [`${i.projectId}:${i.iid}`, i]));

    // Issue contacts and notes ------------------------------------------------------------------
    const links: { issueId: number; contactId: number; createdAt: Date; important: boolean; requestNote: string | null }[] = [];
    const noteRows: { issueId: number; authorId: number; body: string; system: boolean; createdAt: Date }[] = [];
    for (const seed of issueSeeds) {
      const issue = lookup(issueByKey, `${seed.projectId}:${seed.iid}`, 'issue');
      const linkedAt = new Date(issue.createdAt.getTime() + 3 * hour);
      for (const email of seed.contacts ?? []) {
        const contactId = lookup(contactIds, `${seed.crmGroupId}:${email.toLowerCase()}`, 'contact');
        const request = seed.requests?.[email];
        links.push({ issueId: issue.id, contactId, createdAt: linkedAt, important: request?.important ?? false, requestNote: request?.note ?? null });
      }
      for (const note of seed.notes ?? []) {
        noteRows.push({
          issueId: issue.id,
          authorId: lookup(userIds, note.author, 'user'),
          body: note.body,
          system: note.system ?? false,
          createdAt: new Date(issue.createdAt.getTime() + note.afterHours * hour),
        });
      }
    }
    if (links.length > 0) await tx.insert(issueContacts).values(links);
    if (noteRows.length > 0) await tx.insert(notes).values(noteRows);

    return { created: true };
  });
}

/** Counts of what `seedDemoData` writes, for scripts and tests. */
export const demoDataSummary = {
  users: demoUsers.length,
  acme: { organizations: acmeOrganizations.length, contacts: acmeContacts.length },
  globex: { organizations: globexOrganizations.length, contacts: globexContacts.length },
  issues: { website: websiteIssues.length, helpdesk: helpdeskIssues.length, portal: portalIssues.length },
} as const;
