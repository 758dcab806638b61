import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { issueContacts } from '../db/schema/issues';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, tokenHeaders } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { createCustomerWeightFixture, type CustomerWeightFixture } from './customer-weight-fixture';
import { contactGid, setContacts } from './issue-test-helpers';

let handle: DatabaseHandle;
let fixture: CustomerWeightFixture;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  fixture = await createCustomerWeightFixture(handle.db, 'requests');
});

afterAll(async () => {
  await handle.close();
});

const updateMutation = /* GraphQL */ `
  mutation ($input: RapportIssueCustomerRequestUpdateInput!) {
    rapportIssueCustomerRequestUpdate(input: $input) {
      errors
      issue { iid rapportCustomerRequests { important note contact { id } } }
    }
  }
`;

interface UpdateData {
  rapportIssueCustomerRequestUpdate: {
    errors: string[];
    issue: { iid: string; rapportCustomerRequests: { important: boolean; note: string | null; contact: { id: string } }[] } | null;
  } | null;
}

async function update(username: string, iid: number, contactId: number, fields: { important?: boolean | null; note?: string | null }) {
  const headers = await tokenHeaders(handle.db, username);
  return postGraphQL<UpdateData>(updateMutation, { input: { projectPath: fixture.projectPath, iid: String(iid), contactId: contactGid(contactId), ...fields } }, { headers });
}

/** The stored link of issue #iid (1-based, in fixture order) and a contact. */
async function link(iid: number, contactId: number) {
  const [row] = await handle.db
    .select({ important: issueContacts.important, note: issueContacts.requestNote })
    .from(issueContacts)
    .where(and(eq(issueContacts.issueId, fixture.issueIds[iid - 1]!), eq(issueContacts.contactId, contactId)));
  return row ?? null;
}

describe('rapportIssueCustomerRequestUpdate', () => {
  it('marks a request important with a note, and shows it on the issue', async () => {
    const { data, errors } = await update('developer', 3, fixture.contacts.c1, { important: true, note: 'Asked by their CTO on the March call' });
    expect(errors).toBeUndefined();
    expect(data?.rapportIssueCustomerRequestUpdate?.errors).toEqual([]);
    expect(data?.rapportIssueCustomerRequestUpdate?.issue?.rapportCustomerRequests).toEqual([
      { important: true, note: 'Asked by their CTO on the March call', contact: { id: contactGid(fixture.contacts.c1) } },
    ]);
    expect(await link(3, fixture.contacts.c1)).toEqual({ important: true, note: 'Asked by their CTO on the March call' });
  });

  it('leaves an absent field alone and clears with false, null or a blank note', async () => {
    await update('developer', 3, fixture.contacts.c1, { important: true, note: 'Kept' });
    await update('developer', 3, fixture.contacts.c1, { important: false });
    expect(await link(3, fixture.contacts.c1)).toEqual({ important: false, note: 'Kept' });
    await update('developer', 3, fixture.contacts.c1, { note: '   ' });
    expect(await link(3, fixture.contacts.c1)).toEqual({ important: false, note: null });
    await update('developer', 3, fixture.contacts.c1, { note: 'Again' });
    await update('developer', 3, fixture.contacts.c1, { note: null });
    expect(await link(3, fixture.contacts.c1)).toEqual({ important: false, note: null });
  });

  it('refuses a note over 255 characters, naming the field, and writes nothing', async () => {
    await update('developer', 3, fixture.contacts.c1, { important: false, note: 'Before' });
    const { data, errors } = await update('developer', 3, fixture.contacts.c1, { important: true, note: 'x'.repeat(256) });
    expect(errors).toBeUndefined();
    expect(data?.rapportIssueCustomerRequestUpdate?.errors).toEqual(['Note is too long (maximum is 255 characters)']);
    expect(await link(3, fixture.contacts.c1)).toEqual({ important: false, note: 'Before' });
    const exact = await update('developer', 3, fixture.contacts.c1, { note: 'y'.repeat(255) });
    expect(exact.data?.rapportIssueCustomerRequestUpdate?.errors).toEqual([]);
  });

  it('refuses a contact that is not linked to the issue', async () => {
    const { data } = await update('developer', 4, fixture.contacts.a1, { important: true });
    expect(data?.rapportIssueCustomerRequestUpdate?.errors).toEqual([`Contact ${fixture.contacts.a1} is not linked to this issue`]);
    expect(await link(4, fixture.contacts.a1)).toBeNull();
  });

  it('hides an issue that does not exist', async () => {
    const { errors } = await update('developer', 99, fixture.contacts.a1, { important: true });
    expect(errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
  });

  // The permission of issueSetCrmContacts: Developer and above (the matrix covers every role).
  it.each([
    ['guest', false],
    ['planner', false],
    ['reporter', false],
    ['developer', true],
    ['maintainer', true],
  ] as const)('%s may set it: %s', async (username, allowed) => {
    await update('developer', 1, fixture.contacts.a2, { important: false, note: null });
    const { data, errors } = await update(username, 1, fixture.contacts.a2, { important: true, note: `By ${username}` });
    if (allowed) {
      expect(data?.rapportIssueCustomerRequestUpdate?.errors).toEqual([]);
      expect(await link(1, fixture.contacts.a2)).toEqual({ important: true, note: `By ${username}` });
    } else {
      expect(errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(await link(1, fixture.contacts.a2)).toEqual({ important: false, note: null });
    }
  });

  it('goes away with the link: a contact removed and added again starts afresh', async () => {
    await update('developer', 6, fixture.contacts.b1, { important: true, note: 'Renewal blocker' });
    const headers = await tokenHeaders(handle.db, 'developer');
    await setContacts(headers, { projectPath: fixture.projectPath, iid: '6', contactIds: [contactGid(fixture.contacts.b1)], operationMode: 'REMOVE' });
    expect(await link(6, fixture.contacts.b1)).toBeNull();
    await setContacts(headers, { projectPath: fixture.projectPath, iid: '6', contactIds: [contactGid(fixture.contacts.b1)], operationMode: 'APPEND' });
    expect(await link(6, fixture.contacts.b1)).toEqual({ important: false, note: null });
  });
});
