// `npm run bench`: simulated messages per second, events per second and peak memory.
//
// Each case runs in its own child process so that its peak resident memory is its own. Timing covers
// the simulation only (world build + event loop + statistics), not loading or writing reports.
// Run from the repository root after a build: node dist/bench/bench.js [--quick]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initHistograms } from '../metrics/histogram.js';
import { runStrategy } from '../metrics/run.js';
import type { Scenario } from '../model/scenario-types.js';
import { formatProblem, loadScenarioFile } from '../scenario/index.js';

interface BenchCase {
  name: string;
  file: string;
  strategy: string;
  messages: number;
}

const quick = process.argv.includes('--quick');
const CASES: BenchCase[] = [
  { name: 'zero-cost, 10 workers, round-robin', file: 'scenarios/theory-check.yaml', strategy: 'round-robin', messages: quick ? 1e6 : 1e7 },
  { name: 'zero-cost, 10 workers, distributor', file: 'scenarios/theory-check.yaml', strategy: 'distributor', messages: quick ? 1e6 : 1e7 },
  { name: 'sample with costs, distributor', file: 'scenarios/scale-out-sample.yaml', strategy: 'distributor', messages: 1e6 },
  { name: 'sample with costs, round-robin', file: 'scenarios/scale-out-sample.yaml', strategy: 'round-robin', messages: 1e6 },
];

interface Measurement {
  messages: number;
  events: number;
  seconds: number;
  peakRssMb: number;
}

async function measure(c: BenchCase): Promise<Measurement> {
  const loaded = loadScenarioFile(c.file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const scenario: Scenario = { ...loaded.scenario, stop: { messages: c.messages }, warmup: { messages: 0 } };
  const strategy = scenario.strategies.find((s) => s.name === c.strategy);
  if (!strategy) throw new Error(`${c.file} has no strategy ${c.strategy}`);
  await initHistograms();
  const start = process.hrtime.bigint();
  const result = runStrategy(scenario, strategy);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    messages: result.summary.completed,
    events: result.summary.events,
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

const self = fileURLToPath(import.meta.url);
const caseIndex = process.argv.indexOf('--case');
if (caseIndex >= 0) {
  const c = CASES[Number(process.argv[caseIndex + 1])];
  process.stdout.write(JSON.stringify(await measure(c)));
} else {
  console.log(`sim benchmark (node ${process.version}, one core per case)${quick ? ' --quick' : ''}\n`);
  const header = ['case', 'messages', 'seconds', 'messages/s', 'events/s', 'peak MB'];
  const rows: string[][] = [];
  for (let i = 0; i < CASES.length; i++) {
    const args = [self, '--case', String(i), ...(quick ? ['--quick'] : [])];
    const m = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Measurement;
    rows.push([
      CASES[i].name,
      fmt(m.messages),
      fmt(m.seconds, 2),
      fmt(m.messages / m.seconds),
      fmt(m.events / m.seconds),
      fmt(m.peakRssMb),
    ]);
    console.log(rows[rows.length - 1].join('  |  '));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}
