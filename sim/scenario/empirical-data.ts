// The data files behind `empirical(file.csv)` (observed handler durations) and `trace(file.csv)`
// (recorded send times, which must not decrease): one value per line, each with a unit (`200ms`,
// `1.5s`) or a bare number of milliseconds (what most tools export). An optional header line
// (`duration_ms`) and blank lines are skipped.

import type { Problem } from './problem.js';
import { type TextFile, readTextFile } from './text-file.js';
import { parseDuration } from './units.js';

/** What a data file holds: handler durations (empirical) or send times (trace). */
export type DataKind = 'durations' | 'times';

const WORDS: Readonly<Record<DataKind, { readonly value: string; readonly values: string; readonly example: string }>> = {
  durations: { value: 'a duration such as 200ms', values: 'durations', example: '200ms or 200' },
  times: { value: 'a send time such as 1.5s', values: 'send times', example: '1.5s or 1500' },
};

export interface EmpiricalData {
  /** Values in ms, in file order; empty when the file could not be used. */
  readonly samples: readonly number[];
  /** Problems at lines of the data file itself. */
  readonly lineProblems: readonly Problem[];
  /** Why the file as a whole could not be used (unreadable, binary), if so. */
  readonly fileProblem?: string;
}

const BARE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads and parses the data file at `file` (a path as it should appear in messages). */
export function readEmpiricalData(file: string, kind: DataKind = 'durations', readText: (path: string) => TextFile = readTextFile): EmpiricalData {
  const read = readText(file);
  if (!read.ok) return { samples: [], lineProblems: [], fileProblem: read.message };
  return parseEmpiricalData(read.text, file, kind);
}

export function parseEmpiricalData(text: string, file: string, kind: DataKind = 'durations'): EmpiricalData {
  const words = WORDS[kind];
  const samples: number[] = [];
  const lineProblems: Problem[] = [];
  const problem = (line: number, message: string) => lineProblems.push({ file, line, col: 1, path: '', message });
  let seenContent = false;
  // Send times must not decrease: the last good one and how it was written.
  let previous: { ms: number; text: string } | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const value = raw.trim().replace(/^"(.*)"$/, '$1').trim();
    if (value === '') return;
    const first = !seenContent;
    seenContent = true;
    // Only the first line may be a header, and only if it cannot be the start of a number.
    if (first && !/^[\d+\-.]/.test(value)) return;
    const ms = BARE_NUMBER.test(value) ? Number(value) : parseDuration(value);
    if (typeof ms === 'string') {
      problem(line, /^must be a duration/.test(ms) ? `must be ${words.value} or a number of milliseconds, got ${JSON.stringify(value)}` : ms);
    } else if (ms < 0) {
      problem(line, `must not be negative, got ${JSON.stringify(value)}`);
    } else if (!Number.isFinite(ms)) {
      problem(line, `is too large, got ${JSON.stringify(value)}`);
    } else if (kind === 'times' && previous !== undefined && ms < previous.ms) {
      problem(line, `must not be earlier than the line before (${JSON.stringify(previous.text)}), got ${JSON.stringify(value)}: send times must not decrease`);
    } else {
      samples.push(ms + 0);
      previous = { ms, text: value };
    }
  });
  if (samples.length === 0 && lineProblems.length === 0) {
    problem(1, `has no ${words.values}; write one per line, e.g. ${words.example} (milliseconds)`);
  }
  return { samples: lineProblems.length === 0 ? samples : [], lineProblems };
}
