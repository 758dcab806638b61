import { describe, expect, it } from 'vitest';
import { contactEmailFromToken, extractQuickActions, isContactCommand } from './quick-actions';

const emails = (body: string) =>
  extractQuickActions(body)
    .commands.filter(isContactCommand)
    .map((command) => [command.name, command.tokens.map((token) => token.email)]);

describe('contactEmailFromToken', () => {
  it.each([
    ['[contact:alice@example.com]', 'alice@example.com'],
    ['["contact:alice@example.com"]', 'alice@example.com'],
    ['[CONTACT:Alice@Example.com]', 'Alice@Example.com'],
    ['alice@example.com', 'alice@example.com'],
    ['"alice@example.com"', 'alice@example.com'],
    ['bob+billing@mail.example', 'bob+billing@mail.example'],
  ])('%s names %s', (token, email) => {
    expect(contactEmailFromToken(token)).toBe(email);
  });

  it.each(['[contact:not-an-email]', 'not-an-email', '[contact:]', '[contact:alice@example.com', 'alice@example.com]', '[person:alice@example.com]', '@', 'a@'])(
    '%s is not a contact reference',
    (token) => {
      expect(contactEmailFromToken(token)).toBeNull();
    },
  );
});

describe('extractQuickActions', () => {
  it('leaves a body without quick actions exactly as given', () => {
    const body = '  Hello\r\n\nworld  \n\n';
    expect(extractQuickActions(body)).toEqual({ text: body, commands: [] });
  });

  it('takes several tokens from one line, split on any whitespace', () => {
    expect(emails('/add_contacts [contact:a@example.com]   ["contact:b@example.com"]\tc@example.com  ')).toEqual([
      ['add_contacts', ['a@example.com', 'b@example.com', 'c@example.com']],
    ]);
  });

  it('keeps duplicates and mixed case for the service to resolve', () => {
    expect(emails('/add_contacts [contact:Alice@Example.com] [contact:alice@example.com]')).toEqual([
      ['add_contacts', ['Alice@Example.com', 'alice@example.com']],
    ]);
  });

  it('removes command lines from the text, keeping the rest in order', () => {
    const result = extractQuickActions('Customer called.\n/add_contacts [contact:a@example.com]\nThey need it by Friday.\n/remove_contacts b@example.com\n');
    expect(result.text).toBe('Customer called.\nThey need it by Friday.');
    expect(result.commands.map((command) => command.name)).toEqual(['add_contacts', 'remove_contacts']);
  });

  it('leaves no text when the body is only quick actions', () => {
    expect(extractQuickActions('/add_contacts a@example.com\n\n/remove_contacts b@example.com\n').text).toBe('');
  });

  it('drops the blank lines a leading command leaves behind', () => {
    expect(extractQuickActions('/add_contacts a@example.com\n\n  Indented first line').text).toBe('  Indented first line');
  });

  it('matches the command name in any case, but only at the start of a line', () => {
    expect(emails('/ADD_CONTACTS a@example.com')).toEqual([['add_contacts', ['a@example.com']]]);
    expect(emails('Please /add_contacts a@example.com')).toEqual([]);
    expect(emails(' /add_contacts a@example.com')).toEqual([]);
    expect(emails('/add_contactsx a@example.com')).toEqual([]);
    expect(emails('`/add_contacts a@example.com`')).toEqual([]);
  });

  it('reports a command without tokens and tokens that are not emails', () => {
    const [withoutTokens, malformed] = extractQuickActions('/add_contacts\n/remove_contacts [contact:not-an-email] ok@example.com').commands.filter(isContactCommand);
    expect(withoutTokens).toEqual({ name: 'add_contacts', tokens: [] });
    expect(malformed?.tokens).toEqual([
      { raw: '[contact:not-an-email]', email: null },
      { raw: 'ok@example.com', email: 'ok@example.com' },
    ]);
  });

  it('keeps a reference holding spaces (a name) as one token, and splits everything else on whitespace', () => {
    const [command] = extractQuickActions('/add_contacts [contact:Pedro Alvarez] ["contact:Ana María López"] a@example.com [contact:b@example.com').commands.filter(isContactCommand);
    expect(command?.tokens).toEqual([
      { raw: '[contact:Pedro Alvarez]', email: null },
      { raw: '["contact:Ana María López"]', email: null },
      { raw: 'a@example.com', email: 'a@example.com' },
      { raw: '[contact:b@example.com', email: null },
    ]);
    const [unclosed] = extractQuickActions('/add_contacts [contact:Pedro [contact:c@example.com]').commands.filter(isContactCommand);
    expect(unclosed?.tokens.map((token) => token.raw)).toEqual(['[contact:Pedro', '[contact:c@example.com]']);
  });

  it('ignores commands inside fenced code blocks, with backticks or tildes', () => {
    const body = ['```', '/add_contacts a@example.com', '```', '~~~~ sh', '/remove_contacts b@example.com', '```', 'still code', '~~~~', '/add_contacts c@example.com'].join('\n');
    const result = extractQuickActions(body);
    expect(emails(body)).toEqual([['add_contacts', ['c@example.com']]]);
    expect(result.text).toBe(body.split('\n').slice(0, -1).join('\n'));
  });

  it('treats everything after an unclosed fence as code', () => {
    expect(emails('```\n/add_contacts a@example.com')).toEqual([]);
  });

  it('ignores commands in indented code and in >>> quote blocks', () => {
    expect(emails('Code:\n\n    /add_contacts a@example.com\n\t/add_contacts b@example.com')).toEqual([]);
    expect(emails('>>>\n/add_contacts a@example.com\n>>>\n/remove_contacts b@example.com')).toEqual([['remove_contacts', ['b@example.com']]]);
  });

  it('treats Windows line endings like Unix ones', () => {
    const result = extractQuickActions('Hello\r\n/add_contacts a@example.com\r\nBye');
    expect(result.text).toBe('Hello\nBye');
    expect(result.commands).toHaveLength(1);
  });
});

describe('time tracking quick actions', () => {
  it('takes the argument as written and GitLab\'s aliases under their command', () => {
    const { text, commands } = extractQuickActions('Worked on it\n/spend 1h 30m 2026-11-29\n/SPENT -30m\n/estimate_time 1w 2d 3h\n/remove_time_estimate\n/remove_time_spent');
    expect(text).toBe('Worked on it');
    expect(commands).toEqual([
      { name: 'spend', argument: '1h 30m 2026-11-29' },
      { name: 'spend', argument: '-30m' },
      { name: 'estimate', argument: '1w 2d 3h' },
      { name: 'remove_estimate', argument: '' },
      { name: 'remove_time_spent', argument: '' },
    ]);
  });

  it('leaves time commands inside code blocks as text', () => {
    expect(extractQuickActions('```\n/spend 1h\n```').commands).toEqual([]);
  });
});
