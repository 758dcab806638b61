import { describe, expect, it } from 'vitest';
import { hasAtMostTwoDecimals, notANumberMessage, parseRate, tooManyDecimalsMessage } from './default-rate';

describe('parseRate', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['120', 120],
    ['120.5', 120.5],
    ['120.50', 120.5],
    ['120.500', 120.5],
    ['.25', 0.25],
    ['-5', -5],
  ])('reads %j as %j', (text, value) => {
    expect(parseRate(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['lots', notANumberMessage],
    ['1e3', notANumberMessage],
    ['12,50', notANumberMessage],
    ['120.125', tooManyDecimalsMessage],
    ['0.001', tooManyDecimalsMessage],
  ])('refuses %j with %j', (text, message) => {
    expect(parseRate(text)).toEqual({ ok: false, message });
  });
});

describe('hasAtMostTwoDecimals', () => {
  it('accepts what numeric(18, 2) stores as given and refuses what it would round', () => {
    expect([0, 1.1, 99.99, 120.5, 9_999_999_999_999.99].map(hasAtMostTwoDecimals)).toEqual([true, true, true, true, true]);
    expect([0.001, 1.005, 99.999, 120.125].map(hasAtMostTwoDecimals)).toEqual([false, false, false, false]);
  });
});
