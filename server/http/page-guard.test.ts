import { describe, expect, it, vi } from 'vitest';
import { csvImportMaxBytes } from '@/lib/crm/csv-import-fields';
import { guardPageRequest, maxServerActionBodyBytes } from './page-guard';

vi.mock('../db/availability', () => ({ databaseIsAvailable: async () => true }));

const post = (path: string, length: number) =>
  guardPageRequest(new Request(`http://localhost${path}`, { method: 'POST', headers: { host: 'localhost', 'content-length': String(length) } }));

describe('the size of a posted body', () => {
  it('a form may send 1 MB; the CSV import upload, on its public and internal paths, takes its own 20 MB', async () => {
    expect((await post('/groups/acme/-/crm/contacts', maxServerActionBodyBytes + 1))?.status).toBe(413);
    for (const path of ['/groups/acme/support/-/crm/import/upload', '/~/groups/acme~support/crm/import/upload']) {
      expect(await post(path, csvImportMaxBytes)).toBeNull();
      const refused = await post(path, csvImportMaxBytes + 1);
      expect(refused?.status).toBe(413);
      expect(await refused?.text()).toBe('Payload too large: a file may be at most 20 MB.');
    }
    expect((await post('/groups/acme/-/crm/import', maxServerActionBodyBytes + 1))?.status).toBe(413);
  });
});
