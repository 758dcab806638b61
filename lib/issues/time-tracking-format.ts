/**
 * GitLab's time tracking durations (Gitlab::TimeTrackingFormatter over chronic_duration, with 1d =
 * 8h, 1w = 5d, 1mo = 4w and 1y = 12mo). Pure: no database.
 */

const minute = 60;
const hour = 60 * minute;
const day = 8 * hour;
const week = 5 * day;
const month = 4 * week;
const year = 12 * month;

/** Short output units, largest first, as chronic_duration's `:short` format writes them. */
const outputUnits: readonly [string, number][] = [
  ['y', year],
  ['mo', month],
  ['w', week],
  ['d', day],
  ['h', hour],
  ['m', minute],
  ['s', 1],
];

/** chronic_duration's unit words. */
const unitSeconds = new Map<string, number>([
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((word) => [word, 1] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((word) => [word, minute] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((word) => [word, hour] as const),
  ...['d', 'day', 'days'].map((word) => [word, day] as const),
  ...['w', 'wk', 'wks', 'week', 'weeks'].map((word) => [word, week] as const),
  ...['mo', 'mos', 'month', 'months'].map((word) => [word, month] as const),
  ...['y', 'yr', 'yrs', 'year', 'years'].map((word) => [word, year] as const),
]);

/** `1:30` (hours and minutes) or `1:30:15`, as chronic_duration reads a clock-like duration. */
function parseClock(text: string): number | null {
  const clock = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/.exec(text);
  if (!clock) return null;
  return Number(clock[1]) * hour + Number(clock[2]) * minute + Number(clock[3] ?? 0);
}

/**
 * Seconds of a duration such as `1w 2d 3h`, `1h30m`, `1.5h`, `90 minutes` or `2` (hours by
 * default), negative with a leading `-`. Null when it does not parse: an unknown word (GitLab's
 * chronic_duration drops those silently; Rapport refuses them so `/spend soon` logs nothing) or a
 * total of zero, which GitLab also treats as no duration unless `keepZero` is asked for.
 */
export function parseDuration(input: string, { keepZero = false }: { keepZero?: boolean } = {}): number | null {
  let text = input.trim().toLowerCase();
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1).trim();
  if (text === '') return null;

  let seconds = parseClock(text);
  if (seconds === null) {
    const words = text
      .replace(/,/g, ' ')
      .replace(/(\d)([a-z])/g, '$1 $2')
      .replace(/([a-z])(\d)/g, '$1 $2')
      .split(/\s+/)
      .filter((word) => word !== '' && word !== 'and');
    seconds = 0;
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      if (!/^\d+(\.\d+)?$|^\.\d+$/.test(word)) return null;
      const next = words[index + 1];
      const unit = next === undefined ? hour : unitSeconds.get(next);
      if (unit === undefined) return null;
      seconds += Number(word) * unit;
      if (next !== undefined) index++;
    }
  }
  seconds = Math.round(seconds);
  if (!Number.isSafeInteger(seconds) || seconds > 2_147_483_647) return null;
  if (seconds === 0 && !keepZero) return null;
  return negative ? -seconds : seconds;
}

/** `1w 2d 3h` for a number of seconds (chronic_duration's short output); null for 0, as GitLab. */
export function formatDuration(seconds: number): string | null {
  if (seconds === 0) return null;
  let rest = Math.abs(Math.trunc(seconds));
  const parts: string[] = [];
  for (const [unit, size] of outputUnits) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return `${seconds < 0 ? '-' : ''}${parts.join(' ')}`;
}
