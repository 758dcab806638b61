import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactFieldsSchema } from '../crm/validation';
import { contactEmailFromToken, contactQuickActions, extractQuickActions, isContactCommand, timeQuickActions } from '../issues/quick-actions';
import { callTimeLimitMs, fuzzRuns, hostileText, quickActionText } from './fuzz';

/**
 * The quick-action parser (SPEC §6), generated: it never throws and never takes long, finds only
 * the two contact commands, gives every token the email `contactEmailFromToken` reads from it,
 * leaves text without commands alone, and leaves nothing to run a second time. (createNote and
 * createIssue run the same texts end to end in mutation-inputs.fuzz.test.ts.)
 */

const knownEmails = ['alice.johnson@northwind.example', 'bob.martinez@northwind.example'];
const bodies = fc.oneof({ arbitrary: quickActionText(knownEmails), weight: 4 }, { arbitrary: hostileText, weight: 1 });
const isEmail = (value: string) => contactFieldsSchema.shape.email.safeParse(value).success;

describe('extractQuickActions', () => {
  it('parses any text quickly into contact commands whose tokens it explains', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const start = performance.now();
        const { text, commands } = extractQuickActions(body);
        expect(performance.now() - start).toBeLessThan(callTimeLimitMs);
        for (const command of commands) {
          if (!isContactCommand(command)) {
            expect(timeQuickActions).toContain(command.name);
            continue;
          }
          expect(contactQuickActions).toContain(command.name);
          for (const token of command.tokens) {
            expect(token.raw).not.toBe('');
            // Only a reference holding spaces (a name where the email belongs) stays one token.
            if (/\s/.test(token.raw)) expect(token.raw).toMatch(/^\["?contact:[^]*\]$/i);
            expect(token.email).toBe(contactEmailFromToken(token.raw));
            if (token.email !== null) expect(isEmail(token.email)).toBe(true);
          }
        }
        if (commands.length === 0) expect(text).toBe(body);
        else expect(text.length).toBeLessThanOrEqual(body.length);
      }),
      { numRuns: fuzzRuns({ default: 500, long: 5_000 }) },
    );
  });

  it('leaves nothing to run in the text it returns', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const { text } = extractQuickActions(body);
        expect(extractQuickActions(text).commands).toEqual([]);
      }),
      { numRuns: fuzzRuns({ default: 500, long: 5_000 }) },
    );
  });

  it('reads back every email written in any accepted form, on any command line', () => {
    const email = fc.emailAddress().filter(isEmail);
    const written = fc.tuple(email, fc.constantFrom('[contact:%]', '["contact:%"]', '%', '[CONTACT:%]')).map(([value, form]) => ({
      value,
      token: form.replace('%', () => value),
    }));
    fc.assert(
      fc.property(
        fc.constantFrom(...contactQuickActions),
        fc.array(written, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(' ', '\t', '   '),
        fc.constantFrom('\n', '\r\n'),
        (name, tokens, space, newline) => {
          const body = `Before${newline}/${name}${space}${tokens.map((token) => token.token).join(space)}${newline}After`;
          const { text, commands } = extractQuickActions(body);
          expect(commands).toEqual([{ name, tokens: tokens.map((token) => ({ raw: token.token, email: token.value })) }]);
          expect(text).toBe('Before\nAfter');
        },
      ),
      { numRuns: fuzzRuns({ default: 300, long: 3_000 }) },
    );
  });
});
