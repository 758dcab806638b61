import fc from 'fast-check';
import { expect } from 'vitest';
import type { GraphQLResponse } from '../testing/graphql-client';

/**
 * Settings and arbitraries shared by the property-based tests (SPEC §8, §9). The default suite runs
 * a modest number of cases per property; RAPPORT_LONG_TESTS=1 (set by .ci/run) runs the long count.
 */
export const longTests = process.env.RAPPORT_LONG_TESTS === '1';

export function fuzzRuns(runs: { default: number; long: number }): number {
  return longTests ? runs.long : runs.default;
}

/** Vitest's time for one property test: its runs are bounded, so the whole is too. */
export const propertyTestTimeoutMs = longTests ? 1_200_000 : 120_000;

/** No single call may take longer than this, however hostile its input. */
export const callTimeLimitMs = 5_000;

/** What a client must never see: the masked message of an unexpected error. */
const unexpectedErrorMessages = ['Internal server error', 'Unexpected error.'];

/** A result or a clear error: no 5xx, no masked internal error, every error with a message. */
export function expectClearAnswer(response: GraphQLResponse<unknown>, elapsedMs: number): void {
  expect(response.status).toBeLessThan(500);
  expect([200, 400, 413]).toContain(response.status);
  for (const error of response.errors ?? []) {
    expect(error.message).toEqual(expect.any(String));
    expect(error.message.length).toBeGreaterThan(0);
    expect(unexpectedErrorMessages).not.toContain(error.message);
  }
  expect(elapsedMs).toBeLessThan(callTimeLimitMs);
}

/** The call was refused: a top-level error, errors in the payload, or failed quick actions. */
export function wasRejected(response: GraphQLResponse<Record<string, unknown>>): boolean {
  if (response.errors?.length) return true;
  const payload = Object.values(response.data ?? {})[0] as { errors?: string[]; quickActionsStatus?: { errorMessages?: string[] | null } | null } | null;
  if (!payload) return true;
  return (payload.errors?.length ?? 0) > 0 || (payload.quickActionsStatus?.errorMessages?.length ?? 0) > 0;
}

/** Awaits `work` and says how long it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const start = performance.now();
  const result = await work();
  return { result, elapsedMs: performance.now() - start };
}

const edgeStrings = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '%_\\%',
  "Robert'); DROP TABLE customer_relations_contacts;--",
  '<script>alert(1)</script>',
  '\u202eevil',
  '\ud800',
  'a\udfffb',
  '😀👍🏽',
  'İstanbul ß Æ',
  '\r\n',
  ' padded ',
  'null',
  '0',
  '-1',
  '1e309',
  'a'.repeat(32),
  'a'.repeat(33),
  'a'.repeat(255),
  'a'.repeat(256),
  'a'.repeat(1024),
  'a'.repeat(1025),
  ' '.repeat(300),
];

/** Text a client might send: edge cases, any Unicode, and lengths around every limit. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...edgeStrings), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ minLength: 200, maxLength: 1100 }), weight: 1 },
);

/**
 * Mostly a valid value, sometimes a hostile one: a call must get past its first field for the
 * later ones to be exercised, and every field is still attacked often.
 */
export function mostly<T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostile, weight: 1 });
}

/** A short printable name that is not blank. */
export const plainName = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== '');

/** A value that may be absent, null or hostile text. */
export const optionalText = fc.option(hostileText, { nil: null });

/** Numbers JSON can carry, around the limits of the numeric columns, and a wrong type now and then. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(0, -0.001, 0.005, 1.005, 99.999, 1e15, 1e16, 9_999_999_999_999_999, 1e308, -1e308, Number.MIN_VALUE), weight: 4 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 3 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constantFrom('12', 'ten', true), weight: 1 },
);

export const hostileBoolean: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.boolean(), weight: 8 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constantFrom('true', 1), weight: 1 },
);

/**
 * Global IDs of `type`: mostly real ones (so calls get past the ID to what they change), then
 * out-of-range and malformed ones, other types, and plain junk.
 */
export function globalIds(type: string, real: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...real), weight: 12 },
    { arbitrary: fc.bigInt({ min: -10n, max: 10n ** 20n }).map((id) => `gid://gitlab/${type}/${id}`), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '',
        'gid://gitlab/',
        `gid://gitlab/${type}/`,
        `gid://gitlab/${type}/1.5`,
        `gid://gitlab/${type}/0x10`,
        `gid://gitlab/${type}/ 1`,
        `gid://gitlab/${type}/1/2`,
        `gid://gitlab/${type}/9007199254740993`,
        `gid://gitlab/${type}/01`,
        'gid://gitlab/Issue/1',
        'gid://gitlab/Group/1',
        'gid://gitlab/User/1',
        '42',
      ),
      weight: 2,
    },
    { arbitrary: hostileText, weight: 1 },
    { arbitrary: fc.integer(), weight: 1 },
  );
}

/** An email some contact of the group has, a new one, or something that only looks like one. */
function emailLike(knownEmails: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...knownEmails),
    fc.constantFrom(...knownEmails).map((email) => email.toUpperCase()),
    fc.emailAddress(),
    fc.constantFrom('a@b', '@example.com', 'a@', 'a@@b.c', 'x@example.com"', 'a b@example.com', '[contact:a@b.c]'),
    fc.string({ maxLength: 12 }),
  );
}

/** A quick-action argument: `[contact:x]`, `["contact:x"]`, a bare email, or something broken. */
function contactToken(knownEmails: readonly string[]): fc.Arbitrary<string> {
  const email = emailLike(knownEmails);
  return fc.oneof(
    email.map((value) => `[contact:${value}]`),
    email.map((value) => `["contact:${value}"]`),
    email,
    fc.constantFrom('[contact:]', '[contact:', 'contact:a@b.c]', '[]', '[contact:a@b.c]x', '["contact:a@b.c]', '[CONTACT:a@b.c]'),
  );
}

/**
 * Text holding contact quick actions among ordinary lines, fences, quote blocks and indented code,
 * with any line ending (SPEC §6).
 */
export function quickActionText(knownEmails: readonly string[]): fc.Arbitrary<string> {
  const separator = fc.constantFrom(' ', '\t', '  ');
  const command = fc
    .tuple(
      fc.constantFrom('/add_contacts', '/remove_contacts', '/ADD_CONTACTS', '/Remove_Contacts', '/add_contacts_now', '/add_contact'),
      fc.array(contactToken(knownEmails), { maxLength: 8 }),
      separator,
    )
    .map(([name, tokens, space]) => (tokens.length > 0 ? `${name}${space}${tokens.join(space)}` : name));
  // GitLab's time tracking commands, with durations and dates good and bad.
  const timeCommand = fc
    .tuple(
      fc.constantFrom('/spend', '/spent', '/estimate', '/remove_estimate', '/remove_time_spent', '/SPEND', '/spend_time'),
      fc.constantFrom('', '1h', '-30m', '1w 2d 3h', '1h 30m 2026-01-31', 'soon', '0', '1h 2999-01-01', '1h 2026-02-30', '99999999y', '1:30'),
      separator,
    )
    .map(([name, argument, space]) => (argument ? `${name}${space}${argument}` : name));
  const line = fc.oneof(
    { arbitrary: command, weight: 4 },
    { arbitrary: timeCommand, weight: 2 },
    { arbitrary: fc.constantFrom('```', '~~~', '````', '   ```', '>>>', '>>> ', '    /add_contacts a@b.c', '\t/remove_contacts a@b.c', '', ' '), weight: 2 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  );
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([lines, newline]) => lines.join(newline));
}
