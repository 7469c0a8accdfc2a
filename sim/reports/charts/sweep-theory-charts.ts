// The theory overlay of a sweep: the simulated numbers beside what queueing theory predicts for the
// same setup (SummaryRow.theory_*). sweep-utilisation: busy handler threads against the offered load
// per thread. sweep-wait-theory: the simulated mean wait against the closed form (M/M/c, E_k/M/1, ...),
// with the points whose runs were flagged 'disagrees' ringed.
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../metrics/results.js';
import { chartHeader } from './chart-style.js';
import { roundSignificant } from '../format/number-format.js';
import { type EstimateDatum, estimateData, estimateLayers, facetByContext, pointTooltip, sweepLayout, xEncoding } from './sweep-chart-parts.js';
import { metricOf, replicationsText } from '../format/sweep-parameters.js';

const SIMULATED = 'simulated (mean, 95% CI)';
const THEORY_UTILISATION = 'theory: offered load / threads';
const THEORY_WAIT = 'theory (closed form)';
const DISAGREES = "a run flagged 'disagrees'";

/** The line-style legend, solid for the simulation and dashed for theory: a constant per layer. */
function lineStyle(line: string, theory: string) {
  return {
    datum: line,
    type: 'nominal',
    title: 'line',
    scale: { domain: [SIMULATED, theory], range: [[1, 0], [6, 4]] },
    legend: { symbolType: 'stroke', symbolStrokeColor: '#333333', symbolStrokeWidth: 1.5, symbolSize: 300 },
  } as const;
}

/** Theory without a parameter axis: a short wide tick beside each strategy's point and error bar. */
const THEORY_TICK = { type: 'tick', thickness: 2.5, size: 40, tooltip: true } as const;

const value = (x: number): number | null => (Number.isFinite(x) ? roundSignificant(x) : null);

/** Utilisation of handler threads against the first parameter, with the offered load per thread dashed. */
export function sweepUtilisationChart(result: SweepResult): TopLevelSpec {
  const layout = sweepLayout(result);
  const x = xEncoding(result, layout);
  const data = estimateData(result, 'utilisation').map((d, i) => ({ ...d, theory: value(metricOf(result.aggregates[i], 'theory_utilisation').mean) }));
  const y = {
    title: 'utilisation (% of threads busy)',
    format: '.0%',
    x,
    ...(layout.hasX ? { line: { strokeDash: lineStyle(SIMULATED, THEORY_UTILISATION) } } : {}),
  };
  const theoryLayer = {
    // No point markers: they would be a second layer, and both would set the domain.
    mark: layout.hasX ? { type: 'line', color: '#333333', strokeWidth: 1.5, tooltip: true } : { ...THEORY_TICK, color: '#333333' },
    encoding: {
      x,
      // 0 to 100% at least: utilisation reads against the whole; theory above 100% stays visible.
      y: { field: 'theory', type: 'quantitative', scale: { domain: { unionWith: [0, 1] } } },
      detail: { field: 'strategy', type: 'nominal' },
      ...(layout.hasX ? { strokeDash: lineStyle(THEORY_UTILISATION, THEORY_UTILISATION) } : {}),
      tooltip: [...pointTooltip(result), { field: 'theory', type: 'quantitative', title: 'offered load / threads', format: '.1%' }],
    },
  };
  const panel = { layer: [...estimateLayers(result, layout, y), theoryLayer] };
  return {
    ...chartHeader(result.scenario, {
      what: 'utilisation across the sweep, with theory',
      subtitle: [
        `${layout.hasX ? 'solid' : 'dot'}: simulated share of busy handler threads, mean of ${replicationsText(result)} with its 95% confidence ${layout.hasX ? 'band' : 'interval'}`,
        `${layout.hasX ? 'dashed' : 'dark tick'}: arrival rate x mean handler time / threads (the offered load); above 100% the endpoint cannot keep up`,
      ],
    }),
    data: { values: data },
    ...facetByContext(result, layout, panel, 240),
  } as TopLevelSpec;
}

interface TheoryPoint {
  model: string;
  flagged: number;
  runs: number;
}

/** Per grid point and strategy: the theory model of its runs and how many were flagged. */
function theoryPoints(result: SweepResult): Map<string, TheoryPoint> {
  const points = new Map<string, TheoryPoint>();
  for (const { point, run } of result.runs) {
    const key = `${point}|${run.summary.strategy}`;
    const found = points.get(key) ?? { model: run.summary.theory_model, flagged: 0, runs: 0 };
    if (found.model === '') found.model = run.summary.theory_model;
    found.runs++;
    if (run.summary.theory_flag === 'disagrees') found.flagged++;
    points.set(key, found);
  }
  return points;
}

/** True when some grid point has a closed form to compare with: the wait chart exists only then. */
export function hasTheoryWait(result: SweepResult): boolean {
  return theoryData(result).rows.length > 0;
}

type TheoryDatum = EstimateDatum & { theory: number | null; model: string; check: string; flagged: string };

function theoryData(result: SweepResult): { rows: TheoryDatum[]; overloaded: number } {
  const points = theoryPoints(result);
  const simulated = estimateData(result, 'wait_mean_ms');
  let overloaded = 0;
  const rows = result.aggregates.flatMap((a, i) => {
    const found = points.get(`${a.point}|${a.strategy}`);
    if (found === undefined || found.model === '') return [];
    const theory = metricOf(a, 'theory_wait_mean_ms').mean;
    // No steady state (utilisation >= 1): theory has no finite wait, and the simulated one only grows.
    if (!Number.isFinite(theory)) {
      overloaded++;
      return [];
    }
    const check = found.flagged > 0 ? DISAGREES : '';
    return [{ ...simulated[i], theory: value(theory), model: found.model, check, flagged: `${found.flagged} of ${found.runs}` }];
  });
  return { rows, overloaded };
}

/** The simulated mean wait with its CI, the closed form dashed, disagreeing points ringed. */
export function sweepWaitTheoryChart(result: SweepResult): TopLevelSpec {
  const layout = sweepLayout(result);
  const x = xEncoding(result, layout);
  const { rows, overloaded } = theoryData(result);
  const extra = [
    { field: 'model', type: 'nominal', title: 'theory model' },
    { field: 'theory', type: 'quantitative', title: 'theory mean wait (ms)', format: ',.1f' },
    { field: 'flagged', type: 'nominal', title: "runs flagged 'disagrees'" },
  ];
  const y = { title: 'mean wait (ms)', format: ',.0f', x, ...(layout.hasX ? { line: { strokeDash: lineStyle(SIMULATED, THEORY_WAIT) } } : {}) };
  const theoryLayer = {
    mark: layout.hasX ? { type: 'line', strokeWidth: 1.5, point: { filled: false, size: 30 }, tooltip: true } : THEORY_TICK,
    encoding: {
      x,
      y: { field: 'theory', type: 'quantitative' },
      color: layout.colour,
      ...(layout.hasX ? { strokeDash: lineStyle(THEORY_WAIT, THEORY_WAIT) } : {}),
      tooltip: [...pointTooltip(result), ...extra],
    },
  };
  const rings = {
    transform: [{ filter: { field: 'check', equal: DISAGREES } }],
    mark: { type: 'point', shape: 'circle', size: 280, filled: false, strokeWidth: 2 },
    encoding: {
      x,
      y: { field: 'mean', type: 'quantitative' },
      stroke: { field: 'check', type: 'nominal', title: 'theory check', scale: { domain: [DISAGREES], range: ['#d62728'] } },
    },
  };
  const flagged = rows.some((row) => row.check !== '');
  const panel = { layer: [...estimateLayers(result, layout, y, extra), theoryLayer, ...(flagged ? [rings] : [])] };
  const left = overloaded > 0 ? `; ${overloaded} overloaded point${overloaded === 1 ? '' : 's'} (no steady state) left out` : '';
  return {
    ...chartHeader(result.scenario, {
      what: 'mean wait against queueing theory',
      subtitle: [
        `${layout.hasX ? 'solid' : 'dot'}: simulated mean wait (latency minus handler time), mean of ${replicationsText(result)} with its 95% confidence ${layout.hasX ? 'band' : 'interval'}`,
        `${layout.hasX ? 'dashed' : 'wide tick'}: the closed form for the setup (hover for the model)${flagged ? "; red ring: more than 25% and 5 ms off in some run" : ''}${left}`,
      ],
    }),
    data: { values: rows },
    ...facetByContext(result, layout, panel, 240),
  } as TopLevelSpec;
}
