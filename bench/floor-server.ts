/**
 * The raw-SQL floor: plain `node:http`, one prepared `pg` statement per request and `JSON.stringify`,
 * answering the API scenarios in the same JSON shape as Rapport's GraphQL. No authentication, no
 * permission checks, no GraphQL: what is left is the database work and HTTP, the least any server
 * answering these requests has to do.
 *
 * Env: DATABASE_URL, PORT, BENCH_POOL_SIZE. `GET /__bench/statements` answers the number of SQL
 * statements run so far.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, type QueryConfig } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
pool.on('error', (error) => console.error('floor: pool error', error.message));
let statements = 0;

interface ContactRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  organization_id: number | null;
  organization_name: string | null;
}

const contactColumns = `c.id, c.first_name, c.last_name, c.email, c.phone, o.id as organization_id, o.name as organization_name`;
const contactJson = `json_build_object('id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'email', c.email, 'phone', c.phone,
  'organization', case when o.id is null then null else json_build_object('id', o.id, 'name', o.name) end)`;

const queries = {
  contacts: `select ${contactColumns}
    from customer_relations_contacts c left join customer_relations_organizations o on o.id = c.organization_id
   where c.group_id = (select id from groups where lower(full_path) = lower($1))
   order by c.last_name, c.id limit 21`,
  search: `select ${contactColumns}
    from customer_relations_contacts c left join customer_relations_organizations o on o.id = c.organization_id
   where c.group_id = (select id from groups where lower(full_path) = lower($1))
     and (c.first_name || ' ' || c.last_name || ' ' || c.email || ' ' || coalesce(c.description, '')) ilike $2
   order by c.last_name, c.id limit 21`,
  issueContacts: `select i.iid,
         coalesce((select json_agg(${contactJson} order by l.created_at, c.id)
                     from issue_customer_relations_contacts l
                     join customer_relations_contacts c on c.id = l.contact_id
                     left join customer_relations_organizations o on o.id = c.organization_id
                    where l.issue_id = i.id), '[]') as contacts
    from issues i
   where i.project_id = (select id from projects where lower(full_path) = lower($1)) and i.iid = $2`,
  issues: `select i.iid, i.title,
         coalesce((select json_agg(${contactJson} order by l.created_at, c.id)
                     from issue_customer_relations_contacts l
                     join customer_relations_contacts c on c.id = l.contact_id
                     left join customer_relations_organizations o on o.id = c.organization_id
                    where l.issue_id = i.id), '[]') as contacts
    from issues i
   where i.project_id = (select id from projects where lower(full_path) = lower($1))
   order by i.created_at desc, i.id desc
   limit $2`,
  stateCounts: `select count(*)::int as all, (count(*) filter (where c.state = 'active'))::int as active,
         (count(*) filter (where c.state = 'inactive'))::int as inactive
    from customer_relations_contacts c
   where c.group_id = (select id from groups where lower(full_path) = lower($1))`,
  contactUpdate: `update customer_relations_contacts set description = $2, updated_at = now()
   where id = $1
   returning id, first_name, last_name, email, description`,
};

async function run<R extends object>(name: keyof typeof queries, values: unknown[]): Promise<R[]> {
  statements += 1;
  const config: QueryConfig = { name: `floor_${name}`, text: queries[name], values };
  return (await pool.query<R>(config)).rows;
}

function contactNode(row: ContactRow) {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    organization: row.organization_id === null ? null : { id: row.organization_id, name: row.organization_name },
  };
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The request's JSON body (the update scenario's `{ id, description }`). */
async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

async function answer(url: URL, request: IncomingMessage): Promise<unknown> {
  const param = (name: string) => url.searchParams.get(name) ?? '';
  switch (url.pathname) {
    case '/contacts': {
      const search = param('search');
      const rows = search
        ? await run<ContactRow>('search', [param('group'), likePattern(search)])
        : await run<ContactRow>('contacts', [param('group')]);
      const nodes = rows.slice(0, 20).map(contactNode);
      return { data: { group: { contacts: { nodes, pageInfo: { hasNextPage: rows.length > 20 } } } } };
    }
    case '/issue-contacts': {
      const [issue] = await run<{ iid: number; contacts: unknown[] }>('issueContacts', [param('project'), Number(param('iid'))]);
      return { data: { project: { issue: issue ? { iid: String(issue.iid), customerRelationsContacts: { nodes: issue.contacts } } : null } } };
    }
    case '/issues': {
      const rows = await run<{ iid: number; title: string; contacts: unknown[] }>('issues', [param('project'), Math.min(100, Number(param('first')) || 100)]);
      const nodes = rows.map((row) => ({ iid: String(row.iid), title: row.title, customerRelationsContacts: { nodes: row.contacts } }));
      return { data: { project: { issues: { nodes } } } };
    }
    case '/contact-state-counts': {
      const [counts] = await run<{ all: number; active: number; inactive: number }>('stateCounts', [param('group')]);
      return { data: { group: { contactStateCounts: counts ?? null } } };
    }
    case '/contact-update': {
      const input = await jsonBody(request);
      const [row] = await run<{ id: number; first_name: string; last_name: string; email: string; description: string | null }>('contactUpdate', [
        Number(input.id),
        String(input.description),
      ]);
      const contact = row
        ? { id: `gid://gitlab/CustomerRelations::Contact/${row.id}`, firstName: row.first_name, lastName: row.last_name, email: row.email, description: row.description }
        : null;
      return { data: { customerRelationsContactUpdate: { contact, errors: [] } } };
    }
    case '/__bench/statements':
      return { statements };
    default:
      return null;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  answer(url, request).then(
    (body) => (body === null ? send(response, 404, { error: 'not found' }) : send(response, 200, body)),
    (error: unknown) => {
      console.error('floor:', error);
      send(response, 500, { error: 'internal error' });
    },
  );
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 3402), '127.0.0.1', () => console.log(`floor: listening on ${process.env.PORT}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}
