// What the loader reports instead of throwing: one Problem per thing wrong with the user's input,
// each pointing at a file, line and column, so a user can jump straight to it.

export interface Problem {
  /** The file the problem is in: the scenario file as given, or an empirical data file. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
  /** Where in the scenario, e.g. `endpoints.Sales.instances[1].threads`; '' for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

/** One step of a path into the scenario: a mapping key or a list index. */
export type Segment = string | number;

/** `file:line:col: path message`, the form editors and terminals turn into a link. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}:`;
  return p.path === '' ? `${where} ${p.message}` : `${where} ${p.path} ${p.message}`;
}

// Keys that would be ambiguous after a dot (they contain dots, brackets, spaces or quotes, or are
// empty) are written in brackets: machines["web.1"].cores.
const PLAIN_KEY = /^[^.[\]\s"]+$/;

/** Dots for keys and [i] for list items: `endpoints.Sales.instances[1].threads`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (!PLAIN_KEY.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
