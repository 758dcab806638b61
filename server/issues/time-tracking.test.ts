import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { groups, projects } from '../db/schema/groups';
import { issues, notes, timelogs } from '../db/schema/issues';
import { resourceNotAvailableMessage } from '../errors';
import { toGlobalId } from '../graphql/global-id';
import { postGraphQL, tokenHeaders, userId } from '../testing/graphql-client';
import { countWarmStatements } from '../testing/statement-counts';
import { createSeededAppDatabase } from '../testing/test-database';
import { createCallerHeaders, createIssueAs, createNoteAs, issueRow, newIssue, notesOf } from './issue-test-helpers';

let handle: DatabaseHandle;
let headersOf: ReturnType<typeof createCallerHeaders>;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  headersOf = createCallerHeaders(handle.db);
});

afterAll(async () => {
  await handle.close();
});

const today = () => new Date().toISOString().slice(0, 10);

async function timelogRows(issueId: number) {
  return handle.db
    .select({ timeSpent: timelogs.timeSpent, spentAt: timelogs.spentAt, summary: timelogs.summary, noteId: timelogs.noteId, userId: timelogs.userId })
    .from(timelogs)
    .where(eq(timelogs.issueId, issueId))
    .orderBy(asc(timelogs.id));
}

async function systemNotes(issueId: number): Promise<string[]> {
  return (await notesOf(handle.db, issueId, true)).map((note) => note.body);
}

const issueTimeQuery = /* GraphQL */ `
  query ($id: IssueID!) {
    issue(id: $id) {
      timeEstimate totalTimeSpent humanTimeEstimate humanTotalTimeSpent
      timelogs { nodes { id timeSpent spentAt summary user { username } note { body } issue { iid } userPermissions { adminTimelog } } }
    }
  }
`;

interface IssueTimeData {
  issue: {
    timeEstimate: number;
    totalTimeSpent: number;
    humanTimeEstimate: string | null;
    humanTotalTimeSpent: string | null;
    timelogs: {
      nodes: {
        id: string;
        timeSpent: number;
        spentAt: string;
        summary: string | null;
        user: { username: string };
        note: { body: string } | null;
        issue: { iid: string };
        userPermissions: { adminTimelog: boolean };
      }[];
    };
  } | null;
}

async function issueTimeAs(caller: string, issueGid: string) {
  return postGraphQL<IssueTimeData>(issueTimeQuery, { id: issueGid }, { headers: await headersOf(caller) });
}

const timelogCreateMutation = /* GraphQL */ `
  mutation ($input: TimelogCreateInput!) {
    timelogCreate(input: $input) { errors timelog { id timeSpent spentAt summary user { username } issue { iid } } }
  }
`;

interface TimelogCreateData {
  timelogCreate: { errors: string[]; timelog: { id: string; timeSpent: number; spentAt: string; summary: string | null; user: { username: string } } | null } | null;
}

async function timelogCreateAs(caller: string, input: Record<string, unknown>) {
  return postGraphQL<TimelogCreateData>(timelogCreateMutation, { input }, { headers: await headersOf(caller) });
}

const timelogDeleteMutation = /* GraphQL */ `
  mutation ($input: TimelogDeleteInput!) {
    timelogDelete(input: $input) { errors timelog { id timeSpent summary user { username } issue { iid } } }
  }
`;

async function timelogDeleteAs(caller: string, id: string) {
  return postGraphQL<{
    timelogDelete: { errors: string[]; timelog: { id: string; timeSpent: number; summary: string | null; user: { username: string }; issue: { iid: string } | null } | null } | null;
  }>(
    timelogDeleteMutation,
    { input: { id } },
    { headers: await headersOf(caller) },
  );
}

describe('time tracking quick actions in comments', () => {
  it('sets and removes the estimate with GitLab messages and system notes', async () => {
    const issue = await newIssue(await headersOf('reporter'));
    const set = await createNoteAs(await headersOf('reporter'), issue.id, '/estimate 1w 2d 3h');
    expect(set.data?.createNote?.quickActionsStatus).toEqual({
      messages: ['Set time estimate to 1w 2d 3h.'],
      errorMessages: [],
      commandNames: ['estimate'],
      commandsOnly: true,
    });
    expect((await issueRow(handle.db, issue.dbId)).timeEstimate).toBe((40 + 16 + 3) * 3600);
    const read = await issueTimeAs('guest', issue.id);
    expect(read.data?.issue).toMatchObject({ timeEstimate: 212_400, humanTimeEstimate: '1w 2d 3h', totalTimeSpent: 0, humanTotalTimeSpent: null });

    const removed = await createNoteAs(await headersOf('reporter'), issue.id, '/remove_estimate');
    expect(removed.data?.createNote?.quickActionsStatus?.messages).toEqual(['Removed time estimate.']);
    expect((await issueRow(handle.db, issue.dbId)).timeEstimate).toBe(0);
    expect(await systemNotes(issue.dbId)).toEqual(['changed time estimate to 1w 2d 3h', 'removed time estimate']);
  });

  it('adds, subtracts and removes spent time, linking the timelog to the comment', async () => {
    const issue = await newIssue(await headersOf('developer'));
    const spent = await createNoteAs(await headersOf('developer'), issue.id, 'Fixed the export\n/spend 1h 30m 2026-11-29');
    expect(spent.data?.createNote?.quickActionsStatus?.messages).toEqual(['Added 1h 30m spent time.']);
    expect(spent.data?.createNote?.note?.body).toBe('Fixed the export');
    const subtracted = await createNoteAs(await headersOf('developer'), issue.id, '/spend -30m');
    expect(subtracted.data?.createNote?.quickActionsStatus?.messages).toEqual(['Subtracted 30m spent time.']);

    const rows = await timelogRows(issue.dbId);
    expect(rows.map((row) => row.timeSpent)).toEqual([5_400, -1_800]);
    expect(rows[0]!.spentAt.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(rows[0]!.noteId).not.toBeNull();
    expect(rows[1]!.noteId).toBeNull();
    const read = await issueTimeAs('developer', issue.id);
    expect(read.data?.issue).toMatchObject({ totalTimeSpent: 3_600, humanTotalTimeSpent: '1h' });
    expect(read.data?.issue?.timelogs.nodes[0]).toMatchObject({ timeSpent: 5_400, note: { body: 'Fixed the export' }, user: { username: 'developer' }, issue: { iid: issue.iid } });

    const removed = await createNoteAs(await headersOf('developer'), issue.id, '/remove_time_spent');
    expect(removed.data?.createNote?.quickActionsStatus?.messages).toEqual(['Removed spent time.']);
    expect((await timelogRows(issue.dbId)).map((row) => row.timeSpent)).toEqual([5_400, -1_800, -3_600]);
    expect(await systemNotes(issue.dbId)).toEqual([
      'added 1h 30m of time spent at 2026-11-29',
      `subtracted 30m of time spent at ${today()}`,
      'removed time spent',
    ]);
  });

  it('runs time tracking in a new issue description', async () => {
    const response = await createIssueAs(await headersOf('reporter'), 'acme/website', 'Estimated', 'Plan\n/estimate 2d\n/spend 1h');
    const created = response.data?.createIssue?.issue;
    expect(response.data?.createIssue?.errors).toEqual([]);
    const read = await issueTimeAs('reporter', created!.id);
    expect(read.data?.issue).toMatchObject({ humanTimeEstimate: '2d', humanTotalTimeSpent: '1h' });
  });

  it.each([
    ['/spend soon', '/spend needs a duration, for example /spend 1h 30m or /spend -30m 2026-01-31'],
    ['/spend', '/spend needs a duration, for example /spend 1h 30m or /spend -30m 2026-01-31'],
    ['/spend 0', '/spend needs a duration, for example /spend 1h 30m or /spend -30m 2026-01-31'],
    ['/spend 1h 2999-01-01', "Spent at can't be a future date and time."],
    ['/spend 1h 2026-02-30', '/spend date 2026-02-30 is not a valid date (YYYY-MM-DD)'],
    ['/spend -1h', 'Time to subtract exceeds the total time spent'],
    ['/estimate later', '/estimate needs a duration, for example /estimate 1w 2d 3h'],
    ['/estimate -1h', '/estimate needs a duration, for example /estimate 1w 2d 3h'],
  ])('refuses %j with a clear message and writes nothing', async (body, message) => {
    const issue = await newIssue(await headersOf('reporter'));
    const response = await createNoteAs(await headersOf('reporter'), issue.id, `A comment\n${body}`);
    expect(response.data?.createNote?.errors).toEqual([message]);
    expect(response.data?.createNote?.quickActionsStatus?.errorMessages).toEqual([message]);
    expect(response.data?.createNote?.note).toBeNull();
    expect(await timelogRows(issue.dbId)).toEqual([]);
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
    expect((await issueRow(handle.db, issue.dbId)).timeEstimate).toBe(0);
  });

  it.each(['guest', 'planner'])('refuses time tracking to a %s, writing nothing', async (caller) => {
    const issue = await newIssue(await headersOf('reporter'));
    const response = await createNoteAs(await headersOf(caller), issue.id, 'Me too\n/spend 1h');
    expect(response.data?.createNote?.errors).toEqual(['You have insufficient permissions to track time on this issue']);
    expect(await timelogRows(issue.dbId)).toEqual([]);
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });
});

describe('timelogCreate and timelogDelete', () => {
  it('logs time with a summary and a date, with the system note', async () => {
    const issue = await newIssue(await headersOf('reporter'));
    const response = await timelogCreateAs('reporter', { issuableId: issue.id, timeSpent: '2h 15m', spentAt: '2026-11-02T09:00:00Z', summary: 'Call with Acme' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.timelogCreate).toMatchObject({
      errors: [],
      timelog: { timeSpent: 8_100, spentAt: '2026-11-02T09:00:00.000Z', summary: 'Call with Acme', user: { username: 'reporter' } },
    });
    expect(await systemNotes(issue.dbId)).toEqual(['added 2h 15m of time spent at 2026-11-02']);
  });

  it.each([
    [{ timeSpent: 'soon' }, 'Time spent must be formatted correctly. For example: 1h 30m.'],
    [{ timeSpent: '0h' }, 'Time spent must be formatted correctly. For example: 1h 30m.'],
    [{ timeSpent: '1h', spentAt: '2999-01-01T00:00:00Z' }, "Spent at can't be a future date and time."],
    [{ timeSpent: '-1h' }, 'Time to subtract exceeds the total time spent'],
    [{ timeSpent: '1h', summary: 'x'.repeat(256) }, 'Summary is too long (maximum is 255 characters)'],
  ])('refuses %j in its errors and writes nothing', async (input, message) => {
    const issue = await newIssue(await headersOf('reporter'));
    const response = await timelogCreateAs('reporter', { issuableId: issue.id, summary: '', ...input });
    expect(response.data?.timelogCreate).toEqual({ errors: [message], timelog: null });
    expect(await timelogRows(issue.dbId)).toEqual([]);
    expect(await notesOf(handle.db, issue.dbId)).toEqual([]);
  });

  it.each(['guest', 'planner', 'outsider', 'anonymous'])('refuses a %s with the not-found error', async (caller) => {
    const issue = await newIssue(await headersOf('reporter'));
    const response = await timelogCreateAs(caller, { issuableId: issue.id, timeSpent: '1h', summary: '' });
    expect(response.data?.timelogCreate).toBeNull();
    expect(response.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    expect(await timelogRows(issue.dbId)).toEqual([]);
  });

  it('lets the author and Maintainers delete a timelog, and no one else', async () => {
    const issue = await newIssue(await headersOf('reporter'));
    const first = (await timelogCreateAs('developer', { issuableId: issue.id, timeSpent: '30m', spentAt: '2026-11-03T10:00:00Z', summary: 'Review' })).data!.timelogCreate!.timelog!;
    const second = (await timelogCreateAs('developer', { issuableId: issue.id, timeSpent: '1h', summary: '' })).data!.timelogCreate!.timelog!;

    const permissions = await issueTimeAs('reporter', issue.id);
    expect(permissions.data?.issue?.timelogs.nodes.map((node) => node.userPermissions.adminTimelog)).toEqual([false, false]);
    const asAuthor = await issueTimeAs('developer', issue.id);
    expect(asAuthor.data?.issue?.timelogs.nodes.map((node) => node.userPermissions.adminTimelog)).toEqual([true, true]);

    for (const caller of ['reporter', 'outsider']) {
      const refused = await timelogDeleteAs(caller, first.id);
      expect(refused.errors?.[0]?.message).toBe(resourceNotAvailableMessage);
    }
    expect((await timelogRows(issue.dbId)).length).toBe(2);

    const byAuthor = await timelogDeleteAs('developer', first.id);
    expect(byAuthor.data?.timelogDelete).toEqual({
      errors: [],
      timelog: { id: first.id, timeSpent: 1_800, summary: 'Review', user: { username: 'developer' }, issue: { iid: issue.iid } },
    });
    const byMaintainer = await timelogDeleteAs('maintainer', second.id);
    expect(byMaintainer.data?.timelogDelete?.errors).toEqual([]);
    expect(await timelogRows(issue.dbId)).toEqual([]);
    expect((await systemNotes(issue.dbId)).at(-2)).toBe('deleted 30m of spent time from 2026-11-03');
    expect(await userId(handle.db, 'maintainer')).toBe((await notesOf(handle.db, issue.dbId, true)).at(-1)!.authorId);
  });

  it('refuses an id of another type', async () => {
    const response = await timelogDeleteAs('maintainer', toGlobalId('Issue', 1));
    expect(response.errors?.[0]?.message).toContain('"gid://gitlab/Issue/1" does not represent an instance of Timelog');
  });
});

describe('SQL statements for time tracking in issue lists', () => {
  const issueCount = 30;
  const listQuery = /* GraphQL */ `
    query ($first: Int) {
      project(fullPath: "acme/timed") {
        issues(first: $first) {
          nodes { iid timeEstimate humanTimeEstimate totalTimeSpent humanTotalTimeSpent timelogs { nodes { timeSpent user { username } note { body } issue { iid author { username } } userPermissions { adminTimelog } } } }
        }
      }
    }
  `;
  type ListData = { project: { issues: { nodes: { totalTimeSpent: number; timelogs: { nodes: unknown[] } }[] } } };

  beforeAll(async () => {
    const db = handle.db;
    const [acme] = await db.select().from(groups).where(eq(groups.fullPath, 'acme'));
    const [project] = await db
      .insert(projects)
      .values({ groupId: acme!.id, path: 'timed', name: 'Timed', fullPath: 'acme/timed', lastIssueIid: issueCount })
      .returning();
    const authorId = await userId(db, 'reporter');
    const rows = await db
      .insert(issues)
      .values(Array.from({ length: issueCount }, (_, index) => ({ projectId: project!.id, iid: index + 1, title: `Timed ${index + 1}`, authorId, timeEstimate: 3_600 })))
      .returning({ id: issues.id });
    const noteRows = await db
      .insert(notes)
      .values(rows.map((row) => ({ issueId: row.id, authorId, body: 'Spent on it\n/spend 30m' })))
      .returning({ id: notes.id, issueId: notes.issueId });
    const noteOf = new Map(noteRows.map((note) => [note.issueId, note.id]));
    await db.insert(timelogs).values(
      rows.flatMap((row) => [
        { issueId: row.id, userId: authorId, timeSpent: 1_800, spentAt: new Date('2026-11-02T10:00:00Z'), noteId: noteOf.get(row.id)! },
        { issueId: row.id, userId: authorId, timeSpent: 900, spentAt: new Date('2026-11-03T10:00:00Z') },
      ]),
    );
  });

  async function statementsFor(first: number): Promise<string[]> {
    const headers = await tokenHeaders(handle.db, 'developer');
    const { result, statements } = await countWarmStatements(() => postGraphQL<ListData>(listQuery, { first }, { headers }));
    expect(result.errors).toBeUndefined();
    expect(result.data?.project.issues.nodes).toHaveLength(first);
    expect(result.data?.project.issues.nodes.every((node) => node.totalTimeSpent === 2_700 && node.timelogs.nodes.length === 2)).toBe(true);
    return statements;
  }

  // The issues with their timelogs, the totals of every issue, and the timelogs' users, notes and
  // issues (with their authors) in one batch each: the same for 1 and for 30 issues.
  it('are the same for 1 and for 30 issues with totalTimeSpent and timelogs', async () => {
    const one = await statementsFor(1);
    const thirty = await statementsFor(issueCount);
    expect(thirty).toHaveLength(one.length);
    expect(one.length).toBeLessThanOrEqual(7);
  });
});
