// Parameter checks for the samplers. The scenario loader validates user input with file positions;
// these only guard against impossible parameters reaching the samplers from code, in the message
// style of STYLE.md: what was expected, what was received and its type.

function describe(value: unknown): string {
  return `\`${String(value)}\` (${typeof value})`;
}

export function finiteAtLeastZero(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`Expected \`${name}\` to be a finite number >= 0, got ${describe(value)}`);
  }
  return value;
}

export function finitePositive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`Expected \`${name}\` to be a finite number > 0, got ${describe(value)}`);
  }
  return value;
}

export function positiveInteger(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`Expected \`${name}\` to be an integer >= 1, got ${describe(value)}`);
  }
  return value;
}
