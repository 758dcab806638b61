import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { postGraphQL, queryAs } from '../testing/graphql-client';
import { addSubgroupDeveloper, subgroupDeveloperUsername } from '../testing/roles';
import { createSeededAppDatabase } from '../testing/test-database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

const as = <TData>(username: string, query: string, variables: Record<string, unknown> = {}) =>
  queryAs<TData>(handle.db, username, query, variables);

interface GroupTree {
  group: {
    rapportCanReadCrm: boolean;
    children: { nodes: { fullPath: string }[] };
    descendants: { nodes: { fullPath: string }[] };
    ownProjects: { nodes: { fullPath: string }[] };
    allProjects: { nodes: { fullPath: string }[] };
  } | null;
}

const groupTreeQuery = /* GraphQL */ `
  query ($fullPath: ID!) {
    group(fullPath: $fullPath) {
      rapportCanReadCrm
      children: descendantGroups(includeParentDescendants: false) { nodes { fullPath } }
      descendants: descendantGroups { nodes { fullPath } }
      ownProjects: projects { nodes { fullPath } }
      allProjects: projects(includeSubgroups: true) { nodes { fullPath } }
    }
  }
`;

describe('Group.descendantGroups and Group.projects', () => {
  it('lists subgroups and projects below a group the viewer can see', async () => {
    const { data } = await as<GroupTree>('reporter', groupTreeQuery, { fullPath: 'acme' });
    expect(data?.group?.children.nodes).toEqual([{ fullPath: 'acme/support' }]);
    expect(data?.group?.descendants.nodes).toEqual([{ fullPath: 'acme/support' }]);
    expect(data?.group?.ownProjects.nodes).toEqual([{ fullPath: 'acme/website' }]);
    expect(data?.group?.allProjects.nodes.map((project) => project.fullPath).sort()).toEqual(['acme/support/helpdesk', 'acme/website']);
  });

  it('shows nothing of a group the viewer cannot see', async () => {
    const { data } = await as<GroupTree>('outsider', groupTreeQuery, { fullPath: 'acme' });
    expect(data?.group).toBeNull();
  });
});

describe('Group.rapportCanReadCrm', () => {
  it.each([
    ['reporter', 'acme', true],
    ['planner', 'acme', true],
    ['guest', 'acme', false],
    // The subgroup is not a CRM group: its contacts live in acme.
    ['reporter', 'acme/support', false],
    ['admin', 'globex', true],
  ])('%s on %s → %s', async (username, fullPath, expected) => {
    const { data } = await as<{ group: { rapportCanReadCrm: boolean } | null }>(
      username,
      'query ($fullPath: ID!) { group(fullPath: $fullPath) { rapportCanReadCrm } }',
      { fullPath },
    );
    expect(data?.group?.rapportCanReadCrm).toBe(expected);
  });
});

describe('UserCore.groups', () => {
  it("lists the current user's groups", async () => {
    const { data } = await as<{ currentUser: { groups: { nodes: { fullPath: string }[] } } }>(
      'outsider',
      '{ currentUser { groups { nodes { fullPath } } } }',
    );
    expect(data?.currentUser.groups.nodes).toEqual([{ fullPath: 'globex' }]);
  });

  it('filters by search', async () => {
    const { data } = await as<{ currentUser: { groups: { nodes: { fullPath: string }[] } } }>(
      'developer',
      '{ currentUser { groups(search: "ACME") { nodes { fullPath } } } }',
    );
    expect(data?.currentUser.groups.nodes).toEqual([{ fullPath: 'acme' }]);
  });
});

describe('Query.groups', () => {
  type GroupsData = { groups: { nodes: { fullPath: string }[] } | null };
  const paths = async (username: string, query = '{ groups { nodes { fullPath } } }') =>
    (await as<GroupsData>(username, query)).data?.groups?.nodes.map((group) => group.fullPath);

  it('lists the groups a member can open: their groups and every subgroup below, parents first', async () => {
    expect(await paths('developer')).toEqual(['acme', 'acme/support']);
    await addSubgroupDeveloper(handle.db);
    expect(await paths(subgroupDeveloperUsername)).toEqual(['acme/support']);
  });

  it('lists every group for an admin, who is a member of none', async () => {
    const all = (await handle.db.query.groups.findMany({ columns: { fullPath: true } })).map((group) => group.fullPath).sort();
    expect(await paths('admin')).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
    expect(await paths('admin', '{ groups(topLevelOnly: true) { nodes { fullPath } } }')).toEqual(all.filter((path) => !path.includes('/')));
    expect(await paths('admin', '{ groups(search: "SUPP") { nodes { fullPath } } }')).toEqual(['acme/support']);
  });

  it("lists only a member's own groups, and nothing for anonymous callers", async () => {
    expect(await paths('outsider')).toEqual(['globex']);
    const anonymous = await postGraphQL<GroupsData>('{ groups { nodes { fullPath } } }');
    expect(anonymous.data?.groups?.nodes).toEqual([]);
  });
});
