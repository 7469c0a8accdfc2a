// The scenario as report.html describes it: what the YAML file said, in its own words (durations like
// 200ms, rates like 8/s), so a reader can see what was run without opening the file.
import type { SweepResult } from '../../metrics/results.js';
import type { ArrivalSpec, DistributionSpec, EndpointSpec, FaultSpec, Scenario, StrategySpec } from '../../model/scenario-types.js';
import { FAULTS } from '../../model/faults/registry.js';
import { definitionOf } from '../../model/strategies/registry.js';
import { formatDuration, formatRate } from '../../scenario/units.js';
import { escapeHtml, htmlTable } from './html-tables.js';
import { formatParameterValue } from '../format/sweep-parameters.js';

const duration = (ms: number): string => formatDuration(ms);

export function describeDistribution(d: DistributionSpec): string {
  switch (d.kind) {
    case 'constant':
      return `constant(${duration(d.value)})`;
    case 'exponential':
      return `exponential(${duration(d.mean)})`;
    case 'uniform':
      return `uniform(${duration(d.min)}, ${duration(d.max)})`;
    case 'erlang':
      return `erlang(${d.k}, ${duration(d.mean)})`;
    case 'lognormal':
      return `lognormal(${duration(d.mean)}, ${duration(d.p99)})`;
    case 'empirical':
      return `empirical(${d.file}, ${d.samples.length} durations)`;
    default:
      return (d as { kind: string }).kind;
  }
}

export function describeArrivals(a: ArrivalSpec): string {
  const kind = (a as { kind: string }).kind;
  switch (kind) {
    case 'poisson':
    case 'constant':
      return `${kind}(${formatRate(a.ratePerSecond)})`;
    default:
      // Shapes with more to them (piecewise, daily, bursts, trace): the kind and the mean rate.
      return `${kind}, ${formatRate(a.ratePerSecond)} on average`;
  }
}

function describeStrategy(s: StrategySpec): string {
  return definitionOf(s).describe(s, { duration }).join(', ');
}

function describeFault(f: FaultSpec): string {
  const timing =
    f.mttfMs !== undefined
      ? `mttf ${duration(f.mttfMs)}, mttr ${duration(f.mttrMs ?? 0)}`
      : `at ${duration(f.atMs)}${f.durationMs !== undefined ? ` for ${duration(f.durationMs)}` : ' until the end'}`;
  const extra = FAULTS[f.kind].describe(f);
  return [f.name, timing, ...extra].join(', ');
}

function describeHandlers(e: EndpointSpec): string {
  return e.handlers
    .map((h) => {
      const notes = [
        h.reply ? `reply ${h.reply}` : '',
        h.publish ? `publish ${h.publish}` : '',
        h.cpuBound ? 'CPU-bound' : '',
        h.failureProbability > 0 ? `fails ${h.failureProbability * 100}%` : '',
      ].filter((text) => text !== '');
      return `${h.message}: ${describeDistribution(h.duration)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    })
    .join('; ');
}

/**
 * "worker (1 thread)", or "a on worker (...)" when the instance has a name of its own; a sweep's
 * parameters that set the instances are named, so the values written are not read as those run.
 */
function describeInstances(e: EndpointSpec, sweep: SweepResult | undefined): string {
  const own = e.instances
    .map((i) => `${i.name === i.machine ? i.machine : `${i.name} on ${i.machine}`} (${i.threads} thread${i.threads === 1 ? '' : 's'}${i.speed !== 1 ? `, speed ${i.speed}` : ''})`)
    .join(', ');
  const swept = (sweep?.parameters ?? []).filter((p) => p.startsWith(`endpoints.${e.name}.instances`));
  if (swept.length === 0) return own;
  const count = swept.some((p) => p.endsWith('.instances.count'));
  return `${count ? 'copies of ' : ''}${own}; swept: ${swept.join(', ')}`;
}

function stopText(s: Scenario): string {
  const stop = s.stop.messages !== undefined ? `${s.stop.messages} messages` : `${duration(s.stop.durationMs ?? 0)} of sending`;
  const warmup = s.warmup.messages !== undefined ? (s.warmup.messages === 0 ? 'none' : `${s.warmup.messages} messages`) : duration(s.warmup.durationMs ?? 0);
  return `${stop}; warm-up ${warmup}`;
}

/** The values each swept parameter took, in order. */
function sweptValues(sweep: SweepResult): string[] {
  return sweep.parameters.map((path, i) => {
    const values = [...new Set(sweep.aggregates.map((a) => a.values[i]))].sort((a, b) => a - b);
    return `${path}: ${values.map((v) => formatParameterValue(path, v)).join(', ')}`;
  });
}

/** The scenario section's inner HTML. */
export function scenarioHtml(scenario: Scenario, sweep?: SweepResult): string {
  const facts: [string, string][] = [
    ['file', scenario.file === '' ? '(built in code)' : scenario.file],
    ['seed', String(scenario.seed)],
    ['run', stopText(scenario)],
    ['transport', `${duration(scenario.transport.operationMs)} per MSMQ operation, ${duration(scenario.transport.networkMs)} network${acceptWords(scenario.transport)}${scenario.transport.express ? ', express (non-durable)' : ''}`],
  ];
  if (sweep !== undefined) {
    facts.push(['replications', `${scenario.replications ?? 1} per point`]);
    for (const line of sweptValues(sweep)) facts.push(['swept', line]);
  }
  if (scenario.sla !== undefined) facts.push(['SLA', `${scenario.sla.metric} <= ${duration(scenario.sla.limitMs)}`]);
  const dl = `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;

  const machines = htmlTable(
    ['machine', 'cores'],
    scenario.machines.map((m) => [{ text: m.name }, { text: String(m.cores), numeric: true }]),
  );
  const endpoints = htmlTable(
    ['endpoint', 'handlers', 'instances'],
    scenario.endpoints.map((e) => [
      { text: e.name },
      { text: describeHandlers(e) },
      { text: describeInstances(e, sweep) },
    ]),
  );
  const senders = htmlTable(
    ['sender', 'machine', 'sends'],
    scenario.senders.map((s) => [
      { text: s.name },
      { text: s.machine },
      { text: s.sends.map((send) => `${send.publish ? 'publishes' : ''} ${send.message}${send.to ? ` to ${send.to}` : ''}: ${describeArrivals(send.arrivals)}`.trim()).join('; ') },
    ]),
  );
  const strategies = htmlTable(
    ['strategy', 'kind', 'settings'],
    scenario.strategies.map((s) => [{ text: s.name }, { text: s.kind }, { text: describeStrategy(s) || '–' }]),
  );
  const faults = scenario.faults ?? [];
  const faultList =
    faults.length === 0 ? '<p class="muted">No faults.</p>' : `<ul>${faults.map((f) => `<li>${escapeHtml(describeFault(f))}</li>`).join('')}</ul>`;
  return [
    dl,
    '<div class="grid">',
    `<div><h3>Machines</h3>${machines}</div>`,
    `<div><h3>Strategies</h3>${strategies}</div>`,
    '</div>',
    `<h3>Endpoints</h3>${endpoints}`,
    `<h3>Senders</h3>${senders}`,
    `<h3>Faults</h3>${faultList}`,
  ].join('\n');
}

/** How deliveries are accepted, when it is not the default (session, window 1). */
function acceptWords(t: Scenario['transport']): string {
  if (t.accept === 'local-first') return ', network deliveries accepted only when the queue manager is idle (local-first)';
  return t.window > 1 ? `, session window ${t.window}` : '';
}
