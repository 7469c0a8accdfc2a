// Durations (`200ms`, `0.5ms`, `2m`, `1.5h`) and rates (`8/s`, `120/m`). Units are always explicit
// in scenario files, so a bare number is an error rather than a guess. Each parser returns the value
// (ms, or per second) or, for bad input, a message that reads after a field path:
// `drain must not be negative, got "-5m"`.

const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const RATE_UNITS: Readonly<Record<string, number>> = { '/s': 1, '/m': 60, '/h': 3600 };

// A decimal number at the start of the text, then whatever follows (the unit).
const NUMBER_THEN_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/s;

/**
 * `number * 10^shift`, done on the decimal text so that `0.7s` is exactly 700 ms rather than
 * 700.0000000000001 (0.7 * 1000 in binary floating point).
 */
function scaleDecimal(numberText: string, shift: number): number {
  const [mantissa, exponent = '0'] = numberText.split(/[eE]/);
  return Number(`${mantissa}e${Number(exponent) + shift}`);
}

/** Milliseconds, or an error message. Zero is allowed; see parsePositiveDuration. */
export function parseDuration(text: string): number | string {
  const shown = JSON.stringify(text);
  const match = NUMBER_THEN_UNIT.exec(text.trim());
  if (match === null) return `must be a duration such as 200ms, got ${shown}`;
  const [, numberText, unit] = match;
  if (unit === '') return `needs a unit, e.g. ${numberText}ms, got ${shown}`;
  // hasOwn: a unit such as "constructor" must not find the object's inherited members.
  const factor = Object.hasOwn(DURATION_UNITS, unit) ? DURATION_UNITS[unit] : undefined;
  if (factor === undefined) return `unknown unit ${JSON.stringify(unit)} in ${shown}; use ms, s, m or h`;
  // Scale by a power of ten on the text, then by the small integer factor for minutes and hours.
  const ms = unit === 'ms' ? scaleDecimal(numberText, 0) : scaleDecimal(numberText, 3) * (factor / 1000);
  if (!Number.isFinite(ms)) return `is too large, got ${shown}`;
  if (ms < 0) return `must not be negative, got ${shown}`;
  return ms + 0; // + 0 turns -0 (from "-0ms") into 0
}

/** Milliseconds > 0, or an error message. */
export function parsePositiveDuration(text: string): number | string {
  const ms = parseDuration(text);
  if (ms === 0) return `must be > 0, got ${JSON.stringify(text)}`;
  return ms;
}

/** Events per second (> 0), or an error message. */
export function parseRate(text: string): number | string {
  const perSecond = rateValue(text);
  if (typeof perSecond === 'number' && perSecond <= 0) return `must be > 0, got ${JSON.stringify(text)}`;
  return perSecond;
}

/** Events per second (>= 0: a rate of 0 is a pause), or an error message. */
export function parseNonNegativeRate(text: string): number | string {
  const perSecond = rateValue(text);
  if (typeof perSecond === 'number' && perSecond < 0) return `must not be negative, got ${JSON.stringify(text)}`;
  return perSecond;
}

/** Events per second of any sign, or an error message. */
function rateValue(text: string): number | string {
  const shown = JSON.stringify(text);
  const match = NUMBER_THEN_UNIT.exec(text.trim());
  if (match === null) return `must be a rate such as 8/s, got ${shown}`;
  const [, numberText, rawUnit] = match;
  const unit = rawUnit.replace(/\s+/g, '');
  if (unit === '') return `needs a unit, e.g. ${numberText}/s, got ${shown}`;
  const divisor = Object.hasOwn(RATE_UNITS, unit) ? RATE_UNITS[unit] : undefined;
  if (divisor === undefined) return `unknown unit ${JSON.stringify(unit)} in ${shown}; use /s, /m or /h`;
  const perSecond = Number(numberText) / divisor;
  if (!Number.isFinite(perSecond)) return `is too large, got ${shown}`;
  return perSecond + 0; // + 0 turns -0 (from "-0/s") into 0
}

/**
 * A duration as a person writes it: in the largest of h, m, s that divides it evenly, else in ms
 * (`3600000` -> `1h`, `1500` -> `1500ms`). Read back by parseDuration to the same number.
 */
export function formatDuration(ms: number): string {
  for (const unit of ['h', 'm', 's']) {
    const factor = DURATION_UNITS[unit];
    if (ms !== 0 && Number.isInteger(ms / factor) && (ms / factor) * factor === ms) return `${ms / factor}${unit}`;
  }
  return `${ms}ms`;
}

/** A rate per second as text that parseRate reads back to the same number: `8/s`. */
export function formatRate(perSecond: number): string {
  return `${perSecond}/s`;
}
