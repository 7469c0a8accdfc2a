// The data file behind `empirical(file.csv)`: observed handler durations, one per line, each with a
// unit (`200ms`, `1.5s`) or a bare number of milliseconds (what most tools export). An optional
// header line (`duration_ms`) and blank lines are skipped.

import type { Problem } from './problem.js';
import { readTextFile } from './text-file.js';
import { parseDuration } from './units.js';

export interface EmpiricalData {
  /** Durations in ms, in file order; empty when the file could not be used. */
  readonly samples: readonly number[];
  /** Problems at lines of the data file itself. */
  readonly lineProblems: readonly Problem[];
  /** Why the file as a whole could not be used (unreadable, binary), if so. */
  readonly fileProblem?: string;
}

const BARE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads and parses the data file at `file` (a path as it should appear in messages). */
export function readEmpiricalData(file: string): EmpiricalData {
  const read = readTextFile(file);
  if (!read.ok) return { samples: [], lineProblems: [], fileProblem: read.message };
  return parseEmpiricalData(read.text, file);
}

export function parseEmpiricalData(text: string, file: string): EmpiricalData {
  const samples: number[] = [];
  const lineProblems: Problem[] = [];
  const problem = (line: number, message: string) => lineProblems.push({ file, line, col: 1, path: '', message });
  let seenContent = false;
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
      problem(line, /^must be a duration/.test(ms) ? `must be a duration such as 200ms or a number of milliseconds, got ${JSON.stringify(value)}` : ms);
    } else if (ms < 0) {
      problem(line, `must not be negative, got ${JSON.stringify(value)}`);
    } else if (!Number.isFinite(ms)) {
      problem(line, `is too large, got ${JSON.stringify(value)}`);
    } else {
      samples.push(ms + 0);
    }
  });
  if (samples.length === 0 && lineProblems.length === 0) {
    problem(1, 'has no durations; write one per line, e.g. 200ms or 200 (milliseconds)');
  }
  return { samples: lineProblems.length === 0 ? samples : [], lineProblems };
}
