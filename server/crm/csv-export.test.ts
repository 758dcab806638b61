import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, sessionCookieName } from '../auth/sessions';
import { countStatements, type DatabaseHandle } from '../db/client';
import { contacts, organizationDomains, organizations, organizationTiers } from '../db/schema/crm';
import { userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { crmExportDownload } from '../pages/crm-export-download';
import { type CrmExportKind, escapeFormula, exportFilename, exportPageSize } from './csv-export';
import { groupId, insertContact, insertOrganization } from './fixtures/crm-test-helpers';

/**
 * The CSV export download (`/groups/<path>/-/crm/{contacts,organizations}/export.csv`, whose route
 * hands each request to `crmExportDownload`) called as Next calls it: a request for the URL, and the
 * browser's session cookie and page URL through next/headers.
 */

const jar = new Map<string, string>();
let pageUrl = '/';

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
  headers: async () => new Headers({ 'x-rapport-page-url': pageUrl }),
}));

let handle: DatabaseHandle;
let acmeId: number;

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  acmeId = await groupId(handle.db, 'acme');
});

afterAll(async () => {
  await handle.close();
});

beforeEach(() => jar.clear());

async function signInAs(username: string) {
  const session = await createSession(handle.db, await userId(handle.db, username));
  jar.set(sessionCookieName, session.token);
}

/** GETs the export of `group` with `query`; a redirect (anonymous) comes back as its target. */
async function download(kind: CrmExportKind, group: string, query = '') {
  pageUrl = `/groups/${group}/-/crm/${kind}/export.csv${query}`;
  try {
    const response = await crmExportDownload(kind, new Request(`http://localhost${pageUrl}`), group);
    // Decoded keeping the BOM, which `response.text()` would drop.
    return { status: response.status, headers: response.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return { status: 307, headers: new Headers({ location: digest.split(';')[2] ?? '' }), text: '' };
  }
}

/** The CSV's records (no BOM, CRLF line ends, none of the test's cells holds a line break). */
function lines(text: string): string[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '');
}

describe('escapeFormula', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'quoted", "''quoted"],
    ['Plain = text', 'Plain = text'],
    ['', ''],
  ])('%j → %j', (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped);
  });
});

describe('who may export', () => {
  it('a Developer gets the file, named after the group and the day', async () => {
    await signInAs('developer');
    const response = await download('contacts', 'acme');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${exportFilename('acme', 'contacts')}"`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(lines(response.text)[0]).toBe('first_name,last_name,email,phone,organization,description,state');
  });

  it.each(['reporter', 'planner', 'guest', 'outsider'])('%s gets a 404, as for a group that does not exist', async (username) => {
    await signInAs(username);
    expect((await download('contacts', 'acme')).status).toBe(404);
    expect((await download('organizations', 'acme')).status).toBe(404);
  });

  it('a group that does not exist, or one that holds no contacts (a subgroup), is a 404', async () => {
    await signInAs('owner');
    expect((await download('contacts', 'no-such-group')).status).toBe(404);
    expect((await download('contacts', 'acme/support')).status).toBe(404);
  });

  it('an anonymous visitor is sent to sign in, and back afterwards', async () => {
    const response = await download('contacts', 'acme', '?search=x');
    expect(response.headers.get('location')).toBe(`/users/sign_in?redirect_to=${encodeURIComponent('/groups/acme/-/crm/contacts/export.csv?search=x')}`);
  });
});

describe('contents', () => {
  it('escapes cells a spreadsheet would run as formulas, and quotes what CSV needs quoted', async () => {
    const organization = await insertOrganization(handle.db, { groupId: acmeId, name: '=cmd|" /C calc"!A0', defaultRate: '12.50' });
    await insertContact(handle.db, {
      groupId: acmeId,
      firstName: '=HYPERLINK("http://evil.example","click")',
      lastName: 'Formulaic',
      email: 'formula@inject.test',
      phone: '+1 555 0100',
      description: '@SUM(1+1), with a comma',
      organizationId: organization.id,
    });
    await signInAs('developer');
    const [, row] = lines((await download('contacts', 'acme', '?search=inject.test')).text);
    expect(row).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")",Formulaic,formula@inject.test,'+1 555 0100,"'=cmd|"" /C calc""!A0","'@SUM(1+1), with a comma",active`,
    );
    const organizations = lines((await download('organizations', 'acme', '?search=cmd')).text);
    expect(organizations).toEqual(['name,default_rate,description,state,domains,tier,annual_revenue,account_owner', `"'=cmd|"" /C calc""!A0",12.50,,active,,,,`]);
  });

  it("follows the view's state, search and sort", async () => {
    for (const [lastName, state] of [
      ['Bravo', 'active'],
      ['Alpha', 'active'],
      ['Charlie', 'inactive'],
    ] as const) {
      await insertContact(handle.db, { groupId: acmeId, firstName: 'Sorted', lastName, email: `${lastName.toLowerCase()}@sorted.test`, state });
    }
    await signInAs('maintainer');
    const names = async (query: string) =>
      lines((await download('contacts', 'acme', query)).text)
        .slice(1)
        .map((line) => line.split(',')[1]);
    // The list's defaults: active contacts by last name.
    expect(await names('?search=sorted.test')).toEqual(['Alpha', 'Bravo']);
    expect(await names('?search=sorted.test&state=all&sort=LAST_NAME_DESC')).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(await names('?search=sorted.test&state=inactive')).toEqual(['Charlie']);
    // Page cursors and unknown values are ignored: the export is the whole view.
    expect(await names('?search=sorted.test&sort=NOPE&after=abc')).toEqual(['Alpha', 'Bravo']);
  });

  it('streams a few thousand rows one keyset page (one statement) at a time, in order', async () => {
    const total = exportPageSize * 4 + 123;
    const rows = Array.from({ length: total }, (_, index) => ({
      groupId: acmeId,
      firstName: 'Bulk',
      lastName: `Row ${String(index).padStart(5, '0')}`,
      email: `bulk${index}@bulk-export.test`,
    }));
    await handle.db.insert(contacts).values(rows);
    await signInAs('developer');
    const { result, statements } = await countStatements(() => download('contacts', 'acme', '?search=bulk-export.test'));
    const records = lines(result.text).slice(1);
    expect(records).toHaveLength(total);
    expect(records.map((line) => line.split(',')[1])).toEqual(rows.map((row) => row.lastName));
    const pageStatements = statements.filter((statement) => /from "customer_relations_contacts"/i.test(statement) && /limit 501/i.test(statement));
    expect(pageStatements).toHaveLength(Math.ceil(total / exportPageSize));
    // The pages, plus the session and the group's access facts.
    expect(statements.length).toBeLessThanOrEqual(pageStatements.length + 6);
  });

  it("names organizations' domains, tier and account owner after GitLab's columns, one more statement per page", async () => {
    const [tier] = await handle.db.insert(organizationTiers).values({ groupId: acmeId, name: 'Export Platinum', position: 90 }).returning();
    const ownerId = await userId(handle.db, 'maintainer');
    const total = exportPageSize + 7;
    const rows = await handle.db
      .insert(organizations)
      .values(
        Array.from({ length: total }, (_, index) => ({
          groupId: acmeId,
          name: `Org ${String(index).padStart(4, '0')} attr-export`,
          tierId: index % 2 === 0 ? tier!.id : null,
          annualRevenue: index % 3 === 0 ? `${index}.5` : null,
          accountOwnerId: index % 5 === 0 ? ownerId : null,
        })),
      )
      .returning({ id: organizations.id });
    const ids = rows.map((row) => row.id).sort((a, b) => a - b);
    await handle.db.insert(organizationDomains).values(
      ids.flatMap((organizationId, index) => [`org${index}.attr-export.test`, `www.org${index}.attr-export.test`].map((domain) => ({ groupId: acmeId, organizationId, domain }))),
    );
    await signInAs('developer');
    const { result, statements } = await countStatements(() => download('organizations', 'acme', '?search=attr-export'));
    const records = lines(result.text);
    expect(records[0]).toBe('name,default_rate,description,state,domains,tier,annual_revenue,account_owner');
    expect(records.slice(1, 4)).toEqual([
      'Org 0000 attr-export,,,active,org0.attr-export.test; www.org0.attr-export.test,Export Platinum,0.50,maintainer',
      'Org 0001 attr-export,,,active,org1.attr-export.test; www.org1.attr-export.test,,,',
      'Org 0002 attr-export,,,active,org2.attr-export.test; www.org2.attr-export.test,Export Platinum,,',
    ]);
    expect(records).toHaveLength(total + 1);
    const pages = Math.ceil(total / exportPageSize);
    const attributeStatements = statements.filter((statement) => /from "customer_relations_organizations" left join/i.test(statement));
    expect(attributeStatements).toHaveLength(pages);
    expect(statements.length).toBeLessThanOrEqual(2 * pages + 6);

    // The list's tier filter, which its export link carries, filters the file too.
    const tiered = lines((await download('organizations', 'acme', `?search=attr-export&tier=${tier!.id}`)).text);
    expect(tiered).toHaveLength(Math.ceil(total / 2) + 1);
    expect(tiered.slice(1).every((line) => line.includes(',Export Platinum,'))).toBe(true);
  });
});
