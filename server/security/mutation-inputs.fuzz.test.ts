import { eq, like } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupId } from '../crm/fixtures/crm-test-helpers';
import type { DatabaseHandle } from '../db/client';
import { contacts, organizations, organizationTiers } from '../db/schema/crm';
import { groupCrmSettings } from '../db/schema/groups';
import { issues, timelogs } from '../db/schema/issues';
import { toGlobalId } from '../graphql/global-id';
import { schema } from '../graphql/schema';
import { storePersonalAccessToken } from '../auth/tokens';
import { personalAccessTokens, users } from '../db/schema/users';
import { postGraphQL, sessionHeaders, tokenHeaders, userId } from '../testing/graphql-client';
import { changedTables, snapshotTables, writableTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';
import {
  expectClearAnswer,
  fuzzRuns,
  globalIds,
  hostileBoolean,
  hostileNumber,
  hostileText,
  mostly,
  optionalText,
  plainName,
  propertyTestTimeoutMs,
  quickActionText,
  timed,
  wasRejected,
} from './fuzz';

/**
 * Every mutation's input, generated (SPEC §8): each call is answered with a result or a clear
 * error within the time limit, and a refused call leaves every CRM and issue table as it was. The
 * caller is acme's Owner, who may do all of it, so inputs reach validation rather than stopping at
 * the permission check.
 */

let handle: DatabaseHandle;
let headers: Record<string, string>;
/** A signed-in browser session's: creating a token needs one. */
let browserHeaders: Record<string, string>;
let acmeId: number;
let real: {
  acme: string;
  acmeContacts: string[];
  groups: string[];
  contacts: string[];
  organizations: string[];
  /** Organizations without contacts: the only ones that can be deleted. */
  emptyOrganizations: string[];
  issues: string[];
  timelogs: string[];
  emails: string[];
  /** The Owner's own tokens, and someone else's. */
  tokens: string[];
  /** Customer tiers of acme (the seeded ones and 40 more to delete) and of globex. */
  tiers: string[];
  users: string[];
  /** Contacts of acme that only the merge draws from, so the other mutations cannot delete them first. */
  mergePool: string[];
  /** An issue of acme/website only the customer request mutation uses, linked to `requestContact`. */
  requestIssueIid: string;
  requestContact: string;
};

/** A token mutation can change tokens too. */
const snapshotted = [...writableTables, 'personal_access_tokens'];

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await tokenHeaders(handle.db, 'owner');
  const session = await sessionHeaders(handle.db, 'owner');
  browserHeaders = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  for (const [username, count] of [['owner', 40], ['developer', 5]] as const) {
    const owner = await userId(handle.db, username);
    for (let index = 0; index < count; index += 1) await storePersonalAccessToken(handle.db, { userId: owner, name: `fuzz ${index}`, scopes: ['api'] });
  }
  // Not the token the calls are made with.
  const tokenRows = await handle.db.select({ id: personalAccessTokens.id }).from(personalAccessTokens).where(like(personalAccessTokens.name, 'fuzz %'));
  acmeId = await groupId(handle.db, 'acme');
  const globexId = await groupId(handle.db, 'globex');
  const contactRows = await handle.db.select({ id: contacts.id, email: contacts.email, groupId: contacts.groupId }).from(contacts);
  const organizationRows = await handle.db.select({ id: organizations.id }).from(organizations);
  const issueRows = await handle.db.select({ id: issues.id }).from(issues);
  const emptyOrganizationRows = await handle.db
    .insert(organizations)
    .values(Array.from({ length: 40 }, (_, index) => ({ groupId: acmeId, name: `Fuzz target ${index}` })))
    .returning({ id: organizations.id });
  const ownerId = await userId(handle.db, 'owner');
  const timelogRows = await handle.db
    .insert(timelogs)
    .values(issueRows.map((row) => ({ issueId: row.id, userId: ownerId, timeSpent: 3600, spentAt: new Date('2026-01-05T12:00:00Z') })))
    .returning({ id: timelogs.id });
  await handle.db
    .insert(organizationTiers)
    .values(Array.from({ length: 40 }, (_, index) => ({ groupId: acmeId, name: `Fuzz tier ${index}`, position: 4 + index })));
  const tierRows = await handle.db.select({ id: organizationTiers.id }).from(organizationTiers);
  const mergePoolRows = await handle.db
    .insert(contacts)
    .values(Array.from({ length: 80 }, (_, index) => ({ groupId: acmeId, firstName: 'Fuzz', lastName: `Merge ${index}` })))
    .returning({ id: contacts.id });
  const requestContact = toGlobalId('CustomerRelations::Contact', mergePoolRows.pop()!.id);
  const requestIssue = await postGraphQL<{ createIssue: { issue: { iid: string } } }>(
    'mutation { createIssue(input: { projectPath: "acme/website", title: "Fuzz customer request" }) { issue { iid } } }',
    {},
    { headers },
  );
  const requestIssueIid = requestIssue.data!.createIssue.issue.iid;
  await postGraphQL(
    'mutation($input: IssueSetCrmContactsInput!) { issueSetCrmContacts(input: $input) { errors } }',
    { input: { projectPath: 'acme/website', iid: requestIssueIid, contactIds: [requestContact] } },
    { headers },
  );
  const userRows = await handle.db.select({ id: users.id }).from(users);
  real = {
    tiers: tierRows.map((row) => toGlobalId('Rapport::CustomerTier', row.id)),
    users: userRows.map((row) => toGlobalId('User', row.id)),
    acme: toGlobalId('Group', acmeId),
    acmeContacts: contactRows.filter((row) => row.groupId === acmeId).map((row) => toGlobalId('CustomerRelations::Contact', row.id)),
    groups: [toGlobalId('Group', acmeId), toGlobalId('Group', globexId)],
    contacts: contactRows.map((row) => toGlobalId('CustomerRelations::Contact', row.id)),
    organizations: organizationRows.map((row) => toGlobalId('CustomerRelations::Organization', row.id)),
    emptyOrganizations: emptyOrganizationRows.map((row) => toGlobalId('CustomerRelations::Organization', row.id)),
    issues: issueRows.map((row) => toGlobalId('Issue', row.id)),
    timelogs: timelogRows.map((row) => toGlobalId('Timelog', row.id)),
    emails: contactRows.flatMap((row) => (row.groupId === acmeId && row.email ? [row.email] : [])),
    tokens: tokenRows.map((row) => toGlobalId('PersonalAccessToken', row.id)),
    mergePool: mergePoolRows.map((row) => toGlobalId('CustomerRelations::Contact', row.id)),
    requestIssueIid,
    requestContact,
  };
});

afterAll(async () => {
  await handle.close();
});

/** The Rapport-only organization arguments (issue 15), for create and update. */
const organizationAttributes = () => ({
  // Mostly valid: with these beside the GitLab fields, enough calls must still be applied.
  domains: fc.option(fc.array(mostly(fc.domain(), hostileText), { maxLength: 2 }), { nil: null, freq: 2 }),
  tierId: fc.option(globalIds('Rapport::CustomerTier', real.tiers), { nil: null, freq: 2 }),
  annualRevenue: mostly(fc.constantFrom(null, 0, 1250000.5), hostileNumber),
  accountOwnerId: fc.option(globalIds('User', real.users), { nil: null, freq: 2 }),
});

const projectPaths = mostly(fc.constantFrom('acme/website', 'acme/support/helpdesk'), fc.oneof(fc.constantFrom('globex/portal', 'acme', 'ACME/Website'), hostileText));
const iids = mostly(fc.constantFrom('1', '2', '3'), fc.oneof(fc.constantFrom('0', '-1', '01', '1.0', '99999999999999999999', ' 1'), hostileText, fc.integer()));
const groupPaths = fc.oneof(fc.constantFrom('acme', 'acme/support', 'globex', 'ACME', 'acme/'), hostileText);

interface FuzzedMutation {
  document: string;
  input: () => fc.Arbitrary<Record<string, unknown>>;
  /** Who calls it, when not the Owner's token. */
  headers?: () => Record<string, string>;
}

const mutation = (field: string, inputType: string, selection = 'errors') => `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`;

const fuzzed: Record<string, FuzzedMutation> = {
  customerRelationsContactCreate: {
    document: mutation('customerRelationsContactCreate', 'CustomerRelationsContactCreateInput', 'errors contact { id email }'),
    input: () =>
      fc.record(
        {
          groupId: mostly(fc.constant(real.acme), globalIds('Group', real.groups)),
          firstName: mostly(plainName, hostileText),
          lastName: mostly(plainName, hostileText),
          email: mostly(fc.emailAddress(), fc.oneof(fc.constantFrom(...real.emails), optionalText)),
          phone: optionalText,
          description: optionalText,
          organizationId: fc.option(globalIds('CustomerRelations::Organization', real.organizations), { nil: null }),
        },
        { requiredKeys: ['groupId', 'firstName', 'lastName'] },
      ),
  },
  customerRelationsContactUpdate: {
    document: mutation('customerRelationsContactUpdate', 'CustomerRelationsContactUpdateInput', 'errors contact { id email }'),
    input: () =>
      fc.record(
        {
          id: mostly(fc.constantFrom(...real.acmeContacts), globalIds('CustomerRelations::Contact', real.contacts)),
          firstName: mostly(plainName, optionalText),
          lastName: mostly(plainName, optionalText),
          email: mostly(fc.emailAddress(), fc.oneof(fc.constantFrom(...real.emails), optionalText)),
          phone: optionalText,
          description: optionalText,
          organizationId: fc.option(globalIds('CustomerRelations::Organization', real.organizations), { nil: null }),
          active: hostileBoolean,
        },
        { requiredKeys: ['id'] },
      ),
  },
  customerRelationsContactDelete: {
    document: mutation('customerRelationsContactDelete', 'CustomerRelationsContactDeleteInput'),
    input: () => fc.record({ id: globalIds('CustomerRelations::Contact', real.contacts) }),
  },
  rapportCustomerRelationsContactMerge: {
    document: mutation('rapportCustomerRelationsContactMerge', 'RapportCustomerRelationsContactMergeInput', 'errors contact { id email phone }'),
    input: () =>
      fc.record({
        id: mostly(fc.constantFrom(...real.mergePool), globalIds('CustomerRelations::Contact', real.contacts)),
        duplicateId: mostly(fc.constantFrom(...real.mergePool), globalIds('CustomerRelations::Contact', real.contacts)),
      }),
  },
  customerRelationsOrganizationCreate: {
    document: mutation('customerRelationsOrganizationCreate', 'CustomerRelationsOrganizationCreateInput', 'errors organization { id defaultRate }'),
    input: () =>
      fc.record(
        {
          groupId: mostly(fc.constant(real.acme), globalIds('Group', real.groups)),
          name: mostly(plainName, hostileText),
          defaultRate: hostileNumber,
          description: optionalText,
          ...organizationAttributes(),
        },
        { requiredKeys: ['groupId', 'name'] },
      ),
  },
  customerRelationsOrganizationUpdate: {
    document: mutation('customerRelationsOrganizationUpdate', 'CustomerRelationsOrganizationUpdateInput', 'errors organization { id defaultRate }'),
    input: () =>
      fc.record(
        {
          id: globalIds('CustomerRelations::Organization', real.organizations),
          name: optionalText,
          defaultRate: hostileNumber,
          description: optionalText,
          active: hostileBoolean,
          ...organizationAttributes(),
        },
        { requiredKeys: ['id'] },
      ),
  },
  customerRelationsOrganizationDelete: {
    document: mutation('customerRelationsOrganizationDelete', 'CustomerRelationsOrganizationDeleteInput'),
    input: () => fc.record({ id: mostly(fc.constantFrom(...real.emptyOrganizations), globalIds('CustomerRelations::Organization', real.organizations)) }),
  },
  rapportCustomerTierCreate: {
    document: mutation('rapportCustomerTierCreate', 'RapportCustomerTierCreateInput', 'errors tier { id name position }'),
    input: () => fc.record({ groupId: mostly(fc.constant(real.acme), globalIds('Group', real.groups)), name: mostly(plainName, hostileText) }),
  },
  rapportCustomerTierUpdate: {
    document: mutation('rapportCustomerTierUpdate', 'RapportCustomerTierUpdateInput', 'errors tier { id name position }'),
    input: () =>
      fc.record(
        {
          id: globalIds('Rapport::CustomerTier', real.tiers),
          name: fc.option(mostly(plainName, hostileText), { nil: null }),
          position: fc.option(mostly(fc.integer({ min: 1, max: 40 }), fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1e9))), { nil: null }),
        },
        { requiredKeys: ['id'] },
      ),
  },
  rapportCrmCurrencyUpdate: {
    document: mutation('rapportCrmCurrencyUpdate', 'RapportCrmCurrencyUpdateInput', 'errors currency'),
    input: () =>
      fc.record({
        groupId: mostly(fc.constant(real.acme), globalIds('Group', real.groups)),
        currency: mostly(fc.constantFrom('USD', 'EUR', 'gbp', ' JPY '), hostileText),
      }),
  },
  rapportContactsAssignByDomain: {
    document: mutation('rapportContactsAssignByDomain', 'RapportContactsAssignByDomainInput', 'errors dryRun assignments { contact { id } } ambiguous { contact { id } }'),
    input: () => fc.record({ groupId: mostly(fc.constant(real.acme), globalIds('Group', real.groups)), dryRun: hostileBoolean }, { requiredKeys: ['groupId'] }),
  },
  rapportCustomerTierDelete: {
    document: mutation('rapportCustomerTierDelete', 'RapportCustomerTierDeleteInput'),
    input: () => fc.record({ id: globalIds('Rapport::CustomerTier', real.tiers) }),
  },
  groupCrmSettingsUpdate: {
    document: mutation('groupCrmSettingsUpdate', 'GroupCrmSettingsUpdateInput', 'errors crmSettings { enabled sourceGroup { fullPath } }'),
    input: () =>
      fc.record(
        { fullPath: mostly(fc.constant('acme'), groupPaths), enabled: hostileBoolean, sourceGroupPath: fc.option(groupPaths, { nil: null }) },
        { requiredKeys: ['fullPath'] },
      ),
  },
  rapportIssueCustomerRequestUpdate: {
    document: mutation('rapportIssueCustomerRequestUpdate', 'RapportIssueCustomerRequestUpdateInput', 'errors issue { id }'),
    input: () =>
      fc.record(
        {
          projectPath: mostly(fc.constant('acme/website'), projectPaths),
          iid: mostly(fc.constant(real.requestIssueIid), iids),
          contactId: mostly(fc.constant(real.requestContact), globalIds('CustomerRelations::Contact', real.contacts)),
          important: hostileBoolean,
          note: fc.option(mostly(plainName, hostileText), { nil: null }),
        },
        { requiredKeys: ['projectPath', 'iid', 'contactId'] },
      ),
  },
  issueSetCrmContacts: {
    document: mutation('issueSetCrmContacts', 'IssueSetCrmContactsInput', 'errors issue { id }'),
    input: () =>
      fc.record(
        {
          projectPath: projectPaths,
          iid: iids,
          contactIds: fc.array(mostly(fc.constantFrom(...real.acmeContacts), globalIds('CustomerRelations::Contact', real.contacts)), { maxLength: 7 }),
          operationMode: mostly(fc.constantFrom('REPLACE', 'APPEND', 'REMOVE'), fc.constantFrom('replace', 'MERGE', null)),
        },
        { requiredKeys: ['projectPath', 'iid', 'contactIds'] },
      ),
  },
  createIssue: {
    document: mutation('createIssue', 'CreateIssueInput', 'errors issue { id }'),
    input: () =>
      fc.record(
        { projectPath: projectPaths, title: hostileText, description: fc.oneof(optionalText, quickActionText(real.emails)) },
        { requiredKeys: ['projectPath', 'title'] },
      ),
  },
  updateIssue: {
    document: mutation('updateIssue', 'UpdateIssueInput', 'errors issue { id }'),
    input: () =>
      fc.record(
        {
          projectPath: projectPaths,
          iid: iids,
          title: optionalText,
          description: optionalText,
          stateEvent: fc.oneof(fc.constantFrom('CLOSE', 'REOPEN', 'close', 'DELETE'), fc.constant(null)),
        },
        { requiredKeys: ['projectPath', 'iid'] },
      ),
  },
  createNote: {
    document: mutation('createNote', 'CreateNoteInput', 'errors note { id } quickActionsStatus { messages errorMessages }'),
    input: () =>
      fc.record({
        noteableId: globalIds('Issue', real.issues),
        body: fc.oneof({ arbitrary: quickActionText(real.emails), weight: 3 }, { arbitrary: hostileText, weight: 1 }),
      }),
  },
  timelogCreate: {
    document: mutation('timelogCreate', 'TimelogCreateInput', 'errors timelog { id timeSpent }'),
    input: () =>
      fc.record(
        {
          issuableId: globalIds('Issue', real.issues),
          timeSpent: mostly(fc.constantFrom('1h', '30m', '1w 2d', '-15m', '1.5h'), fc.oneof(fc.constantFrom('soon', '0', '-999h', '99999999y', ''), hostileText)),
          spentAt: fc.option(fc.constantFrom('2026-01-05T10:00:00Z', '2999-01-01T00:00:00Z', 'yesterday', '2026-13-45'), { nil: null }),
          summary: mostly(plainName, hostileText),
        },
        { requiredKeys: ['issuableId', 'timeSpent', 'summary'] },
      ),
  },
  timelogDelete: {
    document: mutation('timelogDelete', 'TimelogDeleteInput', 'errors timelog { id }'),
    input: () => fc.record({ id: globalIds('Timelog', real.timelogs) }),
  },
  rapportCustomerRelationsImport: {
    document: mutation('rapportCustomerRelationsImport', 'RapportCustomerRelationsImportInput', 'errors report { imported created updated rejected rejections { row column message } }'),
    input: () => {
      const cell = fc.oneof(
        plainName,
        fc.emailAddress(),
        fc.constantFrom(...real.emails),
        hostileText,
        fc.constantFrom('', '"', '""', '"a,b"', "'=1+1", '12.50', '-1', 'inactive', 'acme.com; eu.acme.com', 'maintainer', 'Enterprise'),
      );
      const header: fc.Arbitrary<readonly string[]> = fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(
            ['first_name', 'Last name', 'E-mail', 'phone', 'organization', 'state'],
            ['name', 'default_rate', 'description', 'state'],
            ['name', 'domains', 'tier', 'Annual revenue', 'Account owner', 'state'],
          ),
        },
        { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom('first_name', 'Last name', 'email', 'name', 'default_rate', ''), hostileText), { minLength: 1, maxLength: 7 }) },
      );
      const csv = fc
        .tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
        .map(([names, rows, newline]) => [names, ...rows].map((row) => row.join(',')).join(newline));
      return fc.record(
        {
          groupPath: mostly(fc.constant('acme'), groupPaths),
          kind: mostly(fc.constantFrom('CONTACTS', 'ORGANIZATIONS'), fc.constantFrom('contacts', 'PEOPLE')),
          csv: fc.oneof({ arbitrary: csv, weight: 3 }, { arbitrary: hostileText, weight: 1 }),
          dryRun: hostileBoolean,
          existing: fc.option(fc.constantFrom('UPDATE', 'SKIP', 'update', 'MERGE'), { nil: null }),
          columnMapping: fc.option(
            fc.array(fc.record({ field: fc.constantFrom('FIRST_NAME', 'LAST_NAME', 'EMAIL', 'NAME', 'DEFAULT_RATE', 'DOMAINS', 'ACCOUNT_OWNER', 'first_name'), column: fc.option(fc.oneof(plainName, hostileText), { nil: null }) }), {
              maxLength: 3,
            }),
            { nil: null },
          ),
        },
        { requiredKeys: ['groupPath', 'kind', 'csv'] },
      );
    },
  },
  personalAccessTokenCreate: {
    document: mutation('personalAccessTokenCreate', 'PersonalAccessTokenCreateInput', 'errors token personalAccessToken { id expiresAt }'),
    headers: () => browserHeaders,
    input: () =>
      fc.record(
        {
          name: mostly(plainName, hostileText),
          scopes: mostly(fc.subarray(['api', 'read_api'], { minLength: 1 }), fc.array(fc.oneof(fc.constantFrom('api', 'read_api', 'sudo', 'API', ''), hostileText), { maxLength: 3 })),
          expiresAt: fc.oneof(
            fc.integer({ min: -400, max: 800 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)),
            fc.constantFrom(null, '', '2026-02-30', '2026-13-01', 'tomorrow', '2026-1-1'),
            hostileText,
          ),
        },
        { requiredKeys: ['name', 'scopes'] },
      ),
  },
  personalAccessTokenRevoke: {
    document: mutation('personalAccessTokenRevoke', 'PersonalAccessTokenRevokeInput'),
    // Not the token the other calls are made with: a generated ID may well be that token's.
    headers: () => browserHeaders,
    input: () => fc.record({ id: globalIds('PersonalAccessToken', real.tokens) }),
  },
};

/** Puts acme's CRM setting back: a fuzzed call may legitimately switch CRM off or move its source. */
async function restoreCrmSettings() {
  await handle.db.update(groupCrmSettings).set({ enabled: true, sourceGroupId: null }).where(eq(groupCrmSettings.groupId, acmeId));
}

describe('every mutation input gets a result or a clear error, and a refusal changes nothing', () => {
  it('covers every mutation of the schema', () => {
    expect(Object.keys(fuzzed).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  it.each(Object.keys(fuzzed))('%s', async (name) => {
    const { document, input, headers: callerHeaders } = fuzzed[name]!;
    const seen = { applied: 0, refusedInPayload: 0, refusedAtTopLevel: 0, slowestMs: 0 };
    await fc.assert(
      fc.asyncProperty(input(), async (generated) => {
        const before = await snapshotTables(handle.db, snapshotted);
        const { result: response, elapsedMs } = await timed(() => postGraphQL(document, { input: generated }, { headers: callerHeaders?.() ?? headers }));
        expectClearAnswer(response, elapsedMs);
        seen.slowestMs = Math.max(seen.slowestMs, elapsedMs);
        if (wasRejected(response)) {
          seen[response.errors ? 'refusedAtTopLevel' : 'refusedInPayload'] += 1;
          const changed = changedTables(before, await snapshotTables(handle.db, snapshotted));
          if (changed.length > 0) throw new Error(`refused, yet changed ${changed.join(', ')}: ${JSON.stringify(response)}`);
        } else {
          seen.applied += 1;
        }
        await restoreCrmSettings();
      }),
      { numRuns: fuzzRuns({ default: 60, long: 300 }) },
    );
    // The generators must reach both sides of the property, or it proves nothing.
    expect(seen.applied).toBeGreaterThan(0);
    expect(seen.refusedInPayload + seen.refusedAtTopLevel).toBeGreaterThan(0);
  }, propertyTestTimeoutMs);
});
