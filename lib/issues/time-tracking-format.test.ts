import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './time-tracking-format';

describe('parseDuration (GitLab time_tracking_formatter_spec and its documentation)', () => {
  it.each([
    ['3h 20m', 12_000],
    ['-3h 20m', -12_000],
    ['1h 30m', 5_400],
    ['1h30m', 5_400],
    ['-30m', -1_800],
    ['1w 2d 3h', (40 + 16 + 3) * 3600],
    ['1mo', 4 * 5 * 8 * 3600],
    ['1mo 2w 3d 4h 5m', (160 + 80 + 24 + 4) * 3600 + 300],
    ['1d', 8 * 3600],
    ['1w', 5 * 8 * 3600],
    ['2', 2 * 3600],
    ['1.5h', 5_400],
    ['90 minutes', 5_400],
    ['1 hour and 30 minutes', 5_400],
    ['1:30', 5_400],
    ['45s', 45],
    ['  2H  ', 7_200],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['soon', '', '-', '1h soon', 'h', '1 fortnight', '1h -30m', '0', '0h', 'abc 1h'])('%j does not parse', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('keeps a zero when asked, as `/estimate 0` removes the estimate in GitLab', () => {
    expect(parseDuration('0', { keepZero: true })).toBe(0);
    expect(parseDuration('0m', { keepZero: true })).toBe(0);
  });

  it('refuses durations too large to store', () => {
    expect(parseDuration('100000y')).toBeNull();
  });
});

describe('formatDuration (chronic_duration short output, 8h days and 5d weeks)', () => {
  it.each([
    [178_800, '1w 1d 1h 40m'],
    [(40 + 16 + 3) * 3600, '1w 2d 3h'],
    [5_400, '1h 30m'],
    [1_800, '30m'],
    [-1_800, '-30m'],
    [8 * 3600, '1d'],
    [4 * 40 * 3600, '1mo'],
    [12 * 4 * 40 * 3600, '1y'],
    [61, '1m 1s'],
  ])('%i seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('answers null for no time, as GitLab leaves humanTimeEstimate empty', () => {
    expect(formatDuration(0)).toBeNull();
  });

  it('reads back what it writes', () => {
    for (const seconds of [1, 59, 3_600, 12_345, 178_800, 1_000_000]) expect(parseDuration(formatDuration(seconds)!)).toBe(seconds);
  });
});
