// `npm run bench`: simulated messages per second, events per second and peak memory.
//
// Each case runs in its own child process so that its peak resident memory is its own. Timing covers
// the simulation only (world build + event loop + statistics), not loading or writing reports.
// The zero-cost cases of N workers are the theory check's model (exponential 1 s handlers, Poisson
// arrivals at 80% utilisation) with N single-thread workers. When SimPy 3 answers to /usr/bin/python3,
// the same model runs in ../shared/bench/simpy_peer.py and the table shows each case's ratio to it.
// Run from the repository root after a build: node dist/bench/bench.js [--quick]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initHistograms } from '../metrics/histogram.js';
import { runStrategy } from '../metrics/run.js';
import type { Scenario } from '../model/scenario-types.js';
import { formatProblem, loadScenarioFile, loadScenarioText } from '../scenario/index.js';

interface BenchCase {
  name: string;
  /** A scenario file, or the number of zero-cost workers of a generated theory-check model. */
  file: string | number;
  strategy: string;
  messages: number;
  /** The SimPy peer's mode for the same model (zero-cost cases only). */
  simpy?: 'rr' | 'central';
}

const quick = process.argv.includes('--quick');
const CASES: BenchCase[] = [
  { name: 'zero-cost, 10 workers, round-robin', file: 'scenarios/theory-check.yaml', strategy: 'round-robin', messages: quick ? 1e6 : 1e7, simpy: 'rr' },
  { name: 'zero-cost, 10 workers, distributor', file: 'scenarios/theory-check.yaml', strategy: 'distributor', messages: quick ? 1e6 : 1e7, simpy: 'central' },
  { name: 'zero-cost, 1,000 workers, round-robin', file: 1000, strategy: 'round-robin', messages: quick ? 1e6 : 3e6, simpy: 'rr' },
  { name: 'zero-cost, 1,000 workers, distributor', file: 1000, strategy: 'distributor', messages: quick ? 1e6 : 3e6, simpy: 'central' },
  { name: 'sample with costs, distributor', file: 'scenarios/scale-out-sample.yaml', strategy: 'distributor', messages: 1e6 },
  { name: 'sample with costs, round-robin', file: 'scenarios/scale-out-sample.yaml', strategy: 'round-robin', messages: 1e6 },
];

interface Measurement {
  messages: number;
  events: number;
  seconds: number;
  peakRssMb: number;
}

/** The theory check's zero-cost model with `workers` single-thread workers at 80% utilisation. */
function zeroCostScenario(workers: number): string {
  const names = Array.from({ length: workers }, (_, i) => `w${i + 1}`);
  return [
    'name: zero-cost',
    'seed: 1',
    'stop: { messages: 1 }',
    'transport: { operation: 0ms, network: 0ms }',
    'machines:',
    '  client: {}',
    '  server: {}',
    ...names.map((n) => `  ${n}: {}`),
    'endpoints:',
    '  Sales:',
    '    handlers:',
    '      PlaceOrder: { duration: exponential(1s) }',
    '    instances:',
    ...names.map((n) => `      - { machine: ${n} }`),
    'senders:',
    '  Sender:',
    '    machine: client',
    '    sends:',
    `      - { message: PlaceOrder, to: Sales, arrivals: poisson(${0.8 * workers}/s) }`,
    'strategies:',
    '  distributor: { kind: distributor, machine: server }',
    '  round-robin: { kind: round-robin }',
    '',
  ].join('\n');
}

async function measure(c: BenchCase): Promise<Measurement> {
  const loaded = typeof c.file === 'number' ? loadScenarioText(zeroCostScenario(c.file), `(${c.file} zero-cost workers)`) : loadScenarioFile(c.file);
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

const PEER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'bench', 'simpy_peer.py');
const PYTHON = '/usr/bin/python3';

/** SimPy's messages/s for the same model (simulation only, as it times itself), or undefined without SimPy. */
function simpyRate(c: BenchCase, workers: number): number | undefined {
  if (!c.simpy || !existsSync(PEER) || !existsSync(PYTHON)) return undefined;
  try {
    const out = execFileSync(PYTHON, [PEER, c.simpy, String(workers), '1', '0.8', String(quick ? 50_000 : 300_000)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /msgs\/s=(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // no simpy module: no ratio
  }
}

const self = fileURLToPath(import.meta.url);
const caseIndex = process.argv.indexOf('--case');
if (caseIndex >= 0) {
  const c = CASES[Number(process.argv[caseIndex + 1])];
  process.stdout.write(JSON.stringify(await measure(c)));
} else {
  console.log(`sim benchmark (node ${process.version}, one core per case)${quick ? ' --quick' : ''}\n`);
  const header = ['case', 'messages', 'seconds', 'messages/s', 'events/s', 'peak MB', 'x SimPy'];
  const rows: string[][] = [];
  for (let i = 0; i < CASES.length; i++) {
    const args = [self, '--case', String(i), ...(quick ? ['--quick'] : [])];
    const m = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Measurement;
    const ratio = (c: BenchCase): string => {
      const peer = simpyRate(c, typeof c.file === 'number' ? c.file : 10);
      return peer === undefined ? '-' : fmt(m.messages / m.seconds / peer, 1);
    };
    rows.push([
      CASES[i].name,
      fmt(m.messages),
      fmt(m.seconds, 2),
      fmt(m.messages / m.seconds),
      fmt(m.events / m.seconds),
      fmt(m.peakRssMb),
      ratio(CASES[i]),
    ]);
    console.log(rows[rows.length - 1].join('  |  '));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  console.log('\nx SimPy: messages/s against SimPy 3 running the same zero-cost model (simpy_peer.py, simulation time only); - : no peer.');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}
