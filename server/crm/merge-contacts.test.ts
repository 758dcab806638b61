import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { contacts } from '../db/schema/crm';
import { issueContacts } from '../db/schema/issues';
import { resourceNotAvailableMessage } from '../errors';
import { toGlobalId } from '../graphql/global-id';
import { issueRow, linkedContactIdsOf, newIssue, notesOf } from '../issues/issue-test-helpers';
import { contactsMergedNote } from '../issues/system-notes';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { changedTables, snapshotTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';
import { groupId, insertContact, insertOrganization, unique } from './fixtures/crm-test-helpers';
import { duplicateNotFoundMessage, mergeWithItselfMessage } from './merge-contacts';

let handle: DatabaseHandle;
let acmeId: number;
let globexId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  acmeId = await groupId(handle.db, 'acme');
  globexId = await groupId(handle.db, 'globex');
});

afterAll(async () => {
  await handle.close();
});

const contactGid = (id: number) => toGlobalId('CustomerRelations::Contact', id);

const mergeMutation = /* GraphQL */ `
  mutation($input: RapportCustomerRelationsContactMergeInput!) {
    rapportCustomerRelationsContactMerge(input: $input) {
      clientMutationId errors
      contact { id firstName lastName email phone description organization { name } issues(first: 10) { nodes { id } } }
    }
  }
`;

interface MergeData {
  rapportCustomerRelationsContactMerge: {
    clientMutationId: string | null;
    errors: string[];
    contact: {
      id: string;
      email: string | null;
      phone: string | null;
      description: string | null;
      organization: { name: string } | null;
      issues: { nodes: { id: string }[] };
    } | null;
  } | null;
}

async function mergeAs(username: string, keptId: number | string, duplicateId: number | string) {
  return postGraphQL<MergeData>(
    mergeMutation,
    {
      input: {
        id: typeof keptId === 'number' ? contactGid(keptId) : keptId,
        duplicateId: typeof duplicateId === 'number' ? contactGid(duplicateId) : duplicateId,
        clientMutationId: 'm1',
      },
    },
    { headers: await tokenHeaders(handle.db, username) },
  );
}

async function contactExists(id: number) {
  return (await handle.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id))).length === 1;
}

async function link(issueId: number, contactId: number) {
  await handle.db.insert(issueContacts).values({ issueId, contactId });
}

describe('rapportCustomerRelationsContactMerge', () => {
  it('moves the links without duplicating them, notes each issue, fills only empty fields, deletes the other and audits once', async () => {
    const organization = await insertOrganization(handle.db, { groupId: acmeId });
    const kept = await insertContact(handle.db, { groupId: acmeId, firstName: 'Merle', lastName: unique('Kept'), phone: null, description: 'Keeps this' });
    const other = await insertContact(handle.db, {
      groupId: acmeId,
      firstName: 'Merle',
      lastName: unique('Other'),
      phone: '+1 555 0100',
      description: 'Loses this',
      organizationId: organization.id,
    });
    const maintainer = await tokenHeaders(handle.db, 'maintainer');
    const both = await newIssue(maintainer, 'acme/website', 'Both contacts');
    const onlyOther = await newIssue(maintainer, 'acme/website', 'Only the other');
    const onlyKept = await newIssue(maintainer, 'acme/website', 'Only the kept one');
    await link(both.dbId, kept.id);
    await link(both.dbId, other.id);
    await link(onlyOther.dbId, other.id);
    await link(onlyKept.dbId, kept.id);
    const untouchedBefore = await issueRow(handle.db, onlyKept.dbId);

    const response = await mergeAs('maintainer', kept.id, other.id);

    expect(response.errors).toBeUndefined();
    const payload = response.data!.rapportCustomerRelationsContactMerge!;
    expect(payload.errors).toEqual([]);
    expect(payload.clientMutationId).toBe('m1');
    expect(payload.contact).toMatchObject({
      id: contactGid(kept.id),
      email: kept.email,
      phone: '+1 555 0100',
      description: 'Keeps this',
      organization: { name: organization.name },
    });
    expect(payload.contact!.issues.nodes.map((issue) => issue.id).sort()).toEqual([both.id, onlyOther.id, onlyKept.id].sort());

    expect(await contactExists(other.id)).toBe(false);
    expect(await linkedContactIdsOf(handle.db, both.dbId)).toEqual([kept.id]);
    expect(await linkedContactIdsOf(handle.db, onlyOther.dbId)).toEqual([kept.id]);
    expect(await linkedContactIdsOf(handle.db, onlyKept.dbId)).toEqual([kept.id]);

    for (const issue of [both, onlyOther]) {
      expect((await notesOf(handle.db, issue.dbId, true)).map((note) => note.body)).toEqual([contactsMergedNote]);
      expect((await issueRow(handle.db, issue.dbId)).updatedAt.getTime()).toBeGreaterThan(untouchedBefore.updatedAt.getTime());
    }
    expect(await notesOf(handle.db, onlyKept.dbId, true)).toEqual([]);
    expect((await issueRow(handle.db, onlyKept.dbId)).updatedAt).toEqual(untouchedBefore.updatedAt);

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contact_merged')));
    const mine = events.filter((event) => event.targetId === kept.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ targetType: 'CustomerRelations::Contact', groupId: acmeId });
    expect(mine[0]!.changes).toMatchObject({
      mergedContactId: other.id,
      mergedContact: `Merle ${other.lastName} <${other.email}>`,
      phone: { before: null, after: '+1 555 0100' },
      organizationId: { before: null, after: organization.id },
      issueIds: [both.dbId, onlyOther.dbId].sort((a, b) => a - b),
    });
    expect(mine[0]!.changes).not.toHaveProperty('description');
    expect(mine[0]!.changes).not.toHaveProperty('email');
  });

  it("takes the other contact's email when the kept one has none (the unique index sees the other deleted first)", async () => {
    const kept = await insertContact(handle.db, { groupId: acmeId, email: null });
    const other = await insertContact(handle.db, { groupId: acmeId });

    const response = await mergeAs('owner', kept.id, other.id);

    expect(response.data?.rapportCustomerRelationsContactMerge).toMatchObject({ errors: [], contact: { email: other.email } });
    expect(await contactExists(other.id)).toBe(false);
  });

  it('shows the merge in the kept contact activity', async () => {
    const kept = await insertContact(handle.db, { groupId: acmeId, phone: null });
    const other = await insertContact(handle.db, { groupId: acmeId, phone: '555 0123 456' });
    await mergeAs('maintainer', kept.id, other.id);

    const response = await postGraphQL<{ group: { contacts: { nodes: { rapportActivity: { action: string; changes: { field: string; text: string | null }[] }[] }[] } } }>(
      `query($ids: [CustomerRelationsContactID!]) { group(fullPath: "acme") { contacts(ids: $ids) { nodes { rapportActivity { action changes { field text } } } } } }`,
      { ids: [contactGid(kept.id)] },
      { headers: await tokenHeaders(handle.db, 'reporter') },
    );
    const [event] = response.data!.group.contacts.nodes[0]!.rapportActivity;
    expect(event?.action).toBe('contact_merged');
    const text = (field: string) => event?.changes.find((change) => change.field === field)?.text;
    expect(text('mergedContact')).toBe(`Test ${other.lastName} <${other.email}>`);
    expect(JSON.parse(text('phone') ?? 'null')).toEqual({ before: null, after: '555 0123 456' });
  });

  describe('refusals write nothing', () => {
    async function expectNothingWritten(call: () => Promise<unknown>) {
      const before = await snapshotTables(handle.db);
      await call();
      expect(changedTables(before, await snapshotTables(handle.db))).toEqual([]);
    }

    it('a contact merged with itself', async () => {
      const contact = await insertContact(handle.db, { groupId: acmeId });
      await expectNothingWritten(async () => {
        const response = await mergeAs('maintainer', contact.id, contact.id);
        expect(response.data?.rapportCustomerRelationsContactMerge).toEqual({ clientMutationId: 'm1', errors: [mergeWithItselfMessage], contact: null });
      });
    });

    it('a contact of another group, or an unknown one, as the duplicate', async () => {
      const kept = await insertContact(handle.db, { groupId: acmeId });
      const elsewhere = await insertContact(handle.db, { groupId: globexId });
      await expectNothingWritten(async () => {
        for (const duplicateId of [elsewhere.id, 2_000_000_000]) {
          const response = await mergeAs('admin', kept.id, duplicateId);
          expect(response.data?.rapportCustomerRelationsContactMerge).toMatchObject({ errors: [duplicateNotFoundMessage], contact: null });
        }
      });
      expect(await contactExists(elsewhere.id)).toBe(true);
    });

    it('an unknown kept contact, with GitLab’s not-found error', async () => {
      const other = await insertContact(handle.db, { groupId: acmeId });
      await expectNothingWritten(async () => {
        const response = await mergeAs('maintainer', 2_000_000_000, other.id);
        expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
        expect(response.data).toEqual({ rapportCustomerRelationsContactMerge: null });
      });
    });

    it('a malformed ID, naming the argument', async () => {
      const other = await insertContact(handle.db, { groupId: acmeId });
      const response = await mergeAs('maintainer', other.id, 'gid://gitlab/Issue/1');
      expect(response.errors?.[0]?.message).toMatch(/duplicateId/);
      expect(await contactExists(other.id)).toBe(true);
    });

    it.each(['developer', 'reporter', 'guest', 'outsider'])('a %s, with GitLab’s not-found error', async (username) => {
      const kept = await insertContact(handle.db, { groupId: acmeId });
      const other = await insertContact(handle.db, { groupId: acmeId });
      await expectNothingWritten(async () => {
        const response = await mergeAs(username, kept.id, other.id);
        expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      });
    });

    it('a Maintainer of another group merging its contacts into theirs', async () => {
      const kept = await insertContact(handle.db, { groupId: globexId });
      const other = await insertContact(handle.db, { groupId: acmeId });
      await expectNothingWritten(async () => {
        const response = await mergeAs('maintainer', kept.id, other.id);
        expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      });
    });
  });
});

const duplicatesQuery = /* GraphQL */ `
  query($first: Int, $after: String) {
    group(fullPath: "acme") {
      rapportContactDuplicates(first: $first, after: $after) {
        count
        nodes { reasons contact { id lastName organization { name } } duplicate { id lastName organization { name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

interface DuplicatesData {
  group: {
    rapportContactDuplicates: {
      count: number;
      nodes: { reasons: string[]; contact: { id: string; lastName: string }; duplicate: { id: string; lastName: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

const backwardQuery = /* GraphQL */ `
  query($first: Int, $last: Int, $after: String, $before: String) {
    group(fullPath: "acme") {
      rapportContactDuplicates(first: $first, last: $last, after: $after, before: $before) {
        nodes { reasons contact { id } duplicate { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

interface BackwardData {
  group: {
    rapportContactDuplicates: {
      nodes: { reasons: string[]; contact: { id: string }; duplicate: { id: string } }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
  };
}

async function duplicatesAs(username: string, variables: { first?: number; after?: string } = {}) {
  return postGraphQL<DuplicatesData>(duplicatesQuery, { first: 100, ...variables }, { headers: await tokenHeaders(handle.db, username) });
}

/** The pairs among `ids` with their reasons, as "older-newer: REASONS". */
function pairsAmong(data: DuplicatesData, ids: number[]): string[] {
  const gids = new Set(ids.map(contactGid));
  return data.group.rapportContactDuplicates.nodes
    .filter((pair) => gids.has(pair.contact.id) && gids.has(pair.duplicate.id))
    .map((pair) => `${pair.contact.id.split('/').pop()}-${pair.duplicate.id.split('/').pop()}: ${pair.reasons.join(',')}`);
}

describe('Group.rapportContactDuplicates', () => {
  it('pairs contacts by normalised name, phone digits, or similar names in one organization, saying why', async () => {
    const marker = unique('dup').replace('-', '');
    const organization = await insertOrganization(handle.db, { groupId: acmeId });
    const otherOrganization = await insertOrganization(handle.db, { groupId: acmeId });
    const zoe = await insertContact(handle.db, { groupId: acmeId, firstName: 'Zoë', lastName: `Ångström ${marker}`, phone: '+1 (206) 555-7788' });
    const zoeAgain = await insertContact(handle.db, { groupId: acmeId, firstName: '  zoe ', lastName: `angstrom   ${marker}`, phone: '1 206 555 7788' });
    const jon = await insertContact(handle.db, { groupId: acmeId, firstName: 'Jon', lastName: `Smithers${marker}`, organizationId: organization.id });
    const john = await insertContact(handle.db, { groupId: acmeId, firstName: 'John', lastName: `Smithers${marker}`, organizationId: organization.id });
    const johnElsewhere = await insertContact(handle.db, { groupId: acmeId, firstName: 'Johny', lastName: `Smithers${marker}`, organizationId: otherOrganization.id });
    const shortPhone = await insertContact(handle.db, { groupId: acmeId, firstName: 'Short', lastName: `Phone ${marker}`, phone: '12-34' });
    const shortPhoneToo = await insertContact(handle.db, { groupId: acmeId, firstName: 'Other', lastName: `Short ${marker}`, phone: '1234' });
    const elsewhere = await insertContact(handle.db, { groupId: globexId, firstName: 'Zoe', lastName: `Angstrom ${marker}` });

    const response = await duplicatesAs('maintainer');

    expect(response.errors).toBeUndefined();
    expect(pairsAmong(response.data!, [zoe, zoeAgain, jon, john, johnElsewhere, shortPhone, shortPhoneToo, elsewhere].map((c) => c.id))).toEqual([
      `${jon.id}-${john.id}: SIMILAR_NAME`,
      `${zoe.id}-${zoeAgain.id}: SAME_NAME,SAME_PHONE`,
    ]);
  });

  it('pages newest first with cursors, and counts every pair', async () => {
    const marker = unique('page');
    for (let index = 0; index < 3; index++) {
      await insertContact(handle.db, { groupId: acmeId, firstName: 'Paged', lastName: marker });
    }
    const all = (await duplicatesAs('maintainer')).data!.group.rapportContactDuplicates;
    const first = (await duplicatesAs('maintainer', { first: 2 })).data!.group.rapportContactDuplicates;
    const rest = (await duplicatesAs('maintainer', { first: 100, after: first.pageInfo.endCursor! })).data!.group.rapportContactDuplicates;

    expect(first.pageInfo.hasNextPage).toBe(true);
    expect([...first.nodes, ...rest.nodes]).toEqual(all.nodes);
    expect(all.count).toBe(all.nodes.length);
    const mine = all.nodes.filter((pair) => pair.contact.lastName === marker);
    // Three contacts sharing a name make three pairs, the newest contact's first.
    expect(mine).toHaveLength(3);
    expect(Number(mine[0]!.duplicate.id.split('/').pop())).toBeGreaterThan(Number(mine[2]!.duplicate.id.split('/').pop()));
  });

  it('pages backward with last and before, in the same order', async () => {
    const marker = unique('back');
    for (let index = 0; index < 3; index++) {
      await insertContact(handle.db, { groupId: acmeId, firstName: 'Backward', lastName: marker });
    }
    const headers = await tokenHeaders(handle.db, 'maintainer');
    const page = async (variables: { first?: number; last?: number; after?: string; before?: string }) =>
      (await postGraphQL<BackwardData>(backwardQuery, variables, { headers })).data!.group.rapportContactDuplicates;
    const everyPair: BackwardData['group']['rapportContactDuplicates']['nodes'] = [];
    let after: string | undefined;
    do {
      const forward = await page({ first: 100, after });
      everyPair.push(...forward.nodes);
      after = forward.pageInfo.hasNextPage ? forward.pageInfo.endCursor! : undefined;
    } while (after);

    const newest = await page({ first: 4 });
    const middle = await page({ last: 2, before: newest.pageInfo.endCursor! });
    const start = await page({ last: 100, before: middle.pageInfo.startCursor! });
    const oldest = await page({ last: 2 });

    expect(newest.nodes).toEqual(everyPair.slice(0, 4));
    expect(middle.nodes).toEqual(everyPair.slice(1, 3));
    expect(middle.pageInfo.hasPreviousPage).toBe(true);
    expect(start.nodes).toEqual(everyPair.slice(0, 1));
    expect(start.pageInfo.hasPreviousPage).toBe(false);
    expect(oldest.nodes).toEqual(everyPair.slice(-2));
  });

  it('refuses a forged cursor with GitLab’s message', async () => {
    const response = await duplicatesAs('maintainer', { after: 'bm90IGEgY3Vyc29y' });
    expect(response.errors?.map((error) => error.message)).toEqual(["Please provide a valid cursor for 'after'"]);
  });

  it.each([
    ['developer', false],
    ['reporter', false],
    ['maintainer', true],
    ['owner', true],
    ['admin', true],
  ])('lists pairs to a %s: %s', async (username, listed) => {
    await insertContact(handle.db, { groupId: acmeId, firstName: 'Role', lastName: 'Twin' });
    await insertContact(handle.db, { groupId: acmeId, firstName: 'Role', lastName: 'Twin' });
    const duplicates = (await duplicatesAs(username)).data!.group.rapportContactDuplicates;
    expect(duplicates.nodes.length > 0).toBe(listed);
  });

  it('runs the same statements for 2 pairs as for 10', async () => {
    for (let index = 0; index < 5; index++) await insertContact(handle.db, { groupId: acmeId, firstName: 'Counted', lastName: 'Twin' });
    const headers = await tokenHeaders(handle.db, 'maintainer');
    const statementsFor = async (first: number) => {
      const { result, statements } = await countWarmStatements(() => postGraphQL<DuplicatesData>(duplicatesQuery, { first }, { headers }));
      expect(result.data?.group.rapportContactDuplicates.nodes).toHaveLength(first);
      return statements.length;
    };
    const two = await statementsFor(2);
    expect(await statementsFor(10)).toBe(two);
    // The page with both contacts, the count, and the contacts' organizations (one batch).
    expect(two).toBeLessThanOrEqual(3);
  });
});
