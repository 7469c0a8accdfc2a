// The messages between the page and its simulation worker. Everything crosses as plain data
// (structured clone): text, numbers and the narration's steps.
import type { Problem } from '../scenario/index.js';
import type { Step } from '../reports/index.js';

/** The page asks: check a scenario as typed, run it, or tell the story of one strategy. */
export type Request =
  | { readonly kind: 'check'; readonly id: number; readonly file: string; readonly text: string }
  | { readonly kind: 'run'; readonly id: number; readonly file: string; readonly text: string }
  | { readonly kind: 'trace'; readonly id: number; readonly file: string; readonly text: string; readonly strategy: string; readonly messages: number };

/** One report file: its name and its text (every file the page offers is text). */
export interface PageFile {
  readonly name: string;
  readonly text: string;
}

export interface RunOutcome {
  readonly name: string;
  readonly seed: number;
  /** The comparison table as `sim run` prints it (a sweep: its plan, or a line saying what ran). */
  readonly table: string;
  readonly findings: readonly string[];
  /** Every file `sim run` writes that a page can make, in writing order. */
  readonly files: readonly PageFile[];
  /** The strategies a trace can follow (a sweep: none). */
  readonly strategies: readonly string[];
  readonly sweep: boolean;
}

export interface TraceOutcome {
  readonly strategy: string;
  readonly kind: string;
  readonly lines: readonly string[];
  readonly steps: readonly Step[];
}

/** A loader problem, with the sentence the command line prints for it. */
export type PageProblem = Problem & { readonly text: string };

/** The worker answers. */
export type Reply =
  | { readonly kind: 'problems'; readonly id: number; readonly problems: readonly PageProblem[] }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly kind: 'result'; readonly id: number; readonly result: RunOutcome }
  | { readonly kind: 'traced'; readonly id: number; readonly trace: TraceOutcome }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
