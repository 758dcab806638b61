import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { organizationDomains, organizationTiers, organizations } from '../db/schema/crm';
import { toGlobalId } from '../graphql/global-id';
import { loadGroupOrganizations } from '../pages/crm-list-pages';
import { postGraphQL, userId } from '../testing/graphql-client';
import { pageViewer } from '../testing/roles';
import { countWarmStatements } from '../testing/statement-counts';
import { snapshotTables, changedTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';
import { auditEventsFor, contactRow, groupGid, groupId, headersFor, insertContact, insertOrganization, numericId, unique } from './fixtures/crm-test-helpers';

let handle: DatabaseHandle;
let maintainer: Record<string, string>;
let developer: Record<string, string>;
let acmeId: number;
let acmeGid: string;
let globexId: number;
let maintainerGid: string;
let outsiderGid: string;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  maintainer = await headersFor(handle.db, 'maintainer');
  developer = await headersFor(handle.db, 'developer');
  acmeId = await groupId(handle.db, 'acme');
  acmeGid = await groupGid(handle.db, 'acme');
  globexId = await groupId(handle.db, 'globex');
  maintainerGid = toGlobalId('User', await userId(handle.db, 'maintainer'));
  outsiderGid = toGlobalId('User', await userId(handle.db, 'outsider'));
});

afterAll(async () => {
  await handle.close();
});

const organizationFields = 'id name domains annualRevenue tier { id name position } accountOwner { username }';
const createOrganization = `mutation($input: CustomerRelationsOrganizationCreateInput!) {
  result: customerRelationsOrganizationCreate(input: $input) { organization { ${organizationFields} } errors } }`;
const updateOrganization = `mutation($input: CustomerRelationsOrganizationUpdateInput!) {
  result: customerRelationsOrganizationUpdate(input: $input) { organization { ${organizationFields} } errors } }`;
const createTier = `mutation($input: RapportCustomerTierCreateInput!) { result: rapportCustomerTierCreate(input: $input) { tier { id name position } errors } }`;
const updateTier = `mutation($input: RapportCustomerTierUpdateInput!) { result: rapportCustomerTierUpdate(input: $input) { tier { id name position } errors } }`;
const deleteTier = `mutation($input: RapportCustomerTierDeleteInput!) { result: rapportCustomerTierDelete(input: $input) { errors } }`;
const updateCurrency = `mutation($input: RapportCrmCurrencyUpdateInput!) { result: rapportCrmCurrencyUpdate(input: $input) { currency errors } }`;
const createContact = `mutation($input: CustomerRelationsContactCreateInput!) {
  result: customerRelationsContactCreate(input: $input) { contact { id organization { id name } } errors } }`;
const assignByDomain = `mutation($input: RapportContactsAssignByDomainInput!) { result: rapportContactsAssignByDomain(input: $input) {
  dryRun errors assignments { contact { id email } organization { id name } } ambiguous { contact { id email } organizations { name } } } }`;

interface OrganizationPayload {
  id: string;
  name: string;
  domains: string[];
  annualRevenue: number | null;
  tier: { id: string; name: string; position: number } | null;
  accountOwner: { username: string } | null;
}
type Result<T> = { result: T & { errors: string[] } };

async function call<T>(document: string, input: Record<string, unknown>, headers = maintainer) {
  const response = await postGraphQL<Result<T>>(document, { input }, { headers });
  expect(response.errors).toBeUndefined();
  return response.data!.result;
}

async function newTier(name = unique('Tier')) {
  const { tier, errors } = await call<{ tier: { id: string; name: string; position: number } }>(createTier, { groupId: acmeGid, name });
  expect(errors).toEqual([]);
  return tier;
}

async function tierNames(): Promise<string[]> {
  const response = await postGraphQL<{ group: { rapportCustomerTiers: { name: string }[] } }>(
    'query { group(fullPath: "acme") { rapportCustomerTiers { name position } } }',
    {},
    { headers: developer },
  );
  return response.data!.group.rapportCustomerTiers.map((tier) => tier.name);
}

describe('organization attributes through create and update', () => {
  it('sets domains (normalized), tier, annual revenue and account owner on create, and records them', async () => {
    const tier = await newTier();
    const domain = `${unique('create')}.example`;
    const { organization, errors } = await call<{ organization: OrganizationPayload }>(createOrganization, {
      groupId: acmeGid,
      name: unique('Attributes'),
      domains: [` @${domain.toUpperCase()} `, `eu.${domain}`, domain],
      tierId: tier.id,
      annualRevenue: 1250000.5,
      accountOwnerId: maintainerGid,
    });
    expect(errors).toEqual([]);
    expect(organization).toMatchObject({
      domains: [domain, `eu.${domain}`].sort(),
      annualRevenue: 1250000.5,
      tier: { id: tier.id, name: tier.name },
      accountOwner: { username: 'maintainer' },
    });
    const [event] = await auditEventsFor(handle.db, 'CustomerRelations::Organization', numericId(organization.id));
    expect(event?.changes).toMatchObject({ domains: [domain, `eu.${domain}`].sort(), annualRevenue: '1250000.50', tierId: numericId(tier.id) });
  });

  it('changes and clears each attribute on update', async () => {
    const tier = await newTier();
    const organization = await insertOrganization(handle.db, { groupId: acmeId });
    const id = toGlobalId('CustomerRelations::Organization', organization.id);
    const domain = `${unique('update')}.example`;
    const set = await call<{ organization: OrganizationPayload }>(updateOrganization, {
      id,
      domains: [domain],
      tierId: tier.id,
      annualRevenue: 10,
      accountOwnerId: maintainerGid,
    });
    expect(set.errors).toEqual([]);
    expect(set.organization).toMatchObject({ domains: [domain], annualRevenue: 10, tier: { name: tier.name }, accountOwner: { username: 'maintainer' } });
    const cleared = await call<{ organization: OrganizationPayload }>(updateOrganization, { id, domains: [], tierId: null, annualRevenue: null, accountOwnerId: null });
    expect(cleared.errors).toEqual([]);
    expect(cleared.organization).toMatchObject({ domains: [], annualRevenue: null, tier: null, accountOwner: null });
    const events = await auditEventsFor(handle.db, 'CustomerRelations::Organization', organization.id);
    expect(events.map((event) => Object.keys(event.changes as object).sort())).toEqual([
      ['accountOwnerId', 'annualRevenue', 'domains', 'tierId'],
      ['accountOwnerId', 'annualRevenue', 'domains', 'tierId'],
    ]);
  });

  it('leaves the domains alone when the update does not give them', async () => {
    const organization = await insertOrganization(handle.db, { groupId: acmeId });
    const domain = `${unique('kept')}.example`;
    await handle.db.insert(organizationDomains).values({ groupId: acmeId, organizationId: organization.id, domain });
    const { organization: updated } = await call<{ organization: OrganizationPayload }>(updateOrganization, {
      id: toGlobalId('CustomerRelations::Organization', organization.id),
      annualRevenue: 5,
    });
    expect(updated.domains).toEqual([domain]);
  });
});

describe('bad input: a field error and nothing written', () => {
  const taken = `${unique('taken')}.example`;
  const ownerName = unique('Acme Owner');
  let owner: { id: number; name: string };
  let globexTier: number;

  beforeAll(async () => {
    owner = await insertOrganization(handle.db, { groupId: acmeId, name: ownerName });
    await handle.db.insert(organizationDomains).values({ groupId: acmeId, organizationId: owner.id, domain: taken });
    const [row] = await handle.db.insert(organizationTiers).values({ groupId: globexId, name: 'Globex Gold', position: 1 }).returning();
    globexTier = row!.id;
  });

  const cases: [string, () => Record<string, unknown>, string][] = [
    ['a domain with a space', () => ({ domains: ['acme .com'] }), 'Domain acme .com is not a valid domain (like example.com)'],
    ['a domain with a scheme', () => ({ domains: ['https://acme.com'] }), 'Domain https://acme.com is not a valid domain (like example.com)'],
    ['a domain with a path', () => ({ domains: ['acme.com/about'] }), 'Domain acme.com/about is not a valid domain (like example.com)'],
    ['a domain without a dot', () => ({ domains: ['localhost'] }), 'Domain localhost is not a valid domain (like example.com)'],
    ['a domain over 253 characters', () => ({ domains: [`${'a'.repeat(60)}.`.repeat(4) + 'example.com'] }), 'is not a valid domain'],
    ['a domain another organization has', () => ({ domains: [taken.toUpperCase()] }), `Domain ${taken} is already used by organization ${ownerName}`],
    ['a negative revenue', () => ({ annualRevenue: -1 }), 'Annual revenue must be greater than or equal to 0'],
    ['a revenue with 3 decimals', () => ({ annualRevenue: 1.005 }), 'Annual revenue must have at most 2 decimal places'],
    ['an unknown tier', () => ({ tierId: toGlobalId('Rapport::CustomerTier', 999999) }), 'Tier does not exist or does not belong to this group'],
    ["another group's tier", () => ({ tierId: toGlobalId('Rapport::CustomerTier', globexTier) }), 'Tier does not exist or does not belong to this group'],
    ['an account owner who is not a member', () => ({ accountOwnerId: outsiderGid }), 'Account owner must be a member of the group'],
    ['an unknown account owner', () => ({ accountOwnerId: toGlobalId('User', 999999) }), 'Account owner must be a member of the group'],
  ];

  it.each(cases)('refuses %s on create', async (_name, input, message) => {
    const before = await snapshotTables(handle.db);
    const { organization, errors } = await call<{ organization: unknown }>(createOrganization, { groupId: acmeGid, name: unique('Refused'), ...input() });
    expect(organization).toBeNull();
    expect(errors.join('\n')).toContain(message);
    expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);
  });

  it.each(cases)('refuses %s on update', async (_name, input, message) => {
    const target = await insertOrganization(handle.db, { groupId: acmeId });
    const before = await snapshotTables(handle.db);
    const { errors } = await call<{ organization: unknown }>(updateOrganization, { id: toGlobalId('CustomerRelations::Organization', target.id), ...input() });
    expect(errors.join('\n')).toContain(message);
    expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);
  });

  it('lets an organization keep its own domain', async () => {
    const { errors } = await call<{ organization: OrganizationPayload }>(updateOrganization, {
      id: toGlobalId('CustomerRelations::Organization', owner.id),
      domains: [taken, `www.${taken}`],
    });
    expect(errors).toEqual([]);
  });
});

describe('customer tiers and currency', () => {
  it('creates, renames, reorders and deletes tiers; deleting clears the tier from its organizations', async () => {
    const base = await tierNames();
    const a = await newTier(unique('A'));
    const b = await newTier(unique('B'));
    const c = await newTier(unique('C'));
    expect(await tierNames()).toEqual([...base, a.name, b.name, c.name]);

    const moved = await call<{ tier: { position: number } }>(updateTier, { id: c.id, position: 1, name: `${c.name} Plus` });
    expect(moved.errors).toEqual([]);
    expect(await tierNames()).toEqual([`${c.name} Plus`, ...base, a.name, b.name]);

    const organization = await insertOrganization(handle.db, { groupId: acmeId, tierId: numericId(a.id) });
    expect((await call<unknown>(deleteTier, { id: a.id })).errors).toEqual([]);
    expect(await tierNames()).toEqual([`${c.name} Plus`, ...base, b.name]);
    const [row] = await handle.db.select().from(organizations).where(eq(organizations.id, organization.id));
    expect(row?.tierId).toBeNull();
    const positions = await handle.db.select({ position: organizationTiers.position }).from(organizationTiers).where(eq(organizationTiers.groupId, acmeId));
    expect(positions.map((tier) => tier.position).sort((x, y) => x - y)).toEqual(positions.map((_, index) => index + 1));
  });

  it('refuses a duplicate name (any case), a blank one and a position out of range', async () => {
    const tier = await newTier();
    const before = await snapshotTables(handle.db);
    expect((await call<unknown>(createTier, { groupId: acmeGid, name: tier.name.toUpperCase() })).errors).toEqual(['Name has already been taken']);
    expect((await call<unknown>(createTier, { groupId: acmeGid, name: '  ' })).errors).toEqual(["Name can't be blank"]);
    const count = (await tierNames()).length;
    expect((await call<unknown>(updateTier, { id: tier.id, position: count + 1 })).errors).toEqual([`Position must be between 1 and ${count}`]);
    expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);
  });

  it('sets the currency, and refuses one that is not an ISO code', async () => {
    expect(await call<{ currency: string }>(updateCurrency, { groupId: acmeGid, currency: 'eur' })).toEqual({ currency: 'EUR', errors: [] });
    const response = await postGraphQL<{ group: { rapportCrmCurrency: string } }>('query { group(fullPath: "acme") { rapportCrmCurrency } }', {}, { headers: developer });
    expect(response.data?.group.rapportCrmCurrency).toBe('EUR');
    const refused = await call<{ currency: string | null }>(updateCurrency, { groupId: acmeGid, currency: 'Euro' });
    expect(refused).toEqual({ currency: null, errors: ['Currency must be a three-letter ISO 4217 code, like USD or EUR'] });
    await call(updateCurrency, { groupId: acmeGid, currency: 'USD' });
  });

  it('refuses Developers (Maintainers manage tiers)', async () => {
    const response = await postGraphQL(createTier, { input: { groupId: acmeGid, name: unique('Dev') } }, { headers: developer });
    expect(response.errors?.length).toBe(1);
  });
});

describe('sorting and filtering the organizations list', () => {
  const marker = unique('sortable');
  let ids: Record<string, number>;
  let gold: { id: string };

  beforeAll(async () => {
    gold = await newTier(unique('Gold'));
    const silver = await newTier(unique('Silver'));
    const make = (name: string, values: Partial<typeof organizations.$inferInsert>) =>
      insertOrganization(handle.db, { groupId: acmeId, name: `${marker} ${name}`, ...values }).then((row) => [name, row.id] as const);
    // One after the other: ties are broken by id, so gold-1 must get the lower one.
    const made = [];
    made.push(await make('gold-1', { tierId: numericId(gold.id), annualRevenue: '100' }));
    made.push(await make('gold-2', { tierId: numericId(gold.id), annualRevenue: '100', state: 'inactive' }));
    made.push(await make('silver', { tierId: numericId(silver.id), annualRevenue: '500' }));
    made.push(await make('none', {}));
    ids = Object.fromEntries(made);
  });

  async function names(sort: string, tierId?: string): Promise<string[]> {
    const response = await postGraphQL<{ group: { organizations: { nodes: { name: string }[] } } }>(
      `query($search: String, $sort: OrganizationSort, $tierId: RapportCustomerTierID) { group(fullPath: "acme") {
        organizations(search: $search, sort: $sort, tierId: $tierId, first: 2) { nodes { name } pageInfo { endCursor } } } }`,
      { search: marker, sort, tierId },
      { headers: developer },
    );
    expect(response.errors).toBeUndefined();
    const first = response.data!.group.organizations.nodes.map((node) => node.name.replace(`${marker} `, ''));
    // The second page through the cursor: ties and NULLs keep their place across pages.
    const cursor = (response.data!.group.organizations as unknown as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const next = await postGraphQL<{ group: { organizations: { nodes: { name: string }[] } } }>(
      `query($search: String, $sort: OrganizationSort, $tierId: RapportCustomerTierID, $after: String) { group(fullPath: "acme") {
        organizations(search: $search, sort: $sort, tierId: $tierId, first: 10, after: $after) { nodes { name } } } }`,
      { search: marker, sort, tierId, after: cursor },
      { headers: developer },
    );
    return [...first, ...next.data!.group.organizations.nodes.map((node) => node.name.replace(`${marker} `, ''))];
  }

  it('sorts by tier (DESC: highest first), ties by id, organizations without a tier last both ways', async () => {
    expect(ids).toBeDefined();
    expect(await names('TIER_DESC')).toEqual(['gold-2', 'gold-1', 'silver', 'none']);
    expect(await names('TIER_ASC')).toEqual(['silver', 'gold-1', 'gold-2', 'none']);
  });

  it('sorts by annual revenue, NULLs last both ways', async () => {
    expect(await names('ANNUAL_REVENUE_DESC')).toEqual(['silver', 'gold-2', 'gold-1', 'none']);
    expect(await names('ANNUAL_REVENUE_ASC')).toEqual(['gold-1', 'gold-2', 'silver', 'none']);
  });

  it('filters by tier', async () => {
    expect(await names('NAME_ASC', gold.id)).toEqual(['gold-1', 'gold-2']);
  });

  it('counts the states with the same filters as the list: search and tier', async () => {
    const response = await postGraphQL<{ group: { organizationStateCounts: { all: number; active: number; inactive: number } } }>(
      `query($search: String, $tierId: RapportCustomerTierID) { group(fullPath: "acme") { organizationStateCounts(search: $search, tierId: $tierId) { all active inactive } } }`,
      { search: marker, tierId: gold.id },
      { headers: developer },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.group.organizationStateCounts).toEqual({ all: 2, active: 1, inactive: 1 });

    // The list page's tabs: the tier filter counts too.
    const viewer = await pageViewer(handle.db, 'developer');
    const filtered = await loadGroupOrganizations(viewer, 'acme', { search: marker, tier: String(numericId(gold.id)) });
    expect(filtered?.counts).toEqual({ all: 2, active: 1, inactive: 1 });
    expect(filtered?.rows.map((row) => row.name)).toEqual([`${marker} gold-1`]);
    const unfiltered = await loadGroupOrganizations(viewer, 'acme', { search: marker });
    expect(unfiltered?.counts).toEqual({ all: 4, active: 3, inactive: 1 });
  });
});

describe('domains link contacts to organizations', () => {
  it('gives a contact created without an organization the one its email domain (or parent domain) belongs to', async () => {
    const domain = `${unique('link')}.example`;
    const { organization } = await call<{ organization: OrganizationPayload }>(createOrganization, { groupId: acmeGid, name: unique('Linked'), domains: [domain] });
    for (const email of [`ann@${domain}`, `bob@EU.${domain.toUpperCase()}`]) {
      const { contact, errors } = await call<{ contact: { organization: { id: string } | null } }>(
        createContact,
        { groupId: acmeGid, firstName: 'Ann', lastName: 'Linked', email },
        developer,
      );
      expect(errors).toEqual([]);
      expect(contact.organization?.id).toBe(organization.id);
    }
    const other = await insertOrganization(handle.db, { groupId: acmeId });
    const { contact } = await call<{ contact: { organization: { id: string } | null } }>(
      createContact,
      { groupId: acmeGid, firstName: 'Chosen', lastName: 'Explicitly', email: `cy@${domain}`, organizationId: toGlobalId('CustomerRelations::Organization', other.id) },
      developer,
    );
    expect(contact.organization?.id).toBe(toGlobalId('CustomerRelations::Organization', other.id));
    const { contact: unmatched } = await call<{ contact: { organization: null } }>(
      createContact,
      { groupId: acmeGid, firstName: 'No', lastName: 'Match', email: `dee@${unique('nowhere')}.example` },
      developer,
    );
    expect(unmatched.organization).toBeNull();
  });

  it('previews, then assigns existing contacts by domain, leaving contacts that match two organizations alone', async () => {
    const parent = `${unique('assign')}.example`;
    const a = await insertOrganization(handle.db, { groupId: acmeId, name: unique('Parent Org') });
    const b = await insertOrganization(handle.db, { groupId: acmeId, name: unique('Child Org') });
    await handle.db.insert(organizationDomains).values([
      { groupId: acmeId, organizationId: a.id, domain: parent },
      { groupId: acmeId, organizationId: b.id, domain: `eu.${parent}` },
    ]);
    const single = await insertContact(handle.db, { groupId: acmeId, email: `one@${parent}` });
    const both = await insertContact(handle.db, { groupId: acmeId, email: `two@eu.${parent}` });
    const ownOrg = await insertContact(handle.db, { groupId: acmeId, email: `three@${parent}`, organizationId: b.id });

    type Plan = { dryRun: boolean; assignments: { contact: { id: string }; organization: { id: string } }[]; ambiguous: { contact: { id: string }; organizations: { name: string }[] }[] };
    const gid = (id: number) => toGlobalId('CustomerRelations::Contact', id);
    const mine = (plan: Plan) => ({
      assignments: plan.assignments.filter((entry) => [single.id, both.id, ownOrg.id].map(gid).includes(entry.contact.id)),
      ambiguous: plan.ambiguous.filter((entry) => [single.id, both.id, ownOrg.id].map(gid).includes(entry.contact.id)),
    });

    const before = await snapshotTables(handle.db);
    const preview = await call<Plan>(assignByDomain, { groupId: acmeGid, dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(mine(preview).assignments).toEqual([{ contact: { id: gid(single.id), email: single.email }, organization: { id: toGlobalId('CustomerRelations::Organization', a.id), name: a.name } }]);
    expect(mine(preview).ambiguous).toEqual([{ contact: { id: gid(both.id), email: both.email }, organizations: [{ name: b.name }, { name: a.name }].sort((x, y) => x.name.localeCompare(y.name)) }]);
    expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);

    const applied = await call<Plan>(assignByDomain, { groupId: acmeGid });
    expect(applied.dryRun).toBe(false);
    expect(mine(applied)).toEqual(mine(preview));
    expect((await contactRow(handle.db, single.id))?.organizationId).toBe(a.id);
    expect((await contactRow(handle.db, both.id))?.organizationId).toBeNull();
    expect((await contactRow(handle.db, ownOrg.id))?.organizationId).toBe(b.id);
    const events = await auditEventsFor(handle.db, 'CustomerRelations::Contact', single.id);
    expect(events.map((event) => [event.action, event.changes])).toEqual([['contact_updated', { organizationId: { before: null, after: a.id } }]]);
    expect(await auditEventsFor(handle.db, 'CustomerRelations::Contact', both.id)).toEqual([]);

    const again = await call<Plan>(assignByDomain, { groupId: acmeGid });
    expect(mine(again).assignments).toEqual([]);
  });

  it('is refused to Developers', async () => {
    const response = await postGraphQL(assignByDomain, { input: { groupId: acmeGid, dryRun: true } }, { headers: developer });
    expect(response.errors?.length).toBe(1);
  });
});

describe('SQL statements for a page of organizations with their attributes', () => {
  it('are constant in the page size (domains, tiers and owners are batched)', async () => {
    const tier = await newTier();
    const owner = await userId(handle.db, 'maintainer');
    for (let index = 0; index < 12; index += 1) {
      const row = await insertOrganization(handle.db, { groupId: acmeId, tierId: numericId(tier.id), accountOwnerId: owner, annualRevenue: String(index) });
      await handle.db.insert(organizationDomains).values({ groupId: acmeId, organizationId: row.id, domain: `${unique('count')}.example` });
    }
    const statementsFor = async (first: number) => {
      const { result, statements } = await countWarmStatements(() =>
        postGraphQL<{ group: { organizations: { nodes: unknown[] } } }>(
          `query($first: Int) { group(fullPath: "acme") { organizations(first: $first, sort: TIER_DESC) { nodes { ${organizationFields} } } } }`,
          { first },
          { headers: developer },
        ),
      );
      expect(result.data?.group.organizations.nodes).toHaveLength(first);
      return statements.length;
    };
    const small = await statementsFor(2);
    expect(small).toBe(4);
    expect(await statementsFor(12)).toBe(small);
  });
});
