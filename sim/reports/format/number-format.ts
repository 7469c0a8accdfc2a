// How numbers look in every file the reports layer writes. One place, so summary.csv, the chart data
// and the printed table never disagree about what 204.6 is.

/** Significant digits kept for non-integers: enough for ms latencies and rates, short enough to read. */
export const SIGNIFICANT_DIGITS = 6;

/**
 * Rounds to at most SIGNIFICANT_DIGITS significant digits. The result is the double nearest to a short
 * decimal, so its shortest string form has no binary noise (204.60000000001 -> 204.6).
 * Integers and non-finite values come back unchanged.
 */
export function roundSignificant(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * The CSV cell for a number: integers as is, others via roundSignificant, never in exponent notation
 * (spreadsheets and `cut` users both read plain decimals), NaN and +-Infinity as an empty cell.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return plainInteger(x);
  const r = roundSignificant(x);
  if (Number.isInteger(r)) return plainInteger(r);
  const s = String(r);
  // String() switches to exponent form below 1e-6; spell such values out with exactly the digits kept.
  if (s.includes('e')) return spellOutSmall(r);
  return s;
}

/** Fixed decimals without trailing zeros: for timestamps, where significant digits would lose ms. */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '';
  const scale = 10 ** decimals;
  // Dividing the rounded integer gives the double nearest to a short decimal, so String() is clean.
  const r = Math.round(x * scale) / scale;
  if (Number.isInteger(r)) return plainInteger(r);
  const s = String(r);
  return s.includes('e') ? spellOutSmall(r) : s;
}

function plainInteger(x: number): string {
  if (Object.is(x, -0)) return '0';
  // String() uses exponent form from 1e21 on; BigInt spells out every digit of the (integral) double.
  return Math.abs(x) < 1e21 ? String(x) : BigInt(x).toString();
}

function spellOutSmall(x: number): string {
  const exponent = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.min(100, SIGNIFICANT_DIGITS - 1 - exponent);
  return x.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '');
}
