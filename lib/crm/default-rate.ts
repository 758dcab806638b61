/**
 * The rules of an organization's amounts (the default rate, the annual revenue) shared by the
 * organization form and the API (SPEC: numeric, 2 decimals).
 */

export const notANumber = (label: string) => `${label} is not a number`;
export const tooManyDecimals = (label: string) => `${label} must have at most 2 decimal places`;
export const notANumberMessage = notANumber('Default rate');
export const tooManyDecimalsMessage = tooManyDecimals('Default rate');

/** Whether the rate is stored as given: the column keeps 2 decimals, and a third would be rounded away. */
export function hasAtMostTwoDecimals(rate: number): boolean {
  return Number(rate.toFixed(2)) === rate;
}

/** An amount field's text as the API's Float: empty is none; anything but a number is refused. */
export function parseRate(text: string, label = 'Default rate'): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) || !Number.isFinite(value)) return { ok: false, message: notANumber(label) };
  // Checked on the text too: "1.001" must not pass as the float 1.001 happens to round-trip.
  const decimals = /\.(\d*)$/.exec(trimmed)?.[1]?.replace(/0+$/, '') ?? '';
  if (decimals.length > 2) return { ok: false, message: tooManyDecimals(label) };
  return { ok: true, value };
}
