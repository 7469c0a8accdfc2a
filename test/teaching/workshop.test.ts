// scenarios/workshop.md stays honest: every exercise's expected observation is backed by checks
// (HTML comments, grammar in workshop-checks.ts), and every check is evaluated here against a real run
// of its scenario through the built CLI, as a learner would run it. A check on a bundled scenario run
// unchanged reads the committed gallery report, which the gallery test proves is what that run writes.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, evaluate, guideProblems, parseCsv, parseGuide, runKey, type Check, type Table } from './workshop-checks.js';

const GUIDE = 'scenarios/workshop.md';
const MIN_EXERCISES = 6;
/**
 * The guide's numbers are seed 1's (the scenarios' default). WORKSHOP_SEED=N runs every check at
 * another seed, to see which observations are the point (they hold) and which are seed 1's story.
 */
const SEED = process.env.WORKSHOP_SEED ?? '';

const markdown = readFileSync(GUIDE, 'utf8');
const guide = parseGuide(markdown);
const scenarioExists = (name: string): boolean => existsSync(path.join('scenarios', `${name}.yaml`));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: string;
  /** Why the run could not even start (an edit that doesn't apply), if so. */
  readonly error?: string;
}

let work = '';
const runs = new Map<string, Promise<Run>>();

/** Runs `node bin/sim.js run` on each scenario with each distinct set of edits, a few at a time. */
function startRuns(checks: readonly Check[]): void {
  const groups = new Map<string, Check[]>();
  for (const c of checks) {
    if (!scenarioExists(c.scenario)) continue;
    const key = runKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const limit = Math.max(2, Math.min(4, availableParallelism()));
  let active = 0;
  const waiting: Array<() => void> = [];
  const slot = async (): Promise<void> => {
    if (active < limit) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  let n = 0;
  for (const [key, group] of groups) {
    const first = group[0];
    const dir = path.join(work, `run-${n++}`);
    const messages = group.some((c) => c.file === 'messages.csv');
    // The bundled scenario run as it is: its report is the committed gallery's (the gallery test proves
    // that reports/<name>/ is byte for byte what this command writes), so it is read from there.
    const gallery = path.join('reports', first.scenario);
    if (first.edits.length === 0 && !SEED && !messages && existsSync(path.join(gallery, 'summary.csv'))) {
      runs.set(key, Promise.resolve({ code: 0, stdout: '', stderr: '', out: gallery }));
      continue;
    }
    runs.set(
      key,
      (async (): Promise<Run> => {
        await slot();
        try {
          const file = path.join('scenarios', `${first.scenario}.yaml`);
          // The learner's command: the bundled file with --set for each edit. The path must exist in the
          // file (so a misspelt path is reported as such, not as a rejected run).
          try {
            applyEdits(readFileSync(file, 'utf8'), first.edits);
          } catch (e) {
            return { code: null, stdout: '', stderr: '', out: '', error: (e as Error).message };
          }
          const out = path.join(dir, 'out');
          const args = [
            'bin/sim.js', 'run', file, '--out', out, '--no-svg', '--no-png', '--no-html',
            ...(SEED ? ['--seed', SEED] : []),
            ...first.edits.flatMap((e) => ['--set', e.text]),
            ...(messages ? ['--messages-csv'] : []),
          ];
          return await new Promise<Run>((resolve) => {
            execFile(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SIM_DEBUG: '' } }, (error, stdout, stderr) => {
              const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
              resolve({ code, stdout, stderr, out });
            });
          });
        } finally {
          release();
        }
      })(),
    );
  }
}

function tablesOf(run: Run): { table: (file: string) => Table | undefined; written: string[] } {
  const written = existsSync(run.out) ? readdirSync(run.out).filter((f) => f.endsWith('.csv')).sort() : [];
  const cache = new Map<string, Table>();
  return {
    written,
    table: (file) => {
      if (!written.includes(file)) return undefined;
      if (!cache.has(file)) cache.set(file, parseCsv(readFileSync(path.join(run.out, file), 'utf8')));
      return cache.get(file);
    },
  };
}

const allChecks = guide.exercises.flatMap((e) => e.checks.map((c) => ({ exercise: e, check: c })));

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sim-workshop-'));
  startRuns(allChecks.map((c) => c.check));
});

afterAll(async () => {
  await Promise.allSettled(runs.values());
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the workshop guide', () => {
  it(`has at least ${MIN_EXERCISES} numbered exercises, each with a command and a check on a bundled scenario`, () => {
    expect(guideProblems(guide, { minExercises: MIN_EXERCISES, scenarioExists })).toEqual([]);
  });

  it('names only bundled scenarios in its commands', () => {
    const named = [...markdown.matchAll(/scenarios\/([a-z0-9-]+)\.yaml/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].filter((n) => !scenarioExists(n))).toEqual([]);
  });

  for (const { exercise, check } of allChecks) {
    it(`exercise ${exercise.number}: ${check.text}`, async (ctx) => {
      const run = await runs.get(runKey(check));
      if (!run) throw new Error(`unknown scenario "${check.scenario}" (no scenarios/${check.scenario}.yaml)`);
      if (run.error) throw new Error(`${check.text}\n  ${run.error}`);
      if (check.pending && run.code === 2) {
        ctx.skip(`pending: the scenario is not accepted yet (${run.stderr.trim().split('\n')[0]})`);
        return;
      }
      if (run.code !== 0) throw new Error(`${check.text}\n  the run failed with exit code ${run.code}:\n${run.stderr}`);
      const { table, written } = tablesOf(run);
      let outcome;
      try {
        outcome = evaluate(check, table, written);
      } catch (e) {
        throw new Error(`${check.text}\n  ${(e as Error).message}`);
      }
      if (!outcome.passed) throw new Error(`check failed (guide line ${check.line}): ${check.text}\n  ${outcome.detail}`);
    });
  }
});
