import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, type DatabaseHandle } from '../db/client';
import { contacts } from '../db/schema/crm';
import { groups } from '../db/schema/groups';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { contactFilterCondition } from './contact-repository';
import { groupId, headersFor, insertContact, unique } from './fixtures/crm-test-helpers';
import { maxSearchLength, maxSearchTerms, searchWithinLimits } from '../db/search-terms';

/**
 * The `search` argument is bounded (length and number of distinct terms) on every field that takes
 * it, refused with an error naming it before any SQL runs, and binds a fixed number of parameters
 * whatever the number of terms (one array for the terms), with the trigram index still serving it.
 */

let handle: DatabaseHandle;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  acmeId = await groupId(handle.db, 'acme');
});

afterAll(async () => {
  await handle.close();
});

const searchFields = {
  'Group.contacts (Reporter)': {
    caller: 'reporter',
    document: `query($search: String) { group(fullPath: "acme") { contacts(search: $search) { nodes { id } } } }`,
  },
  'Group.organizations (Reporter)': {
    caller: 'reporter',
    document: `query($search: String) { group(fullPath: "acme") { organizations(search: $search) { nodes { id } } } }`,
  },
  'Group.contactStateCounts (Reporter)': {
    caller: 'reporter',
    document: `query($search: String) { group(fullPath: "acme") { contactStateCounts(search: $search) { all } } }`,
  },
  'Group.organizationStateCounts (Reporter)': {
    caller: 'reporter',
    document: `query($search: String) { group(fullPath: "acme") { organizationStateCounts(search: $search) { all } } }`,
  },
  'Project.issues (Guest)': {
    caller: 'guest',
    document: `query($search: String) { project(fullPath: "acme/website") { issues(search: $search) { count nodes { id } } } }`,
  },
  'Group.issues (Guest)': {
    caller: 'guest',
    document: `query($search: String) { group(fullPath: "acme") { issues(search: $search, includeSubgroups: true) { count nodes { id } } } }`,
  },
  'Issue.rapportContactCandidates (Developer)': {
    caller: 'developer',
    document: `query($search: String) { project(fullPath: "acme/website") { issue(iid: "1") { rapportContactCandidates(search: $search) { id } } } }`,
  },
} as const;

type FieldName = keyof typeof searchFields;
const fieldNames = Object.keys(searchFields) as FieldName[];

async function search(field: FieldName, value: string) {
  const { caller, document } = searchFields[field];
  const headers = await headersFor(handle.db, caller);
  return countStatements(() => postGraphQL(document, { search: value }, { headers }));
}

const crmTables = /customer_relations_|"issues"/;

describe.each(fieldNames)('%s', (field) => {
  it(`refuses more than ${maxSearchLength} characters, naming the argument, before any search SQL`, async () => {
    const { result, statements } = await search(field, 'x'.repeat(maxSearchLength + 1));
    expect(result.status).toBe(200);
    expect(result.errors?.[0]?.message).toBe(`search is too long (maximum is ${maxSearchLength} characters)`);
    expect(statements.filter((statement) => crmTables.test(statement) && statement.includes('ilike'))).toEqual([]);
  });

  it(`refuses more than ${maxSearchTerms} distinct terms, naming the argument`, async () => {
    const terms = Array.from({ length: maxSearchTerms + 1 }, (_, index) => `t${index}`).join(' ');
    const { result } = await search(field, terms);
    expect(result.errors?.[0]?.message).toBe(`search has too many terms (maximum is ${maxSearchTerms})`);
  });

  it('counts repeated terms once (case-insensitively) and accepts the limit itself', async () => {
    const repeated = Array.from({ length: 300 }, (_, index) => (index % 2 === 0 ? 'a' : 'A')).join(' ');
    expect((await search(field, repeated)).result.errors).toBeUndefined();
    const atLimit = Array.from({ length: maxSearchTerms }, (_, index) => `t${index}`).join(' ');
    expect((await search(field, atLimit)).result.errors).toBeUndefined();
  });
});

describe('a search of 20,000 or 400,000 terms', () => {
  it.each([20_000, 400_000])('with %i terms is refused at once, without SQL, and the event loop keeps turning', async (count) => {
    const headers = await headersFor(handle.db, 'guest');
    // One letter a term, so even 400,000 terms fit in the 1 MiB body and reach the argument.
    const value = Array.from({ length: count }, (_, index) => String.fromCharCode(97 + (index % 26))).join(' ');
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const { result, statements } = await countStatements(() => postGraphQL(searchFields['Project.issues (Guest)'].document, { search: value }, { headers }));
    delay.disable();
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.message).toBe(`search is too long (maximum is ${maxSearchLength} characters)`);
    expect(statements.filter((statement) => statement.includes('ilike'))).toEqual([]);
    // Generous bounds for a shared machine; the unbounded search took minutes.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(delay.max / 1e6).toBeLessThan(1_000);
  });
});

describe('the statement', () => {
  it('binds at most three parameters for the search, however many terms', async () => {
    const tag = unique('bind');
    await insertContact(handle.db, { groupId: acmeId, firstName: 'Bound', lastName: tag, description: 'many terms here' });
    const terms = ['bound', tag, 'many', 'terms', 'here', '"terms here"', 'e', 'r', 'm', 'o', 'u', 'n'].join(' ');
    const { result, statements } = await search('Group.contacts (Reporter)', terms);
    expect(result.errors).toBeUndefined();
    expect((result.data as { group: { contacts: { nodes: unknown[] } } }).group.contacts.nodes).toHaveLength(1);
    const listStatement = statements.find((statement) => statement.includes('ilike'));
    const placeholders = new Set(listStatement?.match(/\$\d+/g));
    // The group id, the three search parameters and the page size.
    expect(placeholders.size).toBeLessThanOrEqual(5);
  });

  it('lets the trigram index serve a one-term search', async () => {
    // A few thousand contacts in a group of their own, so the planner weighs the index honestly.
    const path = unique('trigram');
    const [group] = await handle.db.insert(groups).values({ path, name: 'Trigram', fullPath: path }).returning({ id: groups.id });
    await handle.db.execute(
      `insert into customer_relations_contacts (group_id, first_name, last_name, email, description)
       select ${group!.id}, 'First' || i, 'Last' || md5(i::text), 'c' || i || '@example.com', 'About ' || md5((i * 7)::text)
         from generate_series(1, 4000) as i`,
    );
    await handle.db.execute('analyze customer_relations_contacts');
    // A table of a few thousand rows is cheapest read whole; without sequential scans, a condition
    // the trigram index could not serve would be read through another index.
    const plan = await handle.db.transaction(async (tx) => {
      await tx.execute('set local enable_seqscan = off');
      const result = await tx.execute(
        sql`explain select ${contacts.id} from ${contacts} where ${contactFilterCondition({ search: 'c4f1' })} order by ${contacts.lastName}, ${contacts.id} limit 20`,
      );
      return (result as unknown as { rows: Record<string, string>[] }).rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('crm_contacts_search_idx');
  });
});

describe('page search boxes', () => {
  it('cut a search to what the API accepts instead of failing', () => {
    const many = Array.from({ length: maxSearchTerms + 10 }, (_, index) => `t${index}`).join(' ');
    const cut = searchWithinLimits(many);
    expect(cut.trim().split(/\s+/)).toHaveLength(maxSearchTerms);
    expect(searchWithinLimits('x'.repeat(maxSearchLength + 5))).toHaveLength(maxSearchLength);
    expect(searchWithinLimits('"a b" a A "a b"')).toBe('"a b" a A "a b"');
  });
});
