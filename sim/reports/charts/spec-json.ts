// The text of a *.vl.json: indented like JSON.stringify(spec, null, 2), except that inline data rows
// (`values` arrays of flat objects, and the named data sets under the top-level `datasets`) are written
// one row per line, unindented. A long chart's data is then about two thirds the size and still diffs
// row by row.

const isFlat = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v !== 'object');

export function specJson(spec: object): string {
  const rows: object[][] = [];
  const token = (i: number) => `@@data-rows-${i}@@`;
  const named = new Set<unknown>();
  const text = JSON.stringify(
    spec,
    function (this: unknown, key, value: unknown) {
      if (key === 'datasets' && this === spec) named.add(value);
      if ((key === 'values' || named.has(this)) && Array.isArray(value) && value.length > 0 && value.every(isFlat)) {
        rows.push(value as object[]);
        return token(rows.length - 1);
      }
      return value;
    },
    2,
  );
  // A string in the spec that looks like a token (most unlikely) would be replaced too: fall back.
  if (text.split('@@data-rows-').length - 1 !== rows.length) return `${JSON.stringify(spec, null, 2)}\n`;
  return `${text.replace(/^( *)(.*)"@@data-rows-(\d+)@@"/gm, (_match, pad: string, head: string, i: string) => {
    // Rows start at the line's start: the indentation would repeat on every row (a tenth of a long chart's bytes).
    const lines = rows[Number(i)].map((row) => JSON.stringify(row));
    return `${pad}${head}[\n${lines.join(',\n')}\n${pad}]`;
  })}\n`;
}
