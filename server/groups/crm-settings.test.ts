import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { auditEvents } from '../db/schema/audit';
import { accessLevels, groupCrmSettings, groups, members, projects } from '../db/schema/groups';
import { resourceNotAvailableMessage } from '../errors';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { sourceChangeRefusedMessage, sourceOutsideGroupMessage, topLevelGroupOnlyMessage } from './crm-settings';

let handle: DatabaseHandle;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  const [acme] = await handle.db.select().from(groups).where(eq(groups.fullPath, 'acme'));
  acmeId = acme!.id;
});

afterAll(async () => {
  await handle.close();
});

interface SettingsPayload {
  groupCrmSettingsUpdate: { crmSettings: { enabled: boolean; sourceGroup: { fullPath: string } } | null; errors: string[] } | null;
}

const updateMutation = /* GraphQL */ `
  mutation($input: GroupCrmSettingsUpdateInput!) {
    groupCrmSettingsUpdate(input: $input) { crmSettings { enabled sourceGroup { fullPath } } errors }
  }
`;

async function updateAs(username: string, input: Record<string, unknown>) {
  return postGraphQL<SettingsPayload>(updateMutation, { input }, { headers: await tokenHeaders(handle.db, username) });
}

const visibilityQuery = /* GraphQL */ `
  query($fullPath: ID!, $projectPath: ID!) {
    group(fullPath: $fullPath) {
      rapportCanReadCrm
      rapportCanAdminCrmSettings
      rapportCrmSettings { enabled sourceGroup { fullPath } }
      contacts(first: 1) { count }
    }
    project(fullPath: $projectPath) { rapportCanReadIssueContacts }
  }
`;

interface VisibilityData {
  group: {
    rapportCanReadCrm: boolean;
    rapportCanAdminCrmSettings: boolean;
    rapportCrmSettings: { enabled: boolean; sourceGroup: { fullPath: string } } | null;
    contacts: { count: number } | null;
  } | null;
  project: { rapportCanReadIssueContacts: boolean } | null;
}

async function visibilityAs(username: string, fullPath = 'acme', projectPath = 'acme/website') {
  const response = await postGraphQL<VisibilityData>(visibilityQuery, { fullPath, projectPath }, { headers: await tokenHeaders(handle.db, username) });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** A fresh top-level group with one subgroup and a project, owned by `owner`, with no issue contacts. */
async function freshGroupTree(name: string) {
  const [root] = await handle.db.insert(groups).values({ path: name, name, fullPath: name }).returning();
  const [sub] = await handle.db.insert(groups).values({ parentId: root!.id, path: 'sales', name: 'Sales', fullPath: `${name}/sales` }).returning();
  await handle.db.insert(projects).values({ groupId: sub!.id, path: 'crm', name: 'CRM', fullPath: `${name}/sales/crm` });
  await handle.db.insert(members).values({ userId: await userId(handle.db, 'owner'), groupId: root!.id, accessLevel: accessLevels.owner });
  return { root: root!, sub: sub! };
}

describe('Group.rapportCrmSettings', () => {
  it('shows the setting to Owners and admins of a top-level group only', async () => {
    for (const username of ['owner', 'admin']) {
      const data = await visibilityAs(username);
      expect(data.group?.rapportCanAdminCrmSettings).toBe(true);
      expect(data.group?.rapportCrmSettings).toEqual({ enabled: true, sourceGroup: { fullPath: 'acme' } });
    }
    for (const username of ['maintainer', 'developer', 'reporter', 'planner', 'guest']) {
      const data = await visibilityAs(username);
      expect(data.group?.rapportCanAdminCrmSettings).toBe(false);
      expect(data.group?.rapportCrmSettings).toBeNull();
    }
    const subgroup = await visibilityAs('owner', 'acme/support');
    expect(subgroup.group?.rapportCanAdminCrmSettings).toBe(false);
    expect(subgroup.group?.rapportCrmSettings).toBeNull();
  });
});

describe('groupCrmSettingsUpdate', () => {
  it.each(['maintainer', 'developer', 'reporter', 'planner', 'guest', 'outsider'])('refuses a %s and changes nothing', async (username) => {
    const response = await updateAs(username, { fullPath: 'acme', enabled: false });
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    const [setting] = await handle.db.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, acmeId));
    expect(setting?.enabled).toBe(true);
  });

  it('disables CRM for the whole tree: the menu, the issue sidebar and the lists follow, then re-enables it', async () => {
    const off = await updateAs('owner', { fullPath: 'acme', enabled: false });
    expect(off.data?.groupCrmSettingsUpdate).toEqual({ crmSettings: { enabled: false, sourceGroup: { fullPath: 'acme' } }, errors: [] });
    for (const username of ['owner', 'developer']) {
      const data = await visibilityAs(username);
      expect(data.group?.rapportCanReadCrm).toBe(false);
      expect(data.group?.contacts?.count ?? 0).toBe(0);
      expect(data.project?.rapportCanReadIssueContacts).toBe(false);
    }
    // The owner can still reach the setting to turn it back on.
    expect((await visibilityAs('owner')).group?.rapportCanAdminCrmSettings).toBe(true);

    const on = await updateAs('admin', { fullPath: 'acme', enabled: true });
    expect(on.data?.groupCrmSettingsUpdate?.errors).toEqual([]);
    const data = await visibilityAs('developer');
    expect(data.group?.rapportCanReadCrm).toBe(true);
    expect(data.project?.rapportCanReadIssueContacts).toBe(true);

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'crm_settings_updated'), eq(auditEvents.targetId, acmeId)));
    expect(events.map((event) => event.changes)).toEqual([{ enabled: { before: true, after: false } }, { enabled: { before: false, after: true } }]);
  });

  it('refuses a source change while issues have contacts from the current source', async () => {
    const response = await updateAs('owner', { fullPath: 'acme', sourceGroupPath: 'acme/support' });
    expect(response.data?.groupCrmSettingsUpdate).toEqual({ crmSettings: null, errors: [sourceChangeRefusedMessage] });
    const [setting] = await handle.db.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, acmeId));
    expect(setting?.sourceGroupId).toBeNull();
  });

  it('refuses a source outside the group, and a subgroup as the target', async () => {
    const outside = await updateAs('admin', { fullPath: 'acme', sourceGroupPath: 'globex' });
    expect(outside.data?.groupCrmSettingsUpdate?.errors).toEqual([sourceOutsideGroupMessage]);
    const unknown = await updateAs('admin', { fullPath: 'acme', sourceGroupPath: 'no/such/group' });
    expect(unknown.data?.groupCrmSettingsUpdate?.errors).toEqual([sourceOutsideGroupMessage]);
    const subgroup = await updateAs('owner', { fullPath: 'acme/support', enabled: false });
    expect(subgroup.data?.groupCrmSettingsUpdate?.errors).toEqual([topLevelGroupOnlyMessage]);
  });

  it('moves the contact source to a subgroup when no issue has contacts, and back', async () => {
    const { root, sub } = await freshGroupTree('initech');
    const moved = await updateAs('owner', { fullPath: 'initech', sourceGroupPath: 'initech/sales' });
    expect(moved.data?.groupCrmSettingsUpdate).toEqual({ crmSettings: { enabled: true, sourceGroup: { fullPath: 'initech/sales' } }, errors: [] });
    const [setting] = await handle.db.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, root.id));
    expect(setting?.sourceGroupId).toBe(sub.id);
    expect((await visibilityAs('owner', 'initech', 'initech/sales/crm')).group?.rapportCanReadCrm).toBe(false);
    expect((await visibilityAs('owner', 'initech/sales', 'initech/sales/crm')).group?.rapportCanReadCrm).toBe(true);

    const back = await updateAs('owner', { fullPath: 'INITECH', sourceGroupPath: 'initech' });
    expect(back.data?.groupCrmSettingsUpdate?.crmSettings?.sourceGroup.fullPath).toBe('initech');
    const [after] = await handle.db.select().from(groupCrmSettings).where(eq(groupCrmSettings.groupId, root.id));
    expect(after?.sourceGroupId).toBeNull();
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'crm_settings_updated'), eq(auditEvents.targetId, root.id)));
    expect(events.map((event) => event.changes)).toEqual([
      { sourceGroup: { before: 'initech', after: 'initech/sales' } },
      { sourceGroup: { before: 'initech/sales', after: 'initech' } },
    ]);
  });

  it('refuses a read_api token', async () => {
    const response = await postGraphQL(updateMutation, { input: { fullPath: 'acme', enabled: false } }, { headers: await tokenHeaders(handle.db, 'owner', ['read_api']) });
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
  });
});
