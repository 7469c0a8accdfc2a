// Collects problems from every stage of the pipeline, then hands them back in reading order with
// duplicates removed. Stages never stop at their first problem: a user fixing a file wants the whole
// list at once.

import { formatProblem, type Problem } from './problem.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

interface Entry {
  readonly problem: Problem;
  /** Where in the scenario file this problem sorts: its own position, or for a problem inside a data
   * file, the position of the scenario field that names that file (so they read together). */
  readonly anchor: Position;
  readonly inMainFile: boolean;
  readonly seq: number;
}

export class ProblemList {
  private readonly entries: Entry[] = [];

  constructor(readonly mainFile: string) {}

  get size(): number {
    return this.entries.length;
  }

  /** A problem in the scenario file itself. */
  add(pos: Position, path: string, message: string): void {
    const problem = { file: this.mainFile, line: pos.line, col: pos.col, path, message };
    this.entries.push({ problem, anchor: pos, inMainFile: true, seq: this.entries.length });
  }

  /** A problem in another file (an empirical data file), listed after the scenario field at `anchor`. */
  addElsewhere(problem: Problem, anchor: Position): void {
    this.entries.push({ problem, anchor, inMainFile: false, seq: this.entries.length });
  }

  /**
   * The problems found in a variant of the scenario, each message in the scenario file followed by
   * `suffix` (which variant). A problem this list has already (the scenario's own, which every
   * variant inherits) is left out.
   */
  addFrom(other: ProblemList, suffix: string): void {
    const here = new Set(this.entries.map((e) => formatProblem(e.problem)));
    for (const entry of other.entries) {
      if (here.has(formatProblem(entry.problem))) continue;
      const problem = entry.inMainFile ? { ...entry.problem, message: `${entry.problem.message}${suffix}` } : entry.problem;
      this.entries.push({ ...entry, problem, seq: this.entries.length });
    }
  }

  /** Sorted by line then column (of the scenario file), without duplicates. */
  sorted(): Problem[] {
    const ordered = [...this.entries].sort(
      (a, b) =>
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
