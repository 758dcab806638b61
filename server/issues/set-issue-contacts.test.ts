import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import {
  activeContactIds,
  contactAuditEvents,
  contactGid,
  contactIdsByEmail,
  createCallerHeaders,
  createNoteAs,
  issueRow,
  linkedContactIdsOf,
  newIssue,
  notesOf,
  setContacts,
  setContactState,
  setGroupCrmEnabled,
} from './issue-test-helpers';

let handle: DatabaseHandle;
let headersOf: ReturnType<typeof createCallerHeaders>;
let acme: Map<string, number>;
let globex: Map<string, number>;
let activeAcme: number[];

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headersOf = createCallerHeaders(handle.db);
  acme = await contactIdsByEmail(handle.db, 'acme');
  globex = await contactIdsByEmail(handle.db, 'globex');
  activeAcme = await activeContactIds(handle.db, 'acme');
});

afterAll(async () => {
  await handle.close();
});

function acmeId(email: string): number {
  const id = acme.get(email);
  if (id === undefined) throw new Error(`No acme contact ${email}`);
  return id;
}

const alice = () => acmeId('alice.johnson@northwind.example');
const bob = () => acmeId('bob.martinez@northwind.example');
const chloe = () => acmeId('chloe.dubois@northwind.example');

async function developerIssue() {
  return newIssue(await headersOf('developer'));
}

async function asDeveloper(input: Parameters<typeof setContacts>[1]) {
  return setContacts(await headersOf('developer'), input);
}

describe('issueSetCrmContacts', () => {
  it('answers the GitLab payload shape: clientMutationId, errors and the issue with its contacts', async () => {
    const issue = await developerIssue();
    const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice()), contactGid(bob())], clientMutationId: 'abc' });
    expect(response.errors).toBeUndefined();
    const payload = response.data?.issueSetCrmContacts;
    expect(payload?.clientMutationId).toBe('abc');
    expect(payload?.errors).toEqual([]);
    expect(payload?.issue?.id).toBe(issue.id);
    expect(payload?.issue?.customerRelationsContacts?.count).toBe(2);
    expect(payload?.issue?.customerRelationsContacts?.nodes.map((node) => node.id)).toEqual([contactGid(alice()), contactGid(bob())]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice(), bob()].sort((a, b) => a - b));
  });

  it('replaces by default, appends with APPEND and removes with REMOVE', async () => {
    const issue = await developerIssue();
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice()), contactGid(bob())] });
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(chloe())], operationMode: 'APPEND' });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice(), bob(), chloe()].sort((a, b) => a - b));
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(bob())], operationMode: 'REMOVE' });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice(), chloe()].sort((a, b) => a - b));
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(bob())], operationMode: 'REPLACE' });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([bob()]);
    await asDeveloper({ iid: issue.iid, contactIds: [] });
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('writes one system note per change, naming counts, authored by the actor', async () => {
    const issue = await developerIssue();
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice()), contactGid(bob())] });
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice())], operationMode: 'REMOVE' });
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(chloe())] });
    const developerId = (await issueRow(handle.db, issue.dbId)).authorId;
    const notes = await notesOf(handle.db, issue.dbId, true);
    expect(notes.map((note) => note.body)).toEqual(['added 2 contacts', 'removed 1 contact', 'added 1 contact and removed 1 contact']);
    expect(notes.every((note) => note.authorId === developerId)).toBe(true);
  });

  it('records an audit event per change and touches updatedAt', async () => {
    const issue = await developerIssue();
    const before = (await issueRow(handle.db, issue.dbId)).updatedAt;
    const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice())], operationMode: 'APPEND' });
    const after = await issueRow(handle.db, issue.dbId);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(response.data?.issueSetCrmContacts?.issue?.updatedAt).toBe(after.updatedAt.toISOString());
    const events = await contactAuditEvents(handle.db, issue.dbId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: after.authorId, changes: { added: [alice()], removed: [] } });
  });

  it('treats appending a linked contact or removing an unlinked one as a success that writes nothing', async () => {
    const issue = await developerIssue();
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice())] });
    const before = await issueRow(handle.db, issue.dbId);
    for (const [mode, id] of [['APPEND', alice()], ['REMOVE', bob()], ['REMOVE', globex.get('homer.jay@snsupply.example') ?? 0], ['REPLACE', alice()]] as const) {
      const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(id)], operationMode: mode });
      expect(response.data?.issueSetCrmContacts?.errors).toEqual([]);
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice()]);
    expect(await notesOf(handle.db, issue.dbId, true)).toHaveLength(1);
    expect(await contactAuditEvents(handle.db, issue.dbId)).toHaveLength(1);
    expect((await issueRow(handle.db, issue.dbId)).updatedAt).toEqual(before.updatedAt);
  });

  it('refuses more than 6 new contacts at once, counting only contacts not yet linked', async () => {
    const issue = await developerIssue();
    const seven = activeAcme.slice(0, 7).map(contactGid);
    for (const mode of ['APPEND', 'REPLACE'] as const) {
      const response = await asDeveloper({ iid: issue.iid, contactIds: seven, operationMode: mode });
      expect(response.data?.issueSetCrmContacts?.errors).toEqual(['You can only add up to 6 contacts at one time']);
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    await asDeveloper({ iid: issue.iid, contactIds: seven.slice(0, 6) });
    const response = await asDeveloper({ iid: issue.iid, contactIds: seven, operationMode: 'APPEND' });
    expect(response.data?.issueSetCrmContacts?.errors).toEqual([]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toHaveLength(7);
  });

  it('names a contact that does not exist, with GitLab message, and writes nothing', async () => {
    const issue = await developerIssue();
    const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice()), contactGid(999_999)], operationMode: 'APPEND' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.issueSetCrmContacts?.errors).toEqual([`Issue customer relations contacts 999999: ${resourceNotAvailableMessage}`]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    expect(await notesOf(handle.db, issue.dbId, true)).toEqual([]);
  });

  it('joins several unknown contacts into one sentence as Rails does', async () => {
    const issue = await developerIssue();
    const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(999_998), contactGid(999_999)] });
    expect(response.data?.issueSetCrmContacts?.errors).toEqual([
      `Issue customer relations contacts 999998: ${resourceNotAvailableMessage} and 999999: ${resourceNotAvailableMessage}`,
    ]);
  });

  it('refuses a contact of another group (globex contact on an acme issue) as not found, writing nothing', async () => {
    const issue = await developerIssue();
    const homer = globex.get('homer.jay@snsupply.example');
    // Same email in both groups: the globex row must not be confused with the acme one.
    const globexAlice = globex.get('alice.johnson@northwind.example');
    for (const id of [homer, globexAlice]) {
      const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(id ?? 0)], operationMode: 'APPEND' });
      expect(response.data?.issueSetCrmContacts?.errors).toEqual([`Issue customer relations contacts ${id}: ${resourceNotAvailableMessage}`]);
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
    expect(await contactAuditEvents(handle.db, issue.dbId)).toEqual([]);
  });

  it('refuses to add an inactive contact, naming it, but keeps or removes a linked one that became inactive', async () => {
    const issue = await developerIssue();
    const quinn = acmeId('quinn.harper@lumen.example');
    const refused = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice()), contactGid(quinn)] });
    expect(refused.data?.issueSetCrmContacts?.errors).toEqual([
      `Issue customer relations contacts ${quinn}: Quinn Harper (quinn.harper@lumen.example) is inactive; only active contacts can be added`,
    ]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);

    const target = acmeId('maya.patel@maplefinch.example');
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(target)] });
    await setContactState(handle.db, target, 'inactive');
    try {
      const kept = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(target), contactGid(alice())] });
      expect(kept.data?.issueSetCrmContacts?.errors).toEqual([]);
      const removed = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(target)], operationMode: 'REMOVE' });
      expect(removed.data?.issueSetCrmContacts?.errors).toEqual([]);
      expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice()]);
    } finally {
      await setContactState(handle.db, target, 'active');
    }
  });

  it('answers a malformed or wrong-type contact ID with a top-level error naming it, writing nothing', async () => {
    const issue = await developerIssue();
    for (const bad of ['42', 'gid://gitlab/CustomerRelations::Contact/abc', 'gid://gitlab/Issue/1']) {
      const response = await asDeveloper({ iid: issue.iid, contactIds: [bad] });
      expect(response.status).toBeLessThan(500);
      expect(response.data?.issueSetCrmContacts ?? null).toBeNull();
      expect(response.errors?.[0]?.message).toContain(JSON.stringify(bad));
      expect(response.errors?.[0]?.message).toContain('contactIds');
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('answers an unknown project or iid with the resource error', async () => {
    for (const [projectPath, iid] of [['acme/nope', '1'], ['acme/website', '99999'], ['acme/website', 'abc'], ['globex/portal', '1']] as const) {
      const response = await asDeveloper({ projectPath, iid, contactIds: [contactGid(alice())] });
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      expect(response.data?.issueSetCrmContacts).toBeNull();
    }
  });

  it('answers "Feature disabled" when customer relations are off for the group, writing nothing', async () => {
    const issue = await developerIssue();
    await setGroupCrmEnabled(handle.db, 'acme', false);
    try {
      const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice())] });
      expect(response.errors?.map((error) => error.message)).toEqual(['Feature disabled']);
      const outsider = await setContacts(await headersOf('outsider'), { iid: issue.iid, contactIds: [contactGid(alice())] });
      expect(outsider.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
    } finally {
      await setGroupCrmEnabled(handle.db, 'acme', true);
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('answers "Feature disabled" when the customer_relations flag is off', async () => {
    const issue = await developerIssue();
    process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS = 'off';
    try {
      const response = await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice())] });
      expect(response.errors?.map((error) => error.message)).toEqual(['Feature disabled']);
    } finally {
      delete process.env.RAPPORT_FEATURE_CUSTOMER_RELATIONS;
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([]);
  });

  it('links contacts of the CRM group for an issue in a subgroup project', async () => {
    const issue = await newIssue(await headersOf('developer'), 'acme/support/helpdesk');
    const response = await asDeveloper({ projectPath: 'acme/support/helpdesk', iid: issue.iid, contactIds: [contactGid(alice())] });
    expect(response.data?.issueSetCrmContacts?.errors).toEqual([]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice()]);
  });
});

describe('concurrent issueSetCrmContacts', () => {
  it('two APPENDs of different contacts both land, once each, with two system notes', async () => {
    const issue = await developerIssue();
    const [first, second] = await Promise.all([
      asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice())], operationMode: 'APPEND' }),
      asDeveloper({ iid: issue.iid, contactIds: [contactGid(bob())], operationMode: 'APPEND' }),
    ]);
    expect(first.data?.issueSetCrmContacts?.errors).toEqual([]);
    expect(second.data?.issueSetCrmContacts?.errors).toEqual([]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice(), bob()].sort((a, b) => a - b));
    expect((await notesOf(handle.db, issue.dbId, true)).map((note) => note.body)).toEqual(['added 1 contact', 'added 1 contact']);
  });

  it('two APPENDs of the same contact link it exactly once, with one system note', async () => {
    const issue = await developerIssue();
    const responses = await Promise.all(
      [1, 2, 3].map(() => asDeveloper({ iid: issue.iid, contactIds: [contactGid(chloe())], operationMode: 'APPEND' })),
    );
    for (const response of responses) expect(response.data?.issueSetCrmContacts?.errors).toEqual([]);
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([chloe()]);
    expect((await notesOf(handle.db, issue.dbId, true)).map((note) => note.body)).toEqual(['added 1 contact']);
  });

  it('many concurrent APPENDs and REMOVEs leave exactly the expected contacts', async () => {
    const issue = await developerIssue();
    const ids = activeAcme.slice(0, 8);
    await Promise.all(ids.map((id) => asDeveloper({ iid: issue.iid, contactIds: [contactGid(id)], operationMode: 'APPEND' })));
    await Promise.all(ids.slice(0, 4).map((id) => asDeveloper({ iid: issue.iid, contactIds: [contactGid(id)], operationMode: 'REMOVE' })));
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual(ids.slice(4).sort((a, b) => a - b));
    expect(await notesOf(handle.db, issue.dbId, true)).toHaveLength(12);
  });

  it('concurrent comments with quick actions on one issue all land (the issue is locked before the comment is stored)', async () => {
    const issue = await developerIssue();
    const headers = await headersOf('developer');
    const emails = ['alice.johnson@northwind.example', 'bob.martinez@northwind.example', 'chloe.dubois@northwind.example'];
    const responses = await Promise.all(
      emails.flatMap((email, index) => [
        createNoteAs(headers, issue.id, `Comment ${index}\n/add_contacts [contact:${email}]`),
        createNoteAs(headers, issue.id, `Again ${index}\n/add_contacts [contact:${email}]`),
      ]),
    );
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      expect(response.data?.createNote?.errors).toEqual([]);
    }
    expect(await linkedContactIdsOf(handle.db, issue.dbId)).toEqual([alice(), bob(), chloe()].sort((a, b) => a - b));
    expect(await notesOf(handle.db, issue.dbId, false)).toHaveLength(6);
    expect((await notesOf(handle.db, issue.dbId, true)).map((note) => note.body)).toEqual(['added 1 contact', 'added 1 contact', 'added 1 contact']);
  });
});

describe('GitLab frontend documents', () => {
  it("answers the sidebar's issueCrmContacts query (get_issue_crm_contacts.query.graphql)", async () => {
    const issue = await developerIssue();
    await asDeveloper({ iid: issue.iid, contactIds: [contactGid(alice()), contactGid(acmeId('amelia.hughes@mail.example'))] });
    const document = /* GraphQL */ `
      query issueCrmContacts($id: IssueID!) {
        issue(id: $id) {
          ...CrmContacts
        }
      }
      fragment CrmContacts on Issue {
        id
        customerRelationsContacts {
          nodes {
            id
            firstName
            lastName
            email
            phone
            description
            organization {
              id
              name
            }
          }
        }
      }
    `;
    const response = await postGraphQL<{ issue: { id: string; customerRelationsContacts: { nodes: Record<string, unknown>[] } } }>(
      document,
      { id: issue.id },
      { headers: await headersOf('reporter') },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.issue.customerRelationsContacts.nodes).toEqual([
      {
        id: contactGid(alice()),
        firstName: 'Alice',
        lastName: 'Johnson',
        email: 'alice.johnson@northwind.example',
        phone: '+1 206 555 0101',
        description: 'Head of e-commerce; main contact for the website.',
        organization: { id: expect.stringMatching(/^gid:\/\/gitlab\/CustomerRelations::Organization\/\d+$/), name: 'Northwind Traders' },
      },
      expect.objectContaining({ firstName: 'Amelia', lastName: 'Hughes', organization: null }),
    ]);
  });

  it("accepts GitLab's documented issueSetCrmContacts mutation with the operation mode as a literal", async () => {
    const issue = await developerIssue();
    const document = /* GraphQL */ `
      mutation {
        issueSetCrmContacts(input: {
          projectPath: "acme/website"
          iid: "${issue.iid}"
          contactIds: ["${contactGid(alice())}"]
          operationMode: APPEND
        }) {
          errors
          issue { id customerRelationsContacts { nodes { email } } }
        }
      }
    `;
    const response = await postGraphQL<{ issueSetCrmContacts: { errors: string[]; issue: { customerRelationsContacts: { nodes: { email: string }[] } } } }>(
      document,
      {},
      { headers: await headersOf('developer') },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.issueSetCrmContacts.issue.customerRelationsContacts.nodes).toEqual([{ email: 'alice.johnson@northwind.example' }]);
  });
});
