// Run results as text and back, exactly: JSON with NaN, the infinities, -0 and undefined kept (plain
// JSON turns them into null or 0, which would change the merged report). A value JSON cannot hold is
// written as {"$sim": "NaN" | "Infinity" | "-Infinity" | "-0" | "undefined"}.
const TAG = '$sim';

function special(value: unknown): string | undefined {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'number') return undefined;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return undefined;
}

const BACK: Record<string, unknown> = { NaN, Infinity, '-Infinity': -Infinity, '-0': -0, undefined };

function tag(value: unknown): unknown {
  const name = special(value);
  if (name !== undefined) return { [TAG]: name };
  if (Array.isArray(value)) return value.map(tag);
  if (value !== null && typeof value === 'object') {
    if (value instanceof Map || value instanceof Set) throw new Error('internal: the codec does not encode Map or Set');
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = tag(v);
    return out;
  }
  return value;
}

function untag(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untag);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === TAG && typeof entries[0][1] === 'string' && entries[0][1] in BACK) return BACK[entries[0][1]];
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k] = untag(v);
    return out;
  }
  return value;
}

/** One line of JSON (no newline inside). */
export function encode(value: unknown): string {
  return JSON.stringify(tag(value));
}

export function decode<T>(text: string): T {
  return untag(JSON.parse(text)) as T;
}
