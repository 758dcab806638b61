import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations } from '../db/schema/crm';
import { groups, projects } from '../db/schema/groups';
import { issueContacts, issues, timelogs } from '../db/schema/issues';
import { toGlobalId } from '../graphql/global-id';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { currentMonth, reportPeriod } from './customer-report-service';

let handle: DatabaseHandle;
let groupId: number;
const orgIds: Record<'alpha' | 'beta' | 'gamma', number> = { alpha: 0, beta: 0, gamma: 0 };

const hours = (count: number) => count * 3600;
const at = (iso: string) => new Date(iso);

/**
 * A hand-computed fixture in March 2025, in a project of its own:
 * - issue 1 (Alpha only): opened 03-05, closed 03-20; 2h on 03-10, −30m on 03-11, 1h on 02-28 (outside);
 * - issue 2 (Alpha and Beta, so split in two): opened in January; 3h on 03-15, 4h on 04-01 (outside);
 * - issue 3 (Gamma, plus a contact without organization): opened 03-31 23:00; 1h at 03-31 23:30, 1h at 04-01 00:00 (outside).
 */
beforeAll(async () => {
  handle = await createSeededAppDatabase();
  const db = handle.db;
  const [acme] = await db.select().from(groups).where(eq(groups.fullPath, 'acme'));
  groupId = acme!.id;
  const [project] = await db.insert(projects).values({ groupId, path: 'billing', name: 'Billing', fullPath: 'acme/billing', lastIssueIid: 3 }).returning();
  const [alpha, beta, gamma] = await db
    .insert(organizations)
    .values([
      { groupId, name: 'Report Alpha', defaultRate: '100' },
      { groupId, name: 'Report Beta', defaultRate: '50.5' },
      { groupId, name: 'Report Gamma', defaultRate: null },
    ])
    .returning();
  Object.assign(orgIds, { alpha: alpha!.id, beta: beta!.id, gamma: gamma!.id });
  const [a1, b1, c1, loose] = await db
    .insert(contacts)
    .values([
      { groupId, organizationId: alpha!.id, firstName: 'Ann', lastName: 'Alpha', email: 'ann@report-alpha.example' },
      { groupId, organizationId: beta!.id, firstName: 'Ben', lastName: 'Beta', email: 'ben@report-beta.example' },
      { groupId, organizationId: gamma!.id, firstName: 'Gia', lastName: 'Gamma', email: 'gia@report-gamma.example' },
      { groupId, organizationId: null, firstName: 'Lou', lastName: 'Loose', email: 'lou@nowhere.example' },
    ])
    .returning();
  const authorId = await userId(db, 'reporter');
  const [one, two, three] = await db
    .insert(issues)
    .values([
      { projectId: project!.id, iid: 1, title: 'Alpha only', authorId, createdAt: at('2025-03-05T10:00:00Z'), state: 'closed', closedAt: at('2025-03-20T10:00:00Z') },
      { projectId: project!.id, iid: 2, title: 'Alpha and Beta', authorId, createdAt: at('2025-01-10T10:00:00Z') },
      { projectId: project!.id, iid: 3, title: 'Gamma', authorId, createdAt: at('2025-03-31T23:00:00Z') },
    ])
    .returning();
  await db.insert(issueContacts).values([
    { issueId: one!.id, contactId: a1!.id },
    { issueId: two!.id, contactId: a1!.id },
    { issueId: two!.id, contactId: b1!.id },
    { issueId: three!.id, contactId: c1!.id },
    { issueId: three!.id, contactId: loose!.id },
  ]);
  const log = (issueId: number, timeSpent: number, spentAt: string, summary: string | null = null) => ({ issueId, userId: authorId, timeSpent, spentAt: at(spentAt), summary });
  await db.insert(timelogs).values([
    log(one!.id, hours(2), '2025-03-10T09:00:00Z', 'Setup'),
    log(one!.id, -1800, '2025-03-11T09:00:00Z'),
    log(one!.id, hours(1), '2025-02-28T23:59:59Z'),
    log(two!.id, hours(3), '2025-03-15T09:00:00Z', 'Shared work'),
    log(two!.id, hours(4), '2025-04-01T09:00:00Z'),
    log(three!.id, hours(1), '2025-03-31T23:30:00Z'),
    log(three!.id, hours(1), '2025-04-01T00:00:00Z'),
  ]);
});

afterAll(async () => {
  await handle.close();
});

const reportQuery = /* GraphQL */ `
  query ($from: String, $to: String) {
    group(fullPath: "acme") {
      rapportCustomerReport(from: $from, to: $to) {
        from to
        organizations { organizationId name defaultRate linkedIssues issuesOpened issuesClosed timeSpent hours billableAmount sharedIssues }
        totals { linkedIssues issuesOpened issuesClosed hours billableAmount sharedIssues }
      }
    }
  }
`;

interface ReportRow {
  organizationId: string;
  name: string;
  hours: number;
  billableAmount: number | null;
  [field: string]: unknown;
}
type ReportData = { group: { rapportCustomerReport: { from: string; to: string; organizations: ReportRow[]; totals: Record<string, number> } | null } | null };

async function reportAs(username: string, variables: Record<string, unknown>) {
  return postGraphQL<ReportData>(reportQuery, variables, { headers: await tokenHeaders(handle.db, username) });
}

const march = { from: '2025-03-01', to: '2025-03-31' };

describe('Group.rapportCustomerReport', () => {
  it('matches the hand-computed figures, splitting a shared issue and leaving out time outside the period', async () => {
    const response = await reportAs('reporter', march);
    expect(response.errors).toBeUndefined();
    const report = response.data!.group!.rapportCustomerReport!;
    expect(report).toMatchObject(march);
    const byName = new Map(report.organizations.map((row) => [row.name, row]));
    expect(byName.get('Report Alpha')).toEqual({
      organizationId: toGlobalId('CustomerRelations::Organization', orgIds.alpha),
      name: 'Report Alpha',
      defaultRate: 100,
      linkedIssues: 2,
      issuesOpened: 1,
      issuesClosed: 1,
      timeSpent: hours(1.5) + hours(1.5),
      hours: 3,
      billableAmount: 300,
      sharedIssues: 1,
    });
    expect(byName.get('Report Beta')).toMatchObject({ defaultRate: 50.5, linkedIssues: 1, issuesOpened: 0, issuesClosed: 0, hours: 1.5, billableAmount: 75.75, sharedIssues: 1 });
    expect(byName.get('Report Gamma')).toMatchObject({ defaultRate: null, linkedIssues: 1, issuesOpened: 1, issuesClosed: 0, hours: 1, billableAmount: null, sharedIssues: 0 });
    // Only the fixture's issues have time in March 2025.
    expect(report.totals).toMatchObject({ hours: 5.5, billableAmount: 375.75, sharedIssues: 2 });
    expect(report.organizations.filter((row) => row.hours !== 0).map((row) => row.name)).toEqual(['Report Alpha', 'Report Beta', 'Report Gamma']);
  });

  it('answers the drill-down of one organization: its issues (with their share) and the timelogs of the period', async () => {
    const query = /* GraphQL */ `
      query ($id: CustomerRelationsOrganizationID!, $from: String, $to: String) {
        group(fullPath: "acme") {
          rapportCustomerReportOrganization(organizationId: $id, from: $from, to: $to) {
            organization { name } hours billableAmount
            issues { iid title webUrl organizationCount hours }
            timelogs { timeSpent summary userName issueIid }
          }
        }
      }
    `;
    const response = await postGraphQL<{ group: { rapportCustomerReportOrganization: unknown } }>(
      query,
      { id: toGlobalId('CustomerRelations::Organization', orgIds.alpha), ...march },
      { headers: await tokenHeaders(handle.db, 'reporter') },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.group.rapportCustomerReportOrganization).toEqual({
      organization: { name: 'Report Alpha' },
      hours: 3,
      billableAmount: 300,
      issues: [
        { iid: '2', title: 'Alpha and Beta', webUrl: '/acme/billing/-/issues/2', organizationCount: 2, hours: 1.5 },
        { iid: '1', title: 'Alpha only', webUrl: '/acme/billing/-/issues/1', organizationCount: 1, hours: 1.5 },
      ],
      timelogs: [
        { timeSpent: hours(3), summary: 'Shared work', userName: 'Rosa Reporter', issueIid: '2' },
        { timeSpent: -1800, summary: null, userName: 'Rosa Reporter', issueIid: '1' },
        { timeSpent: hours(2), summary: 'Setup', userName: 'Rosa Reporter', issueIid: '1' },
      ],
    });
  });

  it.each(['planner', 'guest', 'outsider'])('is null for a %s', async (username) => {
    const response = await reportAs(username, march);
    expect(response.data?.group?.rapportCustomerReport ?? null).toBeNull();
  });

  it.each([
    [{ from: '2025-03-31', to: '2025-03-01' }, 'The period ends before it starts: to (2025-03-01) must be on or after from (2025-03-31)'],
    [{ from: '2020-01-01', to: '2025-01-01' }, 'The period spans more than 5 years: choose a shorter range'],
    [{ from: '2025-02-30', to: '2025-03-01' }, 'from is not a valid date (YYYY-MM-DD): "2025-02-30"'],
    [{ from: '2025-03-01', to: 'soon' }, 'to is not a valid date (YYYY-MM-DD): "soon"'],
  ])('refuses the period %j with a clear message', async (period, message) => {
    const response = await reportAs('reporter', period);
    expect(response.errors?.map((error) => error.message)).toEqual([message]);
  });

  it('takes this month by default and accepts exactly five years less a day', async () => {
    expect(reportPeriod({}, at('2026-02-14T10:00:00Z'))).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(currentMonth(at('2024-02-29T23:59:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    const response = await reportAs('reporter', { from: '2020-01-01', to: '2024-12-31' });
    expect(response.errors).toBeUndefined();
  });

  // A fixed number of statements (the group, the access facts not cached, the report), none per organization.
  it('runs the same statements for 3 organizations and for 40 more', async () => {
    const headers = await tokenHeaders(handle.db, 'reporter');
    const run = () => postGraphQL<ReportData>(reportQuery, march, { headers });
    const before = await countWarmStatements(run);
    await handle.db.insert(organizations).values(Array.from({ length: 40 }, (_, index) => ({ groupId, name: `Report filler ${index}`, defaultRate: '10' })));
    const after = await countWarmStatements(run);
    expect(after.result.data?.group?.rapportCustomerReport?.organizations.length).toBe((before.result.data?.group?.rapportCustomerReport?.organizations.length ?? 0) + 40);
    expect(after.statements).toHaveLength(before.statements.length);
    expect(before.statements.length).toBeLessThanOrEqual(3);
  });

  it("shows an organization's hours and amount of this month, with statements constant in the organizations listed", async () => {
    const [two] = await handle.db.select().from(issues).where(eq(issues.title, 'Alpha and Beta'));
    await handle.db.insert(timelogs).values({ issueId: two!.id, userId: await userId(handle.db, 'reporter'), timeSpent: hours(2), spentAt: new Date() });
    const query = /* GraphQL */ `
      query ($first: Int) {
        group(fullPath: "acme") {
          organizations(first: $first, search: "Report") { nodes { name rapportBillingThisMonth { from to hours billableAmount } } }
        }
      }
    `;
    type Data = { group: { organizations: { nodes: { name: string; rapportBillingThisMonth: { from: string; to: string; hours: number; billableAmount: number | null } | null }[] } } };
    const headers = await tokenHeaders(handle.db, 'reporter');
    const one = await countWarmStatements(() => postGraphQL<Data>(query, { first: 1 }, { headers }));
    const many = await countWarmStatements(() => postGraphQL<Data>(query, { first: 50 }, { headers }));
    expect(many.result.errors).toBeUndefined();
    const byName = new Map(many.result.data!.group.organizations.nodes.map((node) => [node.name, node.rapportBillingThisMonth]));
    expect(byName.get('Report Alpha')).toEqual({ ...currentMonth(), hours: 1, billableAmount: 100 });
    expect(byName.get('Report Beta')).toEqual({ ...currentMonth(), hours: 1, billableAmount: 50.5 });
    expect(byName.get('Report Gamma')).toEqual({ ...currentMonth(), hours: 0, billableAmount: null });
    expect(many.result.data!.group.organizations.nodes.length).toBeGreaterThan(10);
    expect(many.statements).toHaveLength(one.statements.length);

    const asPlanner = await postGraphQL<Data>(query, { first: 1 }, { headers: await tokenHeaders(handle.db, 'planner') });
    expect(asPlanner.data?.group.organizations.nodes[0]?.rapportBillingThisMonth).toBeNull();
  });
});
