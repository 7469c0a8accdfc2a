// How outcomes map to the process exit code (the contract in PRODUCT.md).
export type Outcome = 'ok' | 'bad-input' | 'internal-error';

const EXIT_CODES: Record<Outcome, number> = {
  ok: 0,
  'internal-error': 1,
  'bad-input': 2,
};

export function exitCodeFor(outcome: Outcome): number {
  return EXIT_CODES[outcome];
}

/** A problem with what the user gave us (arguments, files): printed as is, exit 2, no stack. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
