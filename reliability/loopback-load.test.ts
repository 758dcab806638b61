/**
 * Item 8 of the reliability suite: a bounded load of mixed reads and writes on loopback against one
 * production server on PostgreSQL. Zero 5xx, zero errors, zero lost writes; it reports the
 * throughput held and the server's resident memory at the start and the end.
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './support/app-server';
import { runBoundedLoad } from './support/bounded-load';
import { type ScratchDatabase, createApiToken, createScratchDatabase, createSessionCookie, migrateAndSeed, sharedServerUrl } from './support/databases';
import { createIssue, createNoteMutation, groupGlobalId } from './support/demo-records';
import { callApi, fetchPage } from './support/graphql-api';
import { megabytes } from './support/process-memory';

const appPort = 3274;
const concurrency = 8;
const durationMs = 20_000;
const maxRequests = 20_000;
const requestTimeoutMs = 15_000;

type Kind = 'contacts search' | 'issues with contacts' | 'contacts page' | 'contact create' | 'comment create';
/** Out of every 20 requests: reads first, then writes. */
const mix: [Kind, number][] = [
  ['contacts search', 7],
  ['issues with contacts', 4],
  ['contacts page', 3],
  ['contact create', 3],
  ['comment create', 3],
];
const schedule: Kind[] = mix.flatMap(([kind, count]) => Array.from({ length: count }, () => kind));

interface Outcome {
  kind: Kind;
  status: number;
  errors: string[];
  timedOut: boolean;
  elapsedMs: number;
}

const contactsSearchQuery =
  'query($search: String) { group(fullPath: "acme") { contacts(first: 20, search: $search) { count nodes { id firstName lastName email organization { name } } } } }';
const issuesQuery =
  'query { project(fullPath: "acme/website") { issues(first: 20) { nodes { iid title customerRelationsContacts(first: 6) { nodes { firstName email } } } } } }';
const createContactMutation =
  'mutation($input: CustomerRelationsContactCreateInput!) { customerRelationsContactCreate(input: $input) { contact { id } errors } }';
const searches = ['johnson', 'north', 'a', 'cedar', 'smith', 'example'];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

describe('a bounded loopback load of mixed reads and writes', () => {
  let database: ScratchDatabase | undefined;
  let server: AppServer | undefined;
  const outcomes: Outcome[] = [];
  const createdEmails: string[] = [];
  const createdComments: string[] = [];
  const memory = { startBytes: 0, endBytes: 0 };
  let elapsedMs = 0;
  let tag = '';

  beforeAll(async () => {
    database = await createScratchDatabase(sharedServerUrl, 'rapport_load');
    await migrateAndSeed(database.url);
    const token = await createApiToken(database.url, 'developer');
    const cookie = await createSessionCookie(database.url, 'developer');
    server = await startAppServer({ port: appPort, databaseUrl: database.url });
    const app = server;
    memory.startBytes = app.rssBytes();
    const groupId = await groupGlobalId(app.url, token, 'acme');
    tag = Date.now().toString(36);
    const issues = [await createIssue(app.url, token, 'acme/website', `Load ${tag} 1`), await createIssue(app.url, token, 'acme/website', `Load ${tag} 2`)];

    const send = async (kind: Kind, sequence: number): Promise<Omit<Outcome, 'kind'>> => {
      switch (kind) {
        case 'contacts search':
          return callApi(app.url, token, contactsSearchQuery, { search: searches[sequence % searches.length] }, requestTimeoutMs);
        case 'issues with contacts':
          return callApi(app.url, token, issuesQuery, {}, requestTimeoutMs);
        case 'contacts page': {
          const started = performance.now();
          const page = await fetchPage(`${app.url}/groups/acme/-/crm/contacts`, { cookie }, requestTimeoutMs);
          return { status: page.status, errors: [], timedOut: page.status === 0, elapsedMs: performance.now() - started };
        }
        case 'contact create': {
          const email = `load-${tag}-${sequence}@load.example`;
          const response = await callApi<{ customerRelationsContactCreate: { errors: string[] } | null }>(
            app.url,
            token,
            createContactMutation,
            { input: { groupId, firstName: 'Load', lastName: `Contact ${sequence}`, email } },
            requestTimeoutMs,
          );
          const errors = [...response.errors, ...(response.data?.customerRelationsContactCreate?.errors ?? [])];
          if (response.status === 200 && errors.length === 0) createdEmails.push(email);
          return { ...response, errors };
        }
        case 'comment create': {
          const body = `Load comment ${tag} ${sequence}`;
          const issue = issues[sequence % issues.length]!;
          const response = await callApi<{ createNote: { errors: string[] } | null }>(app.url, token, createNoteMutation, { input: { noteableId: issue.id, body } }, requestTimeoutMs);
          const errors = [...response.errors, ...(response.data?.createNote?.errors ?? [])];
          if (response.status === 200 && errors.length === 0) createdComments.push(body);
          return { ...response, errors };
        }
      }
    };

    const run = await runBoundedLoad({
      concurrency,
      durationMs,
      maxRequests,
      request: async (sequence) => {
        const kind = schedule[sequence % schedule.length]!;
        const outcome = await send(kind, sequence);
        outcomes.push({ kind, status: outcome.status, errors: outcome.errors, timedOut: outcome.timedOut, elapsedMs: outcome.elapsedMs });
      },
    });
    elapsedMs = run.elapsedMs;
    memory.endBytes = app.rssBytes();
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('answers every request in time, with no 5xx and no error', () => {
    const latencies = outcomes.map((outcome) => outcome.elapsedMs).sort((a, b) => a - b);
    const perKind = Object.fromEntries(mix.map(([kind]) => [kind, outcomes.filter((outcome) => outcome.kind === kind).length]));
    console.log(
      `reliability: ${outcomes.length} requests at concurrency ${concurrency} in ${(elapsedMs / 1000).toFixed(1)} s = ${Math.round(outcomes.length / (elapsedMs / 1000))} requests/s; ` +
        `p50 ${Math.round(percentile(latencies, 0.5))} ms, p99 ${Math.round(percentile(latencies, 0.99))} ms; ` +
        `RSS ${megabytes(memory.startBytes)} MB at start, ${megabytes(memory.endBytes)} MB at end; machine load average ${loadavg()[0]?.toFixed(1)}`,
      perKind,
    );
    expect(outcomes.length).toBeGreaterThan(200);
    const failed = outcomes.filter((outcome) => outcome.timedOut || outcome.status !== 200 || outcome.errors.length > 0);
    expect(failed.map((outcome) => `${outcome.kind} ${outcome.status} ${outcome.errors.join('; ')}`), server?.output().slice(-3_000)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([]);
  });

  it('serves a GitLab page URL in-process, not by an HTTP request back to itself', async () => {
    const cookie = await createSessionCookie(database!.url, 'developer');
    const response = await fetch(`${server!.url}/groups/acme/-/crm/contacts`, { headers: { cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    // Next names the internal route it served; an absolute URL there means it proxied the page over HTTP.
    expect(response.headers.get('x-middleware-rewrite')).toBe('/~/groups/acme/crm/contacts');
  });

  it('loses no write: every acknowledged contact and comment is stored, once', async () => {
    expect(createdEmails.length).toBeGreaterThan(20);
    expect(createdComments.length).toBeGreaterThan(20);
    const client = new Client({ connectionString: database!.url });
    await client.connect();
    try {
      const contacts = await client.query<{ email: string }>("select email from customer_relations_contacts where email like $1", [`load-${tag}-%`]);
      expect(contacts.rows.map((row) => row.email).sort()).toEqual([...createdEmails].sort());
      const comments = await client.query<{ body: string }>('select body from notes where body like $1 and not system', [`Load comment ${tag} %`]);
      expect(comments.rows.map((row) => row.body).sort()).toEqual([...createdComments].sort());
    } finally {
      await client.end();
    }
  });
});
