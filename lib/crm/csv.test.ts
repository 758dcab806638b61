import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('customer report CSV', () => {
  it('quotes commas, quotes and newlines, and leaves numbers and empty cells plain', () => {
    expect(toCsv([['Name', 'Hours'], ['Acme, Inc. "West"', 1.5], ['Line\nbreak', null]])).toBe('Name,Hours\r\n"Acme, Inc. ""West""",1.5\r\n"Line\nbreak",\r\n');
  });

  it.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tcmd'])('neutralises the formula %j', (text) => {
    expect(csvCell(text).startsWith(`"'`)).toBe(true);
  });
});
