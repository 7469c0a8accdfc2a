// The grammar of the workshop guide's checks (workshop-checks.ts), on small made-up guides and tables:
// a check that doesn't hold fails, and a check or guide that is wrong is reported, never ignored.
import { describe, expect, it } from 'vitest';
import { applyEdits, evaluate, guideProblems, parseCheck, parseCsv, parseGuide, type Table } from './workshop-checks.js';

const FAULTS = parseCsv(
  [
    'strategy,variant,fault,stranded,time_to_recover_s',
    'distributor,,crash worker2,2,10',
    'round-robin,,crash worker2,304,65',
    'fair,,crash worker2,7,',
  ].join('\n'),
);
const SUMMARY = parseCsv('strategy,variant,sent,throughput_per_s,operations\ndirect,,20000,500,60000\ndistributor,,20000,125,180006\nround-robin,,20000,500,60000\n');
const LEFTOVERS = parseCsv('strategy,variant,queue,machine,messages\n');

function files(extra: Record<string, Table> = {}): (name: string) => Table | undefined {
  const all: Record<string, Table> = { 'faults.csv': FAULTS, 'summary.csv': SUMMARY, 'leftovers.csv': LEFTOVERS, ...extra };
  return (name) => all[name];
}

const holds = (text: string): boolean => evaluate(parseCheck(text), files()).passed;
const failure = (text: string): string => {
  try {
    evaluate(parseCheck(text), files(), ['faults.csv', 'summary.csv', 'leftovers.csv']);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('a check', () => {
  it('reads scenario, edits, file, rows and assertion', () => {
    const c = parseCheck('worker-crash with faults[0].duration=2m; senders.Sender.sends[0].arrivals=poisson(9/s) | faults.csv | strategy=distributor | stranded == 2');
    expect(c.scenario).toBe('worker-crash');
    expect(c.edits.map((e) => [e.path, e.value])).toEqual([
      [['faults', 0, 'duration'], '2m'],
      [['senders', 'Sender', 'sends', 0, 'arrivals'], 'poisson(9/s)'],
    ]);
    expect(c.file).toBe('faults.csv');
    expect(c.rows).toEqual([['strategy', 'distributor']]);
    expect(c.assertion.kind).toBe('compare');
  });

  it('evaluates single cells, ratios of two rows, aggregates and counts', () => {
    expect(holds('x | faults.csv | strategy=distributor | stranded == 2')).toBe(true);
    expect(holds('x | faults.csv | strategy=distributor | stranded == 3')).toBe(false);
    expect(holds('x | faults.csv | strategy=round-robin | stranded > 250')).toBe(true);
    expect(holds('x | summary.csv | all | throughput_per_s[strategy=direct] / throughput_per_s[strategy=distributor] between 3.5 and 4.5')).toBe(true);
    expect(holds('x | summary.csv | all | throughput_per_s[strategy=direct] / throughput_per_s[strategy=distributor] between 4.5 and 5')).toBe(false);
    expect(holds('x | summary.csv | strategy=distributor | operations / sent between 8.9 and 9.1')).toBe(true);
    expect(holds('x | faults.csv | all | max stranded == 304')).toBe(true);
    expect(holds('x | faults.csv | all | min stranded == 2 ')).toBe(true);
    expect(holds('x | faults.csv | all | sum stranded == 313')).toBe(true);
    expect(holds('x | faults.csv | all | mean stranded > 100')).toBe(true);
    expect(holds('x | faults.csv | all | count == 3')).toBe(true);
    expect(holds('x | leftovers.csv | strategy=round-robin | count == 0')).toBe(true);
    expect(holds('x | faults.csv | all | time_to_recover_s[strategy=round-robin] >= 3 * time_to_recover_s[strategy=distributor]')).toBe(true);
    expect(holds('x | faults.csv | all | -(stranded[strategy=fair] - 10) == 3')).toBe(true);
  });

  it('is an error when it names an unknown file, column or row, or selects other than one row', () => {
    expect(failure('x | plan.csv | all | answer == 3')).toMatch(/unknown file plan\.csv/);
    expect(failure('x | faults.csv | strategy=distributor | strandedd == 2')).toMatch(/unknown column "strandedd"/);
    expect(failure('x | faults.csv | strategie=distributor | stranded == 2')).toMatch(/unknown column "strategie"/);
    expect(failure('x | faults.csv | strategy=distributer | stranded == 2')).toMatch(/no row of faults\.csv has strategy=distributer/);
    expect(failure('x | leftovers.csv | strategy=round-robbin | count == 0')).toMatch(/no row of leftovers\.csv has strategy=round-robbin/);
    expect(failure('x | faults.csv | all | stranded == 2')).toMatch(/selects 3 rows/);
    expect(failure('x | faults.csv | strategy=fair | time_to_recover_s < 20')).toMatch(/not a number/);
    expect(failure('x | leftovers.csv | all | max messages == 0')).toMatch(/no rows/);
  });

  it('rejects malformed text', () => {
    expect(() => parseCheck('worker-crash | faults.csv | stranded == 2')).toThrow(/4 parts/);
    expect(() => parseCheck('worker-crash | faults | all | stranded == 2')).toThrow(/bad file name/);
    expect(() => parseCheck('worker-crash | faults.csv | all | stranded')).toThrow(/comparison/);
    expect(() => parseCheck('worker-crash | faults.csv | all | stranded between 1')).toThrow(/"and"/);
    expect(() => parseCheck('worker-crash | faults.csv | distributor | stranded == 1')).toThrow(/column=value/);
    expect(() => parseCheck('worker-crash with duration | faults.csv | all | count == 1')).toThrow(/PATH=VALUE/);
  });
});

describe('a guide', () => {
  const exercise = (n: number, check = `<!-- check: worker-crash | faults.csv | strategy=distributor | stranded == 2 -->`): string =>
    `## Exercise ${n}: Title ${n}\n\nRun \`npx sim run scenarios/worker-crash.yaml\`.\n\n- Observation.\n  ${check}\n`;
  const rules = { minExercises: 6, scenarioExists: (name: string) => name === 'worker-crash' };
  const problems = (markdown: string): string[] => guideProblems(parseGuide(markdown), rules);

  it('with enough exercises, each with a command and a check, is sound', () => {
    const md = `# Guide\n\n${[1, 2, 3, 4, 5, 6].map((n) => exercise(n)).join('\n')}\n## Notes\n\nText.\n`;
    const guide = parseGuide(md);
    expect(guide.exercises.map((e) => e.checks.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(problems(md)).toEqual([]);
  });

  it('with fewer than 6 exercises fails', () => {
    expect(problems([1, 2, 3, 4, 5].map((n) => exercise(n)).join('\n'))).toEqual(['the guide has 5 exercises, at least 6 are needed']);
  });

  it('with an exercise without a check fails', () => {
    const md = [1, 2, 3, 4, 5, 6].map((n) => exercise(n, n === 4 ? '' : undefined)).join('\n');
    expect(problems(md)).toEqual(['exercise 4 (Title 4) has no check']);
  });

  it('with a check on an unknown scenario, a malformed check or a check outside an exercise fails', () => {
    const md = [
      '<!-- check: worker-crash | faults.csv | all | count == 3 -->',
      ...[1, 2, 3, 4, 5, 6].map((n) => exercise(n)),
      exercise(7, '<!-- check: worker-krash | faults.csv | all | count == 3 -->'),
      exercise(8, '<!-- check: worker-crash | faults.csv | all -->'),
      exercise(9, '<!-- checks: worker-crash -->'),
    ].join('\n');
    expect(problems(md)).toEqual([
      'line 1: a check outside any exercise: worker-crash | faults.csv | all | count == 3',
      'line 56: a check has 4 parts separated by "|" (scenario | file | rows | assertion), got 3: check: worker-crash | faults.csv | all',
      'line 63: a comment that mentions "check" is not a check ("check: ..." or "pending check: ..."): checks: worker-crash',
      'exercise 7: unknown scenario "worker-krash" in check: worker-krash | faults.csv | all | count == 3',
      'exercise 8 (Title 8) has no check',
      'exercise 9 (Title 9) has no check',
    ]);
  });

  it('ignores fenced examples, reads pending and multi-line checks, and wants exercises in order', () => {
    const md = [
      exercise(1),
      '```\n<!-- check: nowhere | faults.csv | all | count == 1 -->\n```',
      exercise(3, '<!-- pending check: worker-crash | plan.csv |\n  strategy=distributor | answer == 3 -->'),
    ].join('\n');
    const guide = parseGuide(md);
    expect(guide.exercises[0].checks).toHaveLength(1);
    expect(guide.exercises[1].checks[0]).toMatchObject({ pending: true, file: 'plan.csv', text: 'pending worker-crash | plan.csv | strategy=distributor | answer == 3' });
    expect(guide.problems).toEqual(['line 11: exercise 3 should be numbered 2']);
  });
});

describe('an edit', () => {
  const yaml = 'name: x # the name\nfaults:\n  - { kind: crash, machine: worker2, at: 2m, duration: 1m }\n';

  it('changes one value and keeps the rest of the file', () => {
    const edited = applyEdits(yaml, parseCheck('x with faults[0].duration=2m | faults.csv | all | count == 1').edits);
    expect(edited).toBe('name: x # the name\nfaults:\n  - { kind: crash, machine: worker2, at: 2m, duration: 2m }\n');
  });

  it('must name a value the scenario has', () => {
    expect(() => applyEdits(yaml, parseCheck('x with faults[0].durations=2m | faults.csv | all | count == 1').edits)).toThrow(/no faults\[0\]\.durations/);
    expect(() => applyEdits(yaml, parseCheck('x with faults[1].duration=2m | faults.csv | all | count == 1').edits)).toThrow(/no faults\[1\]\.duration/);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n1,\n')).toEqual({ header: ['a', 'b'], rows: [['x, y', 'say "hi"\nthere'], ['1', '']] });
  });
});
