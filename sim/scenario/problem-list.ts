// Collects problems from every stage of the pipeline, then hands them back in reading order with
// duplicates removed. Stages never stop at their first problem: a user fixing a file wants the whole
// list at once.

import { formatProblem, type Problem } from './problem.js';

export interface Position {
  readonly line: number;
  readonly col: number;
  /** Set when the position is not in the scenario file: in a `--set` option (see set-overrides.ts). */
  readonly file?: string;
}

interface Entry {
  readonly problem: Problem;
  /** Where in the scenario file this problem sorts: its own position, or for a problem inside a data
   * file, the position of the scenario field that names that file (so they read together). */
  readonly anchor: Position;
  /** False for a problem inside a data file; true in the scenario file (or a --set option). */
  readonly inMainFile: boolean;
  readonly seq: number;
}

export class ProblemList {
  private readonly entries: Entry[] = [];
  /** The problems added by addFrom, as found (without their suffix). */
  private readonly fromOthers = new Set<string>();

  constructor(readonly mainFile: string) {}

  get size(): number {
    return this.entries.length;
  }

  /** A problem in the scenario file itself (or, when `pos` says so, in a --set option). */
  add(pos: Position, path: string, message: string): void {
    const problem = { file: pos.file ?? this.mainFile, line: pos.line, col: pos.col, path, message };
    this.entries.push({ problem, anchor: pos, inMainFile: true, seq: this.entries.length });
  }

  /** A problem in another file (an empirical data file), listed after the scenario field at `anchor`. */
  addElsewhere(problem: Problem, anchor: Position): void {
    this.entries.push({ problem, anchor, inMainFile: false, seq: this.entries.length });
  }

  /**
   * The problems found in a variant of the scenario (or a sweep point), each message in the scenario
   * file followed by its suffix (which variant: a string, or a function of the problem). A problem
   * this list has already (the scenario's own, which every variant inherits) is left out. With
   * `once`, so is a problem already added from another list (under any suffix): a sweep reports a
   * problem that many points share once.
   */
  addFrom(other: ProblemList, suffix: string | ((problem: Problem) => string), options: { readonly once?: boolean } = {}): void {
    const here = new Set(this.entries.map((e) => formatProblem(e.problem)));
    for (const entry of other.entries) {
      const raw = formatProblem(entry.problem);
      if (here.has(raw)) continue;
      if (options.once && this.fromOthers.has(raw)) continue;
      this.fromOthers.add(raw);
      const added = typeof suffix === 'string' ? suffix : suffix(entry.problem);
      const problem = entry.inMainFile ? { ...entry.problem, message: `${entry.problem.message}${added}` } : entry.problem;
      this.entries.push({ ...entry, problem, seq: this.entries.length });
    }
  }

  /** Sorted by line then column (of the scenario file, then of each --set option), without duplicates. */
  sorted(): Problem[] {
    const ordered = [...this.entries].sort(
      (a, b) =>
        Number(a.anchor.file !== undefined) - Number(b.anchor.file !== undefined) ||
        (a.anchor.file ?? '').localeCompare(b.anchor.file ?? '') ||
        a.anchor.line - b.anchor.line ||
        a.anchor.col - b.anchor.col ||
        Number(b.inMainFile) - Number(a.inMainFile) ||
        a.problem.line - b.problem.line ||
        a.problem.col - b.problem.col ||
        a.seq - b.seq,
    );
    const seen = new Set<string>();
    const out: Problem[] = [];
    for (const { problem } of ordered) {
      const key = formatProblem(problem);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(problem);
    }
    return out;
  }
}
