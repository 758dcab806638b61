/**
 * Item 7 of the reliability suite: the app's PostgreSQL server (one of the test's own, in a
 * temporary folder) is stopped and started again while a bounded load of writes, API reads and
 * pages runs. While it is down every answer is a quick, clear 503; when it is back the same server
 * process recovers without a restart; every write acknowledged before the stop is still there.
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './support/app-server';
import { runBoundedLoad } from './support/bounded-load';
import { createApiToken, createSessionCookie, migrateAndSeed } from './support/databases';
import { groupGlobalId } from './support/demo-records';
import { callApi, fetchPage } from './support/graphql-api';
import { type PostgresServer, createPostgresServer } from './support/postgres-server';

const postgresPort = 55437;
const appPort = 3273;
const requestTimeoutMs = 15_000;
/** How long each phase of the load lasts: database up, down, then up again. */
const phaseMs = { before: 4_000, down: 5_000, after: 6_000 };
const recoveryLimitMs = 20_000;

type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'after';
type Kind = 'write' | 'api read' | 'page';

interface Outcome {
  kind: Kind;
  /** The phase when the request was sent and when its answer came: only whole-phase requests are judged strictly. */
  sent: Phase;
  answered: Phase;
  status: number;
  graphqlErrors: string[];
  body: string;
  timedOut: boolean;
  elapsedMs: number;
  /** The email of a contact the server said it created. */
  createdEmail?: string;
  sentAt: number;
}

const contactsQuery = 'query { group(fullPath: "acme") { contacts(first: 5) { count nodes { id } } } }';
const createContactMutation =
  'mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a PostgreSQL restart under load', () => {
  let postgres: PostgresServer | undefined;
  let server: AppServer | undefined;
  let databaseUrl = '';
  const outcomes: Outcome[] = [];
  let phase: Phase = 'before';
  let recoveredAt: number | null = null;
  let postgresBackAt = 0;
  let serverPid = 0;

  beforeAll(async () => {
    postgres = createPostgresServer(postgresPort);
    await postgres.start();
    const admin = new Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('create database rapport');
    await admin.end();
    databaseUrl = postgres.url('rapport');
    await migrateAndSeed(databaseUrl);
    const token = await createApiToken(databaseUrl, 'developer');
    const cookie = await createSessionCookie(databaseUrl, 'developer');
    server = await startAppServer({ port: appPort, databaseUrl });
    serverPid = server.pid;
    const app = server;
    const groupId = await groupGlobalId(app.url, token, 'acme');
    const tag = Date.now().toString(36);

    const request = async (sequence: number): Promise<void> => {
      const kinds: Kind[] = ['write', 'api read', 'page'];
      const kind = kinds[sequence % kinds.length] as Kind;
      const sent = phase;
      const sentAt = performance.now();
      let outcome: Omit<Outcome, 'answered' | 'sentAt' | 'kind' | 'sent'>;
      if (kind === 'page') {
        const page = await fetchPage(`${app.url}/groups/acme/-/crm/contacts`, { cookie }, requestTimeoutMs);
        outcome = { status: page.status, graphqlErrors: [], body: page.text.slice(0, 20_000), timedOut: page.status === 0, elapsedMs: performance.now() - sentAt };
      } else {
        const email = `restart-${tag}-${sequence}@restart.example`;
        const response =
          kind === 'write'
            ? await callApi<{ customerRelationsContactCreate: { contact: { id: string } | null } | null }>(
                app.url,
                token,
                createContactMutation,
                { input: { groupId, firstName: 'Restart', lastName: `Load ${sequence}`, email } },
                requestTimeoutMs,
              )
            : await callApi(app.url, token, contactsQuery, {}, requestTimeoutMs);
        const created = kind === 'write' && response.errors.length === 0 && Boolean((response.data as { customerRelationsContactCreate?: { contact: unknown } } | null)?.customerRelationsContactCreate?.contact);
        outcome = { status: response.status, graphqlErrors: response.errors, body: '', timedOut: response.timedOut, elapsedMs: response.elapsedMs, createdEmail: created ? email : undefined };
      }
      const succeeded = outcome.status === 200 && outcome.graphqlErrors.length === 0;
      if (succeeded && recoveredAt === null && phase === 'after') recoveredAt = performance.now();
      outcomes.push({ ...outcome, kind, sent, answered: phase, sentAt });
    };

    const controller = async () => {
      await sleep(phaseMs.before);
      phase = 'stopping';
      await postgres!.stop();
      phase = 'down';
      await sleep(phaseMs.down);
      phase = 'starting';
      await postgres!.start();
      postgresBackAt = performance.now();
      phase = 'after';
    };
    const totalMs = phaseMs.before + phaseMs.down + phaseMs.after + 10_000;
    await Promise.all([
      controller(),
      runBoundedLoad({
        concurrency: 4,
        durationMs: totalMs,
        maxRequests: 20_000,
        stopWhen: () => phase === 'after' && performance.now() - postgresBackAt > phaseMs.after,
        request,
      }),
    ]);
  });

  afterAll(async () => {
    await server?.stop();
    await postgres?.remove();
  });

  it('never hangs and never answers 500', () => {
    const tally = new Map<string, number>();
    for (const outcome of outcomes) {
      const key = `${outcome.sent}/${outcome.kind}/${outcome.status}${outcome.graphqlErrors.length > 0 ? '+errors' : ''}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const slowestDown = Math.max(0, ...outcomes.filter((outcome) => outcome.sent === 'down').map((outcome) => outcome.elapsedMs));
    console.log(
      `reliability: ${outcomes.length} requests (load average ${loadavg()[0]?.toFixed(1)}); recovered ${recoveredAt === null ? 'never' : `${Math.round(recoveredAt - postgresBackAt)} ms`} after PostgreSQL was back; slowest answer while down ${Math.round(slowestDown)} ms`,
      Object.fromEntries([...tally].sort()),
    );
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((outcome) => outcome.timedOut || outcome.status === 0).length).toBe(0);
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500 && outcome.status !== 503);
    expect(serverErrors.map((outcome) => `${outcome.kind} ${outcome.status} in ${outcome.sent}`), server?.output().slice(-3_000)).toEqual([]);
  });

  it('answers a clear 503 to every API call and page while PostgreSQL is down', () => {
    const whileDown = outcomes.filter((outcome) => outcome.sent === 'down' && outcome.answered === 'down');
    expect(whileDown.length).toBeGreaterThan(10);
    for (const kind of ['write', 'api read', 'page'] as const) expect(whileDown.filter((outcome) => outcome.kind === kind).length).toBeGreaterThan(0);
    const unclear = whileDown.filter((outcome) =>
      outcome.status !== 503 ||
      (outcome.kind === 'page' ? !/temporarily unavailable/i.test(outcome.body) : !outcome.graphqlErrors.some((message) => /temporarily unavailable/i.test(message))),
    );
    expect(unclear.map((outcome) => `${outcome.kind} ${outcome.status} ${outcome.graphqlErrors.join('; ')}`)).toEqual([]);
    expect(Math.max(...whileDown.map((outcome) => outcome.elapsedMs))).toBeLessThan(5_000);
  });

  it('recovers in the same server process once PostgreSQL is back, and then answers everything', () => {
    expect(recoveredAt).not.toBeNull();
    expect(recoveredAt! - postgresBackAt).toBeLessThan(recoveryLimitMs);
    expect(server?.running()).toBe(true);
    expect(server?.pid).toBe(serverPid);
    const afterRecovery = outcomes.filter((outcome) => outcome.sentAt >= recoveredAt!);
    expect(afterRecovery.length).toBeGreaterThan(10);
    const failed = afterRecovery.filter((outcome) => outcome.status !== 200 || outcome.graphqlErrors.length > 0);
    expect(failed.map((outcome) => `${outcome.kind} ${outcome.status} ${outcome.graphqlErrors.join('; ')}`)).toEqual([]);
  });

  it('keeps every contact whose creation was acknowledged, before the stop and after it', async () => {
    const acknowledged = outcomes.flatMap((outcome) => (outcome.createdEmail ? [outcome.createdEmail] : []));
    console.log(`reliability: ${acknowledged.length} acknowledged contact creations, all checked in the database`);
    expect(outcomes.filter((outcome) => outcome.createdEmail && outcome.sent === 'before').length).toBeGreaterThan(5);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const stored = await client.query<{ email: string }>('select email from customer_relations_contacts where email = any($1)', [acknowledged]);
      expect(stored.rows.map((row) => row.email).sort()).toEqual([...acknowledged].sort());
    } finally {
      await client.end();
    }
  });
});
