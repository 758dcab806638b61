/**
 * Item 6 of the reliability suite: two production servers on one PostgreSQL database, 200-odd
 * concurrent contact changes on the same issues through `issueSetCrmContacts` and quick actions in
 * `createNote`, split between them. The issue's row lock must serialize them: every link exactly
 * once, the "at most 6 added at one time" limit judged against the links of the moment, and one
 * system note (and one audit event) per change that changed something.
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tooManyContactsMessage } from '../server/issues/messages';
import { contactsChangedNote } from '../server/issues/system-notes';
import { type AppServer, startAppServer } from './support/app-server';
import { type ScratchDatabase, createApiToken, createScratchDatabase, migrateAndSeed, sharedServerUrl } from './support/databases';
import { type CreatedContact, type CreatedIssue, createContact, createIssue, createNoteMutation, groupGlobalId, setContactsMutation } from './support/demo-records';
import { apiData, callApi } from './support/graphql-api';

const ports = [3271, 3272];
const project = 'acme/website';
const issueCount = 4;

/** Per issue: which contacts play which part in the race. */
interface IssuePlan {
  issue: CreatedIssue;
  /** Only ever appended (4 calls each): must end linked, added by exactly one change. */
  appended: CreatedContact[];
  /** Linked before the race, only ever removed (4 calls each): must end unlinked, removed once. */
  removed: CreatedContact[];
  /** Appended twice and removed twice: the end depends on the order, which the audit log replays. */
  contested: CreatedContact[];
  /** Seven never-linked contacts appended at once: always refused by the limit of 6. */
  overLimit: CreatedContact[];
  /** Six fresh contacts appended with appended[0]: allowed only if appended[0] was linked first. */
  limitEdge: CreatedContact[];
}

interface RaceCall {
  issue: IssuePlan;
  part: 'append' | 'remove' | 'contested' | 'over limit' | 'limit edge';
  kind: 'mutation' | 'quick action';
  add: CreatedContact[];
  remove: CreatedContact[];
  /** A comment line stored with the quick action, which must be stored exactly once. */
  comment?: string;
}

interface RaceResult {
  call: RaceCall;
  status: number;
  topLevelErrors: string[];
  errors: string[];
  timedOut: boolean;
}

/** A deterministic shuffle (xorshift), so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

function raceCalls(plans: IssuePlan[]): RaceCall[] {
  const calls: RaceCall[] = [];
  let commentNumber = 0;
  // Alternates the mutation and the quick action; every other quick action carries a comment.
  const repeat = (issue: IssuePlan, part: RaceCall['part'], change: Pick<RaceCall, 'add' | 'remove'>, times: number) => {
    for (let time = 0; time < times; time += 1) {
      const kind = time % 2 === 0 ? 'mutation' : 'quick action';
      const comment = kind === 'quick action' && time % 4 === 1 ? `race comment ${(commentNumber += 1)}` : undefined;
      calls.push({ issue, part, kind, ...change, comment });
    }
  };
  for (const plan of plans) {
    for (const contact of plan.appended) repeat(plan, 'append', { add: [contact], remove: [] }, 4);
    for (const contact of plan.removed) repeat(plan, 'remove', { add: [], remove: [contact] }, 4);
    for (const contact of plan.contested) {
      repeat(plan, 'contested', { add: [contact], remove: [] }, 2);
      repeat(plan, 'contested', { add: [], remove: [contact] }, 2);
    }
    repeat(plan, 'over limit', { add: plan.overLimit, remove: [] }, 2);
    calls.push({ issue: plan, part: 'limit edge', kind: 'mutation', add: [...plan.limitEdge, plan.appended[0] as CreatedContact], remove: [] });
  }
  return calls;
}

async function send(server: AppServer, token: string, call: RaceCall): Promise<RaceResult> {
  const { issue } = call.issue;
  if (call.kind === 'mutation') {
    const add = call.add.length > 0;
    const response = await callApi<{ issueSetCrmContacts: { errors: string[] } | null }>(server.url, token, setContactsMutation, {
      input: {
        projectPath: project,
        iid: issue.iid,
        operationMode: add ? 'APPEND' : 'REMOVE',
        contactIds: (add ? call.add : call.remove).map((contact) => contact.id),
      },
    }, 60_000);
    return { call, status: response.status, topLevelErrors: response.errors, errors: response.data?.issueSetCrmContacts?.errors ?? [], timedOut: response.timedOut };
  }
  const line = (command: string, contacts: CreatedContact[]) =>
    contacts.length > 0 ? [`/${command} ${contacts.map((contact) => `[contact:${contact.email}]`).join(' ')}`] : [];
  const body = [...(call.comment ? [call.comment] : []), ...line('add_contacts', call.add), ...line('remove_contacts', call.remove)].join('\n');
  const response = await callApi<{ createNote: { errors: string[] } | null }>(server.url, token, createNoteMutation, {
    input: { noteableId: issue.id, body },
  }, 60_000);
  return { call, status: response.status, topLevelErrors: response.errors, errors: response.data?.createNote?.errors ?? [], timedOut: response.timedOut };
}

describe('two server processes on one PostgreSQL database', () => {
  let database: ScratchDatabase | undefined;
  const servers: AppServer[] = [];
  let token = '';
  const plans: IssuePlan[] = [];
  let results: RaceResult[] = [];
  let raceMs = 0;
  let db: Client | undefined;
  const baseline = { auditId: 0, noteId: 0 };

  beforeAll(async () => {
    database = await createScratchDatabase(sharedServerUrl, 'rapport_race');
    await migrateAndSeed(database.url);
    token = await createApiToken(database.url, 'developer');
    for (const port of ports) servers.push(await startAppServer({ port, databaseUrl: database.url }));
    const [first] = servers as [AppServer];
    db = new Client({ connectionString: database.url });
    await db.connect();

    const groupId = await groupGlobalId(first.url, token, 'acme');
    const tag = Date.now().toString(36);
    let contactNumber = 0;
    const contacts = async (count: number) => {
      const created: CreatedContact[] = [];
      for (let index = 0; index < count; index += 1) {
        contactNumber += 1;
        created.push(
          await createContact(first.url, token, { groupId, firstName: 'Race', lastName: `Contact ${contactNumber}`, email: `race-${tag}-${contactNumber}@race.example` }),
        );
      }
      return created;
    };
    for (let index = 0; index < issueCount; index += 1) {
      const issue = await createIssue(first.url, token, project, `Race issue ${index + 1} ${tag}`);
      const plan: IssuePlan = {
        issue,
        appended: await contacts(5),
        removed: await contacts(4),
        contested: await contacts(3),
        overLimit: await contacts(7),
        limitEdge: await contacts(6),
      };
      const linked = await apiData<{ issueSetCrmContacts: { errors: string[] } }>(first.url, token, setContactsMutation, {
        input: { projectPath: project, iid: issue.iid, operationMode: 'APPEND', contactIds: plan.removed.map((contact) => contact.id) },
      });
      expect(linked.issueSetCrmContacts.errors).toEqual([]);
      plans.push(plan);
    }
    const maxima = await db.query<{ audit: number | null; note: number | null }>(
      'select (select max(id) from audit_events) as audit, (select max(id) from notes) as note',
    );
    baseline.auditId = maxima.rows[0]?.audit ?? 0;
    baseline.noteId = maxima.rows[0]?.note ?? 0;

    const calls = shuffled(raceCalls(plans), 0x5eed);
    const started = performance.now();
    results = await Promise.all(calls.map((call, index) => send(servers[index % servers.length] as AppServer, token, call)));
    raceMs = performance.now() - started;
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  it('answers every one of the 200-odd concurrent calls, split across both servers, without a server error', () => {
    expect(results.length).toBeGreaterThanOrEqual(200);
    const failures = results.filter((result) => result.status !== 200 || result.topLevelErrors.length > 0 || result.timedOut);
    const serverLogs = servers.map((server) => server.output().slice(-4_000)).join('\n---\n');
    expect(failures.map((result) => `${result.status} ${result.topLevelErrors.join('; ')}`), serverLogs).toEqual([]);
    console.log(`reliability: ${results.length} concurrent contact changes over 2 servers in ${Math.round(raceMs)} ms (load average ${loadavg()[0]?.toFixed(1)})`);
  });

  it('refuses seven new contacts at once every time, and changes only what each call asked', () => {
    for (const result of results) {
      const { part } = result.call;
      if (part === 'over limit') expect(result.errors).toEqual([tooManyContactsMessage]);
      else if (part === 'limit edge') expect([[], [tooManyContactsMessage]]).toContainEqual(result.errors);
      else expect(result.errors).toEqual([]);
    }
  });

  it('ends with exactly the expected links on every issue, no duplicates', async () => {
    for (const plan of plans) {
      const rows = await db!.query<{ contact_id: number; copies: string }>(
        'select contact_id, count(*) as copies from issue_customer_relations_contacts where issue_id = $1 group by contact_id',
        [plan.issue.numericId],
      );
      expect(rows.rows.filter((row) => Number(row.copies) !== 1)).toEqual([]);
      const linked = new Set(rows.rows.map((row) => row.contact_id));
      const ids = (contacts: CreatedContact[]) => contacts.map((contact) => contact.numericId);
      for (const id of ids(plan.appended)) expect(linked.has(id)).toBe(true);
      for (const id of [...ids(plan.removed), ...ids(plan.overLimit)]) expect(linked.has(id)).toBe(false);
      const edge = results.find((result) => result.call.issue === plan && result.call.part === 'limit edge');
      const edgeAccepted = edge?.errors.length === 0;
      for (const id of ids(plan.limitEdge)) expect(linked.has(id)).toBe(edgeAccepted);
    }
  });

  it('replays: each audit event changes only what was there to change, at most 6 added, and has exactly one system note', async () => {
    for (const plan of plans) {
      const events = await db!.query<{ changes: { added: number[]; removed: number[] } }>(
        "select changes from audit_events where id > $1 and action = 'issue_contacts_changed' and target_id = $2 order by id",
        [baseline.auditId, plan.issue.numericId],
      );
      const notes = await db!.query<{ body: string }>('select body from notes where id > $1 and issue_id = $2 and system order by id', [
        baseline.noteId,
        plan.issue.numericId,
      ]);
      expect(notes.rows.map((note) => note.body)).toEqual(events.rows.map(({ changes }) => contactsChangedNote(changes.added.length, changes.removed.length)));

      const linked = new Set(plan.removed.map((contact) => contact.numericId));
      const timesAdded = new Map<number, number>();
      const timesRemoved = new Map<number, number>();
      for (const { changes } of events.rows) {
        expect(changes.added.length).toBeLessThanOrEqual(6);
        expect(changes.added.length + changes.removed.length).toBeGreaterThan(0);
        if (changes.added.includes(plan.limitEdge[0]!.numericId)) expect(linked.has(plan.appended[0]!.numericId)).toBe(true);
        for (const id of changes.added) {
          expect(linked.has(id)).toBe(false);
          linked.add(id);
          timesAdded.set(id, (timesAdded.get(id) ?? 0) + 1);
        }
        for (const id of changes.removed) {
          expect(linked.has(id)).toBe(true);
          linked.delete(id);
          timesRemoved.set(id, (timesRemoved.get(id) ?? 0) + 1);
        }
      }
      for (const contact of plan.appended) expect(timesAdded.get(contact.numericId)).toBe(1);
      for (const contact of plan.removed) expect(timesRemoved.get(contact.numericId)).toBe(1);
      for (const contact of plan.overLimit) expect(timesAdded.get(contact.numericId)).toBeUndefined();

      const final = await db!.query<{ contact_id: number }>('select contact_id from issue_customer_relations_contacts where issue_id = $1', [plan.issue.numericId]);
      expect(new Set(final.rows.map((row) => row.contact_id))).toEqual(linked);
    }
  });

  it('stores each comment sent with a quick action exactly once, and no other comment', async () => {
    const sent = results.filter((result) => result.call.comment).map((result) => ({ issueId: result.call.issue.issue.numericId, body: result.call.comment, accepted: result.errors.length === 0 }));
    expect(sent.length).toBeGreaterThan(0);
    const stored = await db!.query<{ issue_id: number; body: string }>('select issue_id, body from notes where id > $1 and not system order by id', [baseline.noteId]);
    const expected = sent.filter((comment) => comment.accepted).map((comment) => `${comment.issueId} ${comment.body}`);
    expect(stored.rows.map((note) => `${note.issue_id} ${note.body.trim()}`).sort()).toEqual(expected.sort());
  });
});
