import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CsvImportLine, CsvImportPreview } from '@/lib/crm/csv-import-fields';
import { createSession, sessionCookieName } from '../auth/sessions';
import type { DatabaseHandle } from '../db/client';
import { contactByEmailIn, unique } from '../crm/fixtures/crm-test-helpers';
import { fileTooLargeMessage } from '../crm/csv-import-reader';
import { userId } from '../testing/graphql-client';
import { createSeededAppDatabase } from '../testing/test-database';
import { crmImportUpload } from './crm-import-upload';

/**
 * The import page's upload route (`POST /groups/<path>/-/crm/import/upload`, whose handler is
 * `crmImportUpload`) called as Next calls it, with the browser's session cookie through next/headers.
 */

const jar = new Map<string, string>();

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
  headers: async () => new Headers(),
}));

let handle: DatabaseHandle;
let csrfToken = '';

beforeAll(async () => {
  handle = await createSeededAppDatabase();
});

afterAll(async () => {
  await handle.close();
});

beforeEach(() => jar.clear());

async function signInAs(username: string) {
  const session = await createSession(handle.db, await userId(handle.db, username));
  jar.set(sessionCookieName, session.token);
  csrfToken = session.csrfToken;
}

function post(query: Record<string, string>, body: BodyInit, token = csrfToken) {
  const url = `http://localhost/groups/acme/-/crm/import/upload?${new URLSearchParams(query)}`;
  return crmImportUpload(new Request(url, { method: 'POST', body, headers: { 'x-csrf-token': token } }), 'acme');
}

async function lines(response: Response): Promise<CsvImportLine[]> {
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CsvImportLine);
}

describe('the upload route', () => {
  it('previews, dry-runs with progress lines, then imports', async () => {
    await signInAs('developer');
    const email = `${unique('upload')}@x.test`;
    const csv = `Given name,Surname,Email,Extra\nAda,Lovelace,${email},1\n`;

    const preview = await post({ step: 'preview', kind: 'contacts' }, csv);
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as CsvImportPreview).columns.map((column) => column.field)).toEqual(['firstName', 'lastName', 'email', null]);

    const dry = await post({ step: 'dry-run', kind: 'contacts' }, csv);
    expect(dry.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const dryLines = await lines(dry);
    const percents = dryLines.flatMap((line) => (line.type === 'progress' ? [line.percent] : []));
    expect(percents.length).toBeGreaterThan(1);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(dryLines.at(-1)).toMatchObject({ type: 'report', report: { dryRun: true, created: 1, rejected: 0 } });
    expect(await contactByEmailIn(handle.db, 'acme', email)).toBeNull();

    const done = await lines(await post({ step: 'import', kind: 'contacts', existing: 'skip', mapping: JSON.stringify({ phone: null }) }, csv));
    expect(done.at(-1)).toMatchObject({ type: 'report', report: { imported: true, created: 1 } });
    expect(await contactByEmailIn(handle.db, 'acme', email)).toMatchObject({ firstName: 'Ada' });
  });

  it('refuses a request without the page CSRF token, a Reporter (404), and a file over the limit (413)', async () => {
    await signInAs('developer');
    expect((await post({ step: 'preview' }, 'a,b\n', 'forged')).status).toBe(403);
    const tooLarge = await post({ step: 'dry-run' }, new Uint8Array(20 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ errors: [fileTooLargeMessage] });
    await signInAs('reporter');
    expect((await post({ step: 'preview' }, 'first_name,last_name\nA,B\n')).status).toBe(404);
  });
});
