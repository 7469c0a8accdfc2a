// The `name(arg, arg)` form shared by distributions (`exponential(200ms)`) and arrival processes
// (`poisson(8/s)`). Arguments are plain text here; each caller parses them as durations, rates or
// file names.

export interface Call {
  readonly name: string;
  /** Trimmed arguments split at commas; [] for `name()`. */
  readonly args: readonly string[];
  /** Everything between the parentheses, trimmed (a file name may contain commas). */
  readonly argsText: string;
}

const CALL = /^([A-Za-z_][\w-]*)\s*\((.*)\)$/s;

/** The call, or undefined when the text does not have the `name(...)` shape at all. */
export function parseCall(text: string): Call | undefined {
  const match = CALL.exec(text.trim());
  if (match === null) return undefined;
  const argsText = match[2].trim();
  const args = argsText === '' ? [] : argsText.split(',').map((a) => a.trim());
  return { name: match[1], args, argsText };
}

/** `1 argument`, `2 arguments`, `no arguments`. */
export function countArguments(n: number): string {
  if (n === 0) return 'no arguments';
  return n === 1 ? '1 argument' : `${n} arguments`;
}
