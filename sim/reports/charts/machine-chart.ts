// How busy each machine's MSMQ queue manager was: the chart that shows the distributor's machine doing
// 7 operations per message and saturating while the workers' queue managers idle.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../metrics/results.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  type LayerPanelSpec,
  PANEL_HEIGHT,
  VARIANT_TOOLTIP,
  chartHeader,
  chartValues,
  strategyColor,
  strategyOrder,
  variantRows,
} from './chart-style.js';

/** Bars from this utilisation on are labelled with their percentage. */
const LABEL_FROM = 0.25;

const QUEUE_MANAGER_SUBTITLE = "share of the measurement window each machine's MSMQ queue manager was busy; 100% = saturated";

/**
 * Grouped bars: one group per machine (in scenario order), one bar per strategy, on a fixed 0-100%
 * scale so a saturated queue manager reads as a full bar. With variants, one panel per variant.
 */
export function machinesChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  const rows = result.runs.flatMap((run) => run.machines);
  const machines = [...new Set(rows.map((row) => row.machine))];
  const title = {
    what: 'queue manager utilisation per machine',
    subtitle: variants ? [QUEUE_MANAGER_SUBTITLE, 'one panel per variant'] : QUEUE_MANAGER_SUBTITLE,
  };
  const data = {
    values: chartValues(rows, [
      'strategy',
      ...(variants ? (['variant'] as const) : []),
      'machine',
      'cores',
      'operations',
      'queue_manager_utilisation',
      'cpu_utilisation',
      'outgoing_max',
    ]),
  };
  // Means, not the default sums: several replications of one strategy must not add up.
  const utilisation = {
    aggregate: 'mean',
    field: 'queue_manager_utilisation',
    type: 'quantitative',
  } as const;
  const view: Pick<LayerPanelSpec, 'encoding' | 'layer'> = {
    encoding: {
      x: { field: 'machine', type: 'nominal', sort: machines, title: 'machine', axis: { labelAngle: 0 } },
      xOffset: { field: 'strategy', type: 'nominal', sort: strategies },
      y: { ...utilisation, scale: { domain: [0, 1] }, title: 'queue manager utilisation', axis: { format: '.0%' } },
    },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          color: strategyColor(strategies),
          tooltip: [
            ...(variants ? [VARIANT_TOOLTIP] : []),
            { field: 'strategy', type: 'nominal', title: 'strategy' },
            { field: 'machine', type: 'nominal', title: 'machine' },
            { field: 'cores', type: 'quantitative', title: 'cores' },
            { ...utilisation, title: 'queue manager utilisation', format: '.1%' },
            { aggregate: 'mean', field: 'operations', type: 'quantitative', title: 'MSMQ operations', format: ',d' },
            { aggregate: 'mean', field: 'cpu_utilisation', type: 'quantitative', title: 'CPU utilisation', format: '.1%' },
            {
              aggregate: 'max',
              field: 'outgoing_max',
              type: 'quantitative',
              title: 'max outgoing queue (messages)',
              format: ',d',
            },
          ],
        },
      },
      // The busy ones get their percentage on top, so "84%" need not be read off the axis.
      {
        transform: [
          {
            aggregate: [{ op: 'mean', field: 'queue_manager_utilisation', as: 'queue_manager_utilisation' }],
            groupby: variants ? ['variant', 'strategy', 'machine'] : ['strategy', 'machine'],
          },
          { filter: `datum.queue_manager_utilisation >= ${LABEL_FROM}` },
        ],
        mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: 9, color: '#333' },
        encoding: { text: { ...utilisation, format: '.0%' } },
      },
    ],
  };

  if (!variants) {
    return { ...chartHeader(result.scenario, title), width: CHART_WIDTH, height: CHART_HEIGHT, data, ...view };
  }
  return {
    ...chartHeader(result.scenario, title),
    data,
    facet: { row: variantRows(result.variants) },
    spacing: 16,
    spec: { width: CHART_WIDTH, height: PANEL_HEIGHT, ...view },
  };
}
