import { getNamedType, isObjectType, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer';
import type { DatabaseHandle } from '../db/client';
import { resourceNotAvailableMessage } from '../errors';
import { schema } from '../graphql/schema';
import { postGraphQL } from '../testing/graphql-client';
import { apiHeaders, pageViewer, type Role, roles } from '../testing/roles';
import { changedTables, snapshotTables } from '../testing/table-snapshot';
import { createSeededAppDatabase } from '../testing/test-database';
import { createMatrixFixture, type MatrixFixture } from './matrix-fixture';
import { expectations, expectedOutcome, type MutationOperation, operations, type PageOperation, type ReadOperation } from './permission-matrix';

/** Runs every cell of the permission matrix (permission-matrix.ts) through the real interface. */

let handle: DatabaseHandle;
let fixture: MatrixFixture;
const headers = new Map<Role, Record<string, string>>();
const viewers = new Map<Role, Viewer>();

beforeAll(async () => {
  handle = await createSeededAppDatabase();
  fixture = await createMatrixFixture(handle.db);
  for (const role of roles) {
    headers.set(role, await apiHeaders(handle.db, role));
    viewers.set(role, await pageViewer(handle.db, role));
  }
  // Seeding plus a fixture per role: beyond the default hook limit on a busy 2-core machine.
}, 180_000);

afterAll(async () => {
  await handle.close();
});

/** The response as the client receives it, to search for protected values. */
const responseText = (value: unknown) => JSON.stringify(value ?? null);

function expectSecrets(text: string, secrets: string[], shown: boolean) {
  for (const secret of secrets) {
    if (shown) expect(text, `missing ${secret}`).toContain(secret);
    else expect(text, `leaked ${secret}`).not.toContain(secret);
  }
}

async function checkRead(name: string, operation: ReadOperation, role: Role) {
  const outcome = expectedOutcome(name, role);
  const response = await postGraphQL(operation.document, operation.variables?.(fixture) ?? {}, { headers: headers.get(role) });
  const text = responseText(response);
  if (outcome === 'T') {
    expect(response).toEqual({ status: 401, errors: [{ message: 'Invalid token' }] });
  } else {
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    const root = operation.root(response.data!);
    if (outcome === 'H') expect(root).toBeNull();
    else expect(root).not.toBeNull();
    if (operation.flag && outcome !== 'H') expect(operation.flag(response.data!)).toBe(outcome === 'S');
    if (!operation.flag && !operation.secrets) expect(outcome).not.toBe('E');
  }
  expectSecrets(text, operation.secrets?.(fixture) ?? [], outcome === 'S');
}

async function checkMutation(name: string, operation: MutationOperation, role: Role) {
  const outcome = expectedOutcome(name, role);
  const variables = await operation.prepare(handle.db, fixture, role);
  const before = await snapshotTables(handle.db, operation.tables);
  const response = await postGraphQL<{ result: Record<string, any> | null }>(operation.document, variables, { headers: headers.get(role) }); // eslint-disable-line @typescript-eslint/no-explicit-any
  const changed = changedTables(before, await snapshotTables(handle.db, operation.tables));
  switch (outcome) {
    case 'A':
      expect(response.errors).toBeUndefined();
      expect(response.data?.result?.errors).toEqual([]);
      expect(changed).not.toEqual([]);
      await operation.restore?.(handle.db, fixture);
      return;
    case 'D':
      expect(response.status).toBe(200);
      expect(response.errors?.map((error) => error.message)).toEqual([resourceNotAvailableMessage]);
      // GitLab's shapes: a token without the api scope is refused before anything runs (no data);
      // anyone else by the mutation itself, whose field is null.
      if (role === 'read_api token') expect(response.data).toBeUndefined();
      else expect(response.data).toEqual({ result: null });
      break;
    case 'R':
      expect(response.errors).toBeUndefined();
      expect(operation.refusedInPayload?.(response.data!.result!)).toBe(true);
      break;
    case 'T':
      expect(response).toEqual({ status: 401, errors: [{ message: 'Invalid token' }] });
      break;
    default:
      throw new Error(`${outcome} is not a mutation outcome`);
  }
  expect(changed).toEqual([]);
}

async function checkPage(name: string, operation: PageOperation, role: Role) {
  const outcome = expectedOutcome(name, role);
  const page = await operation.load(viewers.get(role)!, fixture);
  if (outcome === 'H') expect(page).toBeNull();
  else expect(page).not.toBeNull();
  expectSecrets(responseText(page), operation.secrets(fixture), outcome === 'S');
}

describe.each(Object.keys(operations))('%s', (name) => {
  it.each(roles)('%s', async (role) => {
    const operation = operations[name]!;
    if (operation.kind === 'read') await checkRead(name, operation, role);
    else if (operation.kind === 'mutation') await checkMutation(name, operation, role);
    else await checkPage(name, operation, role);
  });
});

describe('the table', () => {
  it('has one row per operation, with a cell for every role', () => {
    expect(Object.keys(expectations).sort()).toEqual(Object.keys(operations).sort());
    for (const name of Object.keys(expectations)) for (const role of roles) expect(expectedOutcome(name, role)).toMatch(/^[HESTADR]$/);
  });

  it('selects every field of every object type in the schema, so a new field needs a row', () => {
    const typeInfo = new TypeInfo(schema);
    const selected = new Set<string>();
    for (const operation of Object.values(operations)) {
      if (operation.kind === 'page') continue;
      visit(
        parse(operation.document),
        visitWithTypeInfo(typeInfo, {
          Field() {
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (parent && field) selected.add(`${parent.name}.${field.name}`);
          },
        }),
      );
    }
    const missing = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((getNamedType(type) as { getFields(): Record<string, unknown> }).getFields()).map((field) => `${type.name}.${field}`))
      .filter((coordinate) => !selected.has(coordinate));
    expect(missing).toEqual([]);
  });
});
