import type { Database } from '../db/client';
import { organizationTiers } from '../db/schema/crm';
import { projects } from '../db/schema/groups';
import { issueContacts, issues } from '../db/schema/issues';
import { groupId, insertContact, insertOrganization, unique } from '../crm/fixtures/crm-test-helpers';
import { toGlobalId } from '../graphql/global-id';
import { userId } from '../testing/graphql-client';

/**
 * A hand-built project of `acme` for the customer weight tests: tiers, revenues and important
 * flags are inserted directly (their own API is another feature). Issues #1–#6, in id order:
 *
 *   #1  a1, a2 (A; a1 important)   1 org   1000        1 important   tier 1
 *   #2  b1, d1 (B, D)              2 orgs  1500        0             tier 2
 *   #3  c1 (C)                     1 org   no revenue  0             no tier
 *   #4  none                       0 orgs  no revenue  0             no tier
 *   #5  n1, b1 (none, B; both important) 1 org 500     2             tier 2
 *   #6  a1, b1 (A, B)              2 orgs  1500        0             tier 1
 *
 * A: tier 1, 1000 · B: tier 2, 500 · C: no tier, no revenue · D: tier 3, 1000.
 */
export interface CustomerWeightFixture {
  projectPath: string;
  /** As `RapportCustomerTier` shows them. */
  tiers: { id: string; name: string; position: number }[];
  contacts: Record<'a1' | 'a2' | 'b1' | 'c1' | 'd1' | 'n1', number>;
  issueIds: number[];
}

export async function createCustomerWeightFixture(db: Database, path: string): Promise<CustomerWeightFixture> {
  const acmeId = await groupId(db, 'acme');
  const tiers = [1, 2, 3].map((position) => ({ groupId: acmeId, name: unique(`Tier ${position}`), position }));
  const [tier1, tier2, tier3] = await db.insert(organizationTiers).values(tiers).returning();
  const organization = (tierId: number | null, annualRevenue: string | null) => insertOrganization(db, { groupId: acmeId, tierId, annualRevenue });
  const a = await organization(tier1!.id, '1000');
  const b = await organization(tier2!.id, '500');
  const c = await organization(null, null);
  const d = await organization(tier3!.id, '1000');
  const contact = async (organizationId: number | null) => (await insertContact(db, { groupId: acmeId, organizationId })).id;
  const contacts = { a1: await contact(a.id), a2: await contact(a.id), b1: await contact(b.id), c1: await contact(c.id), d1: await contact(d.id), n1: await contact(null) };

  const [project] = await db
    .insert(projects)
    .values({ groupId: acmeId, path, name: path, fullPath: `acme/${path}`, lastIssueIid: 6 })
    .returning();
  const authorId = await userId(db, 'reporter');
  const rows = await db
    .insert(issues)
    .values([1, 2, 3, 4, 5, 6].map((iid) => ({ projectId: project!.id, iid, title: `Weighted issue ${iid}`, authorId })))
    .returning({ id: issues.id });
  const issueIds = rows.map((row) => row.id).sort((x, y) => x - y);
  const links: [number, keyof typeof contacts, boolean][] = [
    [0, 'a1', true],
    [0, 'a2', false],
    [1, 'b1', false],
    [1, 'd1', false],
    [2, 'c1', false],
    [4, 'n1', true],
    [4, 'b1', true],
    [5, 'a1', false],
    [5, 'b1', false],
  ];
  await db.insert(issueContacts).values(links.map(([issue, name, important]) => ({ issueId: issueIds[issue]!, contactId: contacts[name], important })));
  const shownTiers = [tier1!, tier2!, tier3!].map(({ id, name, position }) => ({ id: toGlobalId('Rapport::CustomerTier', id), name, position }));
  return { projectPath: `acme/${path}`, tiers: shownTiers, contacts, issueIds };
}
