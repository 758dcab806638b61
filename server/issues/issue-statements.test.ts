import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { groups, projects } from '../db/schema/groups';
import { issueContacts, issues, notes } from '../db/schema/issues';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { activeContactIds } from './issue-test-helpers';

let handle: DatabaseHandle;
let headers: Record<string, string>;
const issueCount = 50;

/** A project of this file alone: 50 issues, each with two contacts (most with an organization) and a comment. */
beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headers = await tokenHeaders(handle.db, 'developer');
  const db = handle.db;
  const [acme] = await db.select().from(groups).where(eq(groups.fullPath, 'acme'));
  const [project] = await db
    .insert(projects)
    .values({ groupId: acme!.id, path: 'statements', name: 'Statements', fullPath: 'acme/statements', lastIssueIid: issueCount })
    .returning();
  const authorId = await userId(db, 'reporter');
  const rows = await db
    .insert(issues)
    .values(Array.from({ length: issueCount }, (_, index) => ({ projectId: project!.id, iid: index + 1, title: `Issue ${index + 1}`, authorId })))
    .returning({ id: issues.id });
  const contactIds = await activeContactIds(db, 'acme');
  await db.insert(issueContacts).values(
    rows.flatMap((row, index) => [
      { issueId: row.id, contactId: contactIds[index % contactIds.length]! },
      { issueId: row.id, contactId: contactIds[(index + 7) % contactIds.length]! },
    ]),
  );
  await db.insert(notes).values(rows.map((row) => ({ issueId: row.id, authorId, body: 'A comment' })));
});

afterAll(async () => {
  await handle.close();
});

const listQuery = /* GraphQL */ `
  query ($first: Int) {
    project(fullPath: "acme/statements") {
      issues(first: $first) {
        count
        nodes {
          id iid title webUrl author { username }
          customerRelationsContacts { count nodes { id email organization { id name defaultRate } } }
          notes(first: 5) { nodes { body author { username } } }
        }
      }
    }
  }
`;

interface ListData {
  project: { issues: { count: number; nodes: { customerRelationsContacts: { count: number; nodes: unknown[] } }[] } };
}

async function statementsForList(first: number): Promise<string[]> {
  const { result, statements } = await countWarmStatements(() => postGraphQL<ListData>(listQuery, { first }, { headers }));
  expect(result.errors).toBeUndefined();
  expect(result.data?.project.issues.count).toBe(issueCount);
  expect(result.data?.project.issues.nodes).toHaveLength(first);
  expect(result.data?.project.issues.nodes.every((node) => node.customerRelationsContacts.count === 2)).toBe(true);
  return statements;
}

describe('SQL statements for issues with contacts', () => {
  // Authentication and the project's access facts (the viewer's level, the CRM setting and the level
  // in the CRM group) are cached: no statement. The issues with their authors and notes; their
  // count; their contacts with organizations.
  it('are the same for 1 and for 50 issues in project.issues', async () => {
    const one = await statementsForList(1);
    const fifty = await statementsForList(issueCount);
    expect(one).toHaveLength(3);
    expect(fifty).toHaveLength(3);
  });

  // project.issue(iid): the issue with its contacts and their organizations, in one statement;
  // Query.issue(id): the issue, its contacts (the project's access facts are cached).
  it('stay small for one issue through project.issue(iid) and Query.issue(id)', async () => {
    const single = /* GraphQL */ `
      query ($iid: String) {
        project(fullPath: "acme/statements") {
          issue(iid: $iid) { id customerRelationsContacts { count nodes { id email organization { name } } } }
        }
      }
    `;
    type Single = { project: { issue: { id: string; customerRelationsContacts: { count: number; nodes: unknown[] } } | null } };
    const byPath = await countWarmStatements(() => postGraphQL<Single>(single, { iid: '3' }, { headers }));
    expect(byPath.result.errors).toBeUndefined();
    expect(byPath.statements).toHaveLength(1);

    const byId = /* GraphQL */ `
      query ($id: IssueID!) { issue(id: $id) { iid customerRelationsContacts { count nodes { id email organization { name } } } } }
    `;
    const { result, statements } = await countWarmStatements(() =>
      postGraphQL<{ issue: { iid: string; customerRelationsContacts: { count: number } } }>(byId, { id: byPath.result.data?.project.issue?.id }, { headers }),
    );
    expect(result.data?.issue).toMatchObject({ iid: '3', customerRelationsContacts: { count: 2 } });
    expect(result.data?.issue.customerRelationsContacts).toEqual(byPath.result.data?.project.issue?.customerRelationsContacts);
    expect(statements).toHaveLength(2);

    const [project] = await handle.db.select().from(projects).where(eq(projects.fullPath, 'acme/statements'));
    await handle.db.insert(issues).values({ projectId: project!.id, iid: 900, title: 'No contacts', authorId: await userId(handle.db, 'reporter') });
    const withoutContacts = await countWarmStatements(() => postGraphQL<Single>(single, { iid: '900' }, { headers }));
    expect(withoutContacts.result.data?.project.issue?.customerRelationsContacts).toEqual({ count: 0, nodes: [] });
    expect(withoutContacts.statements).toHaveLength(1);
    const missing = await countWarmStatements(() => postGraphQL<Single>(single, { iid: '901' }, { headers }));
    expect(missing.result).toMatchObject({ data: { project: { issue: null } } });
  });
});
