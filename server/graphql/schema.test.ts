import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFilePath } from './print-schema';

describe('schema.graphql', () => {
  it('matches the schema the server builds (run `npm run schema:print` after changing it)', () => {
    expect(readFileSync(schemaFilePath, 'utf8')).toBe(printedSchema());
  });
});
