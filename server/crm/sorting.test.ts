import { type SQL, asc, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations, organizationTiers } from '../db/schema/crm';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { contactSortFields } from './contact-repository';
import { groupId, headersFor, insertContact, insertOrganization, numericId, unique } from './fixtures/crm-test-helpers';
import { organizationSortFields } from './organization-repository';
import { sortEnumValues } from './sort-orders';

/**
 * Every ContactSort and OrganizationSort value, paged 7 at a time forwards and backwards, must give
 * exactly the order of a plain SQL ORDER BY (NULLs last both ways, ties broken by id in the sort's
 * direction). The expectation comes from the same database, so it holds under PGlite's and
 * PostgreSQL's different collations alike.
 */

let handle: DatabaseHandle;
let headers: Record<string, string>;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await headersFor(handle.db, 'developer');
  acmeId = await groupId(handle.db, 'acme');
  // Records that make ordering hard: ties on every key, NULLs, case, accents, spaces.
  const tiedOrganization = await insertOrganization(handle.db, { groupId: acmeId, name: 'aardvark consulting', defaultRate: '120.00' });
  const tiedContacts = [
    { firstName: 'Alice', lastName: 'Johnson', phone: '+1 206 555 0101', description: 'Head of e-commerce; main contact for the website.' },
    { firstName: 'alice', lastName: 'johnson', phone: null, description: null },
    { firstName: 'Émile', lastName: 'Zola', phone: '', description: '' },
    { firstName: 'Zed', lastName: 'Älvsborg', phone: '+1 206 555 0101', description: 'same phone as Alice' },
    { firstName: 'Same', lastName: 'Name', phone: null, description: 'tie' },
    { firstName: 'Same', lastName: 'Name', phone: null, description: 'tie' },
    { firstName: 'Space', lastName: 'Before', phone: '555', description: ' leading space' },
  ];
  for (const [index, fields] of tiedContacts.entries()) {
    await insertContact(handle.db, {
      groupId: acmeId,
      ...fields,
      phone: fields.phone || null,
      description: fields.description || null,
      organizationId: index % 2 === 0 ? tiedOrganization.id : null,
      // Equal timestamps on purpose: created/updated sorts must break the tie by id.
      createdAt: new Date('2024-01-01T00:00:00.123456Z'),
      updatedAt: new Date('2024-01-01T00:00:00.123456Z'),
    });
  }
  for (const fields of [
    { name: 'Zeta Tied', defaultRate: '120.00', description: 'Wholesale food importer. Enterprise plan, renews every January.' },
    { name: 'zeta lower', defaultRate: null, description: null },
    { name: 'Équipe', defaultRate: '0.00', description: null },
    { name: 'Tied Rate One', defaultRate: '95.50', description: 'tie' },
    { name: 'Tied Rate Two', defaultRate: '95.50', description: 'tie' },
    { name: 'Nulls Only', defaultRate: null, description: null },
  ]) {
    await insertOrganization(handle.db, {
      groupId: acmeId,
      ...fields,
      createdAt: new Date('2024-01-01T00:00:00Z'),
      updatedAt: new Date('2024-01-01T00:00:00Z'),
    });
  }
});

afterAll(async () => {
  await handle.close();
});

interface PageData {
  group: { list: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } };
}

function listDocument(field: 'contacts' | 'organizations', sortType: string): string {
  return /* GraphQL */ `
    query($sort: ${sortType}, $first: Int, $after: String, $last: Int, $before: String) {
      group(fullPath: "acme") {
        list: ${field}(sort: $sort, first: $first, after: $after, last: $last, before: $before) {
          nodes { id }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }
  `;
}

async function pageThrough(document: string, sort: string, direction: 'forward' | 'backward'): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const variables =
      direction === 'forward' ? { sort, first: 7, after: cursor } : { sort, last: 7, before: cursor };
    const response: { errors?: unknown; data?: PageData | null } = await postGraphQL<PageData>(document, variables, { headers });
    expect(response.errors).toBeUndefined();
    const { nodes, pageInfo } = response.data!.group.list;
    expect(nodes.length).toBeLessThanOrEqual(7);
    const pageIds = nodes.map((node) => numericId(node.id));
    if (direction === 'forward') {
      ids.push(...pageIds);
      if (!pageInfo.hasNextPage) return ids;
      cursor = pageInfo.endCursor;
    } else {
      ids.unshift(...pageIds);
      if (!pageInfo.hasPreviousPage) return ids;
      cursor = pageInfo.startCursor;
    }
  }
  throw new Error('paging did not end');
}

const orderBy = (key: SQL | AnyPgColumn, id: AnyPgColumn, direction: 'asc' | 'desc'): SQL[] => [
  sql`${key} ${sql.raw(direction)} nulls last`,
  direction === 'asc' ? asc(id) : desc(id),
];

const contactKeys: Record<string, SQL | AnyPgColumn> = {
  FIRST_NAME: contacts.firstName,
  LAST_NAME: contacts.lastName,
  EMAIL: contacts.email,
  PHONE: contacts.phone,
  DESCRIPTION: contacts.description,
  ORGANIZATION: organizations.name,
  CREATED: contacts.createdAt,
  UPDATED: contacts.updatedAt,
};

async function expectedContactIds(sort: string): Promise<number[]> {
  const [, field, direction] = /^(.*)_(ASC|DESC)$/i.exec(sort)!;
  const rows = await handle.db
    .select({ id: contacts.id })
    .from(contacts)
    .leftJoin(organizations, eq(organizations.id, contacts.organizationId))
    .where(eq(contacts.groupId, acmeId))
    .orderBy(...orderBy(contactKeys[field!.toUpperCase()]!, contacts.id, direction!.toLowerCase() as 'asc' | 'desc'));
  return rows.map((row) => row.id);
}

const organizationKeys: Record<string, SQL | AnyPgColumn> = {
  NAME: organizations.name,
  DESCRIPTION: organizations.description,
  DEFAULT_RATE: organizations.defaultRate,
  // Rapport only: DESC is the highest tier (position 1) first.
  TIER: sql`(select -${organizationTiers.position} from ${organizationTiers} where ${organizationTiers.id} = ${organizations.tierId})`,
  ANNUAL_REVENUE: organizations.annualRevenue,
  CREATED: organizations.createdAt,
  UPDATED: organizations.updatedAt,
};

async function expectedOrganizationIds(sort: string): Promise<number[]> {
  const [, field, direction] = /^(.*)_(ASC|DESC)$/i.exec(sort)!;
  const rows = await handle.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.groupId, acmeId))
    .orderBy(...orderBy(organizationKeys[field!.toUpperCase()]!, organizations.id, direction!.toLowerCase() as 'asc' | 'desc'));
  return rows.map((row) => row.id);
}

describe('ContactSort', () => {
  const values = Object.keys(sortEnumValues(contactSortFields));

  it('has every value of GitLab\'s enum, including SortEnum\'s and its deprecated lowercase ones', () => {
    expect(values.sort()).toEqual(
      [
        ...contactSortFields.flatMap((field) => [`${field.name}_ASC`, `${field.name}_DESC`]),
        'CREATED_ASC', 'CREATED_DESC', 'UPDATED_ASC', 'UPDATED_DESC',
        'created_asc', 'created_desc', 'updated_asc', 'updated_desc',
      ].sort(),
    );
  });

  it.each(values)('%s pages 7 at a time, both ways, in the full sorted order', async (sort) => {
    const expected = await expectedContactIds(sort);
    expect(expected.length).toBeGreaterThan(50);
    const document = listDocument('contacts', 'ContactSort');
    expect(await pageThrough(document, sort, 'forward')).toEqual(expected);
    expect(await pageThrough(document, sort, 'backward')).toEqual(expected);
  });
});

describe('OrganizationSort', () => {
  const values = Object.keys(sortEnumValues(organizationSortFields));

  it.each(values)('%s pages 7 at a time, both ways, in the full sorted order', async (sort) => {
    const expected = await expectedOrganizationIds(sort);
    expect(expected.length).toBeGreaterThan(14);
    const document = listDocument('organizations', 'OrganizationSort');
    expect(await pageThrough(document, sort, 'forward')).toEqual(expected);
    expect(await pageThrough(document, sort, 'backward')).toEqual(expected);
  });
});

describe('keyset cursors', () => {
  it('stay correct when rows are inserted between pages, for a timestamp sort', async () => {
    const document = listDocument('contacts', 'ContactSort');
    const first = await postGraphQL<PageData>(document, { sort: 'CREATED_DESC', first: 7 }, { headers });
    const page1 = first.data!.group.list;
    // Newer than everything: it sorts before the cursor and must not shift the next page.
    await insertContact(handle.db, { groupId: acmeId, lastName: unique('Newest') });
    const page2 = (await postGraphQL<PageData>(document, { sort: 'CREATED_DESC', first: 7, after: page1.pageInfo.endCursor }, { headers })).data!
      .group.list;
    const expected = await expectedContactIds('CREATED_DESC');
    const lastOfPage1 = expected.indexOf(numericId(page1.nodes.at(-1)!.id));
    expect(page2.nodes.map((node) => numericId(node.id))).toEqual(expected.slice(lastOfPage1 + 1, lastOfPage1 + 8));
  });

  const forge = (value: unknown, id: unknown = 1) => Buffer.from(JSON.stringify([0, value, id])).toString('base64url');

  it.each([
    ['CREATED_ASC', 'after', forge('not a time')],
    ['CREATED_ASC', 'before', forge('2024-13-01 00:00:00+00')],
    ['UPDATED_DESC', 'after', forge(42)],
    ['LAST_NAME_ASC', 'after', forge('nul\u0000byte')],
    ['LAST_NAME_ASC', 'after', forge('Smith', 2 ** 40)],
  ])('refuses a %s cursor for %s whose value does not fit the key, without a 500', async (sort, argument, cursor) => {
    const variables = argument === 'after' ? { sort, first: 7, after: cursor } : { sort, last: 7, before: cursor };
    const response = await postGraphQL(listDocument('contacts', 'ContactSort'), variables, { headers });
    expect(response.status).toBe(200);
    expect(response.errors?.map((error) => error.message)).toEqual([`Please provide a valid cursor for '${argument}'`]);
  });

  it('refuses a DEFAULT_RATE cursor that is not a number', async () => {
    const response = await postGraphQL(listDocument('organizations', 'OrganizationSort'), { sort: 'DEFAULT_RATE_ASC', first: 7, after: forge('1e5; drop') }, { headers });
    expect(response.errors?.map((error) => error.message)).toEqual(["Please provide a valid cursor for 'after'"]);
  });
});
