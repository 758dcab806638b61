import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, queryAs, tokenHeaders } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { createCustomerWeightFixture, type CustomerWeightFixture } from './customer-weight-fixture';

let handle: DatabaseHandle;
let fixture: CustomerWeightFixture;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  fixture = await createCustomerWeightFixture(handle.db, 'weights');
});

afterAll(async () => {
  await handle.close();
});

interface Page {
  nodes: { iid: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const listQuery = /* GraphQL */ `
  query ($fullPath: ID!, $sort: IssueSort, $first: Int, $last: Int, $after: String, $before: String, $customerTier: String) {
    project(fullPath: $fullPath) {
      issues(sort: $sort, first: $first, last: $last, after: $after, before: $before, customerTier: $customerTier) {
        count
        nodes { iid }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

async function listPage(username: string, variables: Record<string, unknown>): Promise<Page & { count: number }> {
  const { data, errors } = await queryAs<{ project: { issues: Page & { count: number } } }>(handle.db, username, listQuery, {
    fullPath: fixture.projectPath,
    ...variables,
  });
  expect(errors).toBeUndefined();
  return data!.project.issues;
}

const iids = (page: Page) => page.nodes.map((node) => Number(node.iid));

/** Every page of two forward, then every page of two backward from the end: both must give the whole order. */
async function pagedBothWays(sort: string): Promise<{ forward: number[]; backward: number[] }> {
  const forward: number[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await listPage('reporter', { sort, first: 2, after });
    forward.push(...iids(page));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backward: number[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await listPage('reporter', { sort, last: 2, before });
    backward.unshift(...iids(page));
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  return { forward, backward };
}

// Orders of the fixture (customer-weight-fixture.ts): ties by id desc, NULLs last both ways.
const expectedOrders: Record<string, number[]> = {
  CUSTOMER_COUNT_DESC: [6, 2, 5, 3, 1, 4],
  CUSTOMER_COUNT_ASC: [4, 5, 3, 1, 6, 2],
  CUSTOMER_REVENUE_DESC: [6, 2, 1, 5, 4, 3],
  CUSTOMER_REVENUE_ASC: [5, 1, 6, 2, 4, 3],
  IMPORTANT_REQUESTS_DESC: [5, 1, 6, 4, 3, 2],
  IMPORTANT_REQUESTS_ASC: [6, 4, 3, 2, 1, 5],
  CUSTOMER_TIER_DESC: [6, 1, 5, 2, 4, 3],
  CUSTOMER_TIER_ASC: [5, 2, 6, 1, 4, 3],
};

describe('customer weight sorts', () => {
  it.each(Object.entries(expectedOrders))('%s orders by weight, ties newest first, NULLs last', async (sort, expected) => {
    const page = await listPage('reporter', { sort, first: 20 });
    expect(iids(page)).toEqual(expected);
    expect(page.count).toBe(6);
  });

  it.each(Object.entries(expectedOrders))('%s pages forward and backward across pages of two', async (sort, expected) => {
    const { forward, backward } = await pagedBothWays(sort);
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });

  it('falls back to the newest first for people who may not read issue contacts (guests)', async () => {
    const page = await listPage('guest', { sort: 'IMPORTANT_REQUESTS_DESC', first: 20 });
    expect(iids(page)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('also sort group.issues', async () => {
    const { data, errors } = await queryAs<{ group: { issues: Page } }>(
      handle.db,
      'reporter',
      `query ($tier: String) { group(fullPath: "acme") { issues(sort: CUSTOMER_TIER_DESC, customerTier: $tier, first: 20) { nodes { iid } } } }`,
      { tier: fixture.tiers[1]!.name },
    );
    expect(errors).toBeUndefined();
    expect(iids(data!.group.issues)).toEqual([6, 5, 2]);
  });
});

describe('the customerTier filter', () => {
  it('lists the issues with a linked organization in the tier, by name, case-insensitively', async () => {
    const tier2 = fixture.tiers[1]!.name;
    expect(iids(await listPage('reporter', { customerTier: tier2, first: 20 }))).toEqual([6, 5, 2]);
    const upper = await listPage('reporter', { customerTier: tier2.toUpperCase(), first: 20 });
    expect(iids(upper)).toEqual([6, 5, 2]);
    expect(upper.count).toBe(3);
    expect(iids(await listPage('reporter', { customerTier: fixture.tiers[2]!.name, first: 20 }))).toEqual([2]);
  });

  it('finds nothing for an unknown tier', async () => {
    expect(iids(await listPage('reporter', { customerTier: 'No such tier', first: 20 }))).toEqual([]);
  });

  it('is ignored, like the contact and organization filters, for people who may not read issue contacts', async () => {
    const guest = await listPage('guest', { customerTier: fixture.tiers[1]!.name, first: 20 });
    expect(iids(guest)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(guest.count).toBe(6);
  });

  it('ignores an empty tier', async () => {
    expect(iids(await listPage('reporter', { customerTier: '', first: 20 }))).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

const weightQuery = /* GraphQL */ `
  query ($fullPath: ID!, $first: Int) {
    project(fullPath: $fullPath) {
      issues(first: $first, sort: CREATED_ASC) {
        nodes {
          iid
          customerWeight { organizationCount annualRevenue importantRequestCount highestTier { id name position } }
          rapportCustomerRequests { important note contact { id firstName organization { name } } }
        }
      }
    }
  }
`;

interface WeightData {
  project: {
    issues: {
      nodes: {
        iid: string;
        customerWeight: {
          organizationCount: number;
          annualRevenue: number | null;
          importantRequestCount: number;
          highestTier: { id: string; name: string; position: number } | null;
        } | null;
        rapportCustomerRequests: { important: boolean; note: string | null; contact: { id: string } }[] | null;
      }[];
    };
  };
}

describe('Issue.customerWeight', () => {
  it('counts each organization once, sums their revenue and finds the best tier', async () => {
    const { data, errors } = await queryAs<WeightData>(handle.db, 'reporter', weightQuery, { fullPath: fixture.projectPath, first: 6 });
    expect(errors).toBeUndefined();
    const [tier1, tier2] = fixture.tiers;
    expect(data!.project.issues.nodes.map((node) => node.customerWeight)).toEqual([
      { organizationCount: 1, annualRevenue: 1000, importantRequestCount: 1, highestTier: tier1 },
      { organizationCount: 2, annualRevenue: 1500, importantRequestCount: 0, highestTier: tier2 },
      { organizationCount: 1, annualRevenue: null, importantRequestCount: 0, highestTier: null },
      { organizationCount: 0, annualRevenue: null, importantRequestCount: 0, highestTier: null },
      { organizationCount: 1, annualRevenue: 500, importantRequestCount: 2, highestTier: tier2 },
      { organizationCount: 2, annualRevenue: 1500, importantRequestCount: 0, highestTier: tier1 },
    ]);
    const first = data!.project.issues.nodes[0]!.rapportCustomerRequests!;
    expect(first.map((request) => [request.contact.id.split('/').pop(), request.important])).toEqual([
      [String(fixture.contacts.a1), true],
      [String(fixture.contacts.a2), false],
    ]);
  });

  it('is hidden from people who may not read issue contacts', async () => {
    const { data } = await queryAs<WeightData>(handle.db, 'guest', weightQuery, { fullPath: fixture.projectPath, first: 6 });
    expect(data!.project.issues.nodes.every((node) => node.customerWeight === null)).toBe(true);
    expect(data!.project.issues.nodes.every((node) => node.rapportCustomerRequests?.length === 0)).toBe(true);
  });

  // The issues; their weights (one statement); their requests with contacts (one); the contacts'
  // organizations (one, batched). Access facts are cached.
  it('loads in the same number of statements for 1 and for 6 issues', async () => {
    const headers = await tokenHeaders(handle.db, 'reporter');
    const statementsFor = async (first: number) => {
      const { result, statements } = await countWarmStatements(() =>
        postGraphQL<WeightData>(weightQuery, { fullPath: fixture.projectPath, first }, { headers }),
      );
      expect(result.data?.project.issues.nodes).toHaveLength(first);
      return statements;
    };
    const one = await statementsFor(1);
    const six = await statementsFor(6);
    expect(six).toHaveLength(one.length);
    expect(one.length).toBeLessThanOrEqual(4);
  });

  it('sorted lists stay at the same statement count too', async () => {
    const headers = await tokenHeaders(handle.db, 'reporter');
    const statementsFor = async (first: number) =>
      (
        await countWarmStatements(() =>
          postGraphQL(listQuery.replace('nodes { iid }', 'nodes { iid customerWeight { organizationCount } }'), { fullPath: fixture.projectPath, sort: 'CUSTOMER_REVENUE_DESC', first }, { headers }),
        )
      ).statements;
    expect(await statementsFor(6)).toHaveLength((await statementsFor(1)).length);
  });
});

const requestsPageQuery = /* GraphQL */ `
  query ($perTier: Int) {
    group(fullPath: "acme") {
      rapportCustomerRequests(perTier: $perTier) {
        tier { __typename id name position organizationCount }
        issues { iid title customerWeight { importantRequestCount } rapportCustomerRequests { important contact { organization { name } } } }
      }
    }
  }
`;

interface RequestsPageData {
  group: {
    rapportCustomerRequests: { tier: { __typename: string; id: string; name: string; position: number; organizationCount: null } | null; issues: { iid: string; title: string }[] }[] | null;
  };
}

describe('Group.rapportCustomerRequests', () => {
  /** The fixture's issues in each tier group (other projects of acme have requests too). */
  function fixtureIssuesByTier(data: RequestsPageData | null | undefined) {
    return data!.group.rapportCustomerRequests!.map(({ tier, issues }) => ({
      tier: tier?.name ?? null,
      iids: issues.filter((issue) => issue.title.startsWith('Weighted issue')).map((issue) => Number(issue.iid)),
    }));
  }

  it('groups open issues by their best tier, best first, then those without a tier', async () => {
    const { data, errors } = await queryAs<RequestsPageData>(handle.db, 'reporter', requestsPageQuery);
    expect(errors).toBeUndefined();
    const groups = fixtureIssuesByTier(data);
    const [tier1, tier2] = fixture.tiers;
    // Tier 1: #1 (1 important) before #6; tier 2: #5 (2 important) before #2; no tier: #3 (#4 has no contact).
    expect(groups.find((group) => group.tier === tier1!.name)?.iids).toEqual([1, 6]);
    expect(groups.find((group) => group.tier === tier2!.name)?.iids).toEqual([5, 2]);
    expect(groups.at(-1)).toEqual({ tier: null, iids: expect.arrayContaining([3]) });
    expect(groups.findIndex((group) => group.tier === tier1!.name)).toBeLessThan(groups.findIndex((group) => group.tier === tier2!.name));
    // The organizations' tier type, uncounted here.
    const shown = data!.group.rapportCustomerRequests!.find((group) => group.tier?.name === tier1!.name)?.tier;
    expect(shown).toEqual({ __typename: 'RapportCustomerTier', ...tier1, organizationCount: null });
  });

  it('keeps at most perTier issues of each tier', async () => {
    const { data } = await queryAs<RequestsPageData>(handle.db, 'reporter', requestsPageQuery, { perTier: 1 });
    expect(data!.group.rapportCustomerRequests!.every((group) => group.issues.length === 1)).toBe(true);
    const refused = await queryAs<RequestsPageData>(handle.db, 'reporter', requestsPageQuery, { perTier: 51 });
    expect(refused.errors?.map((error) => error.message)).toEqual(["Argument 'perTier' must be at most 50"]);
  });

  it('is null for planners, who do not read customer reports', async () => {
    const { data } = await queryAs<RequestsPageData>(handle.db, 'planner', requestsPageQuery);
    expect(data!.group.rapportCustomerRequests).toBeNull();
  });

  it('loads in the same number of statements for 1 and for 50 issues per tier', async () => {
    const headers = await tokenHeaders(handle.db, 'reporter');
    const statementsFor = async (perTier: number) => (await countWarmStatements(() => postGraphQL(requestsPageQuery, { perTier }, { headers }))).statements;
    expect(await statementsFor(50)).toHaveLength((await statementsFor(1)).length);
  });
});

describe('cursors of another sort', () => {
  it.each([
    ['TITLE_ASC', 'CUSTOMER_COUNT_DESC'],
    ['TITLE_ASC', 'CREATED_DESC'],
    ['CUSTOMER_COUNT_DESC', 'UPDATED_ASC'],
    ['CREATED_DESC', 'CUSTOMER_REVENUE_DESC'],
    ['CUSTOMER_REVENUE_DESC', 'IMPORTANT_REQUESTS_ASC'],
    ['CUSTOMER_COUNT_DESC', 'CUSTOMER_TIER_DESC'],
  ])('a %s cursor on a %s list is refused as a bad argument or read as a position, never a server error', async (from, to) => {
    const page = await listPage('reporter', { sort: from, first: 2 });
    const { errors } = await queryAs(handle.db, 'reporter', listQuery, { fullPath: fixture.projectPath, sort: to, first: 2, after: page.pageInfo.endCursor });
    for (const error of errors ?? []) expect(error.message).toBe("Please provide a valid cursor for 'after'");
  });

  it('refuses a forged cursor', async () => {
    const forged = Buffer.from('DC:T:["S:x","N:1"]').toString('base64');
    const { errors } = await queryAs(handle.db, 'reporter', listQuery, { fullPath: fixture.projectPath, sort: 'CUSTOMER_COUNT_DESC', first: 2, before: forged });
    expect(errors?.map((error) => error.message)).toEqual(["Please provide a valid cursor for 'before'"]);
  });
});
