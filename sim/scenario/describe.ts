// How a received value is shown in a message: the value as the user would recognise it, then its
// type in YAML words, e.g. `"two" (string)`, `0 (number)`, `["a","b"] (list)`.

/** The YAML word for a parsed value's type. */
export function yamlType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

const MAX_SHOWN = 40;

/** The value, JSON-quoted when a string, shortened when long. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else text = json(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}

/** JSON, with a value that contains itself (a YAML anchor aliased inside itself) cut at the repeat. */
function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    const seen = new WeakSet<object>();
    const cut = (_key: string, v: unknown): unknown => {
      if (typeof v !== 'object' || v === null) return v;
      if (seen.has(v)) return '*';
      seen.add(v);
      return v;
    };
    return JSON.stringify(value, cut) ?? String(value);
  }
}

/** `"two" (string)`; a null (an empty YAML value) is just `null (empty)`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null (empty)';
  return `${showValue(value)} (${yamlType(value)})`;
}
