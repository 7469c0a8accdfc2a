// How the work was spread over the instances: the chart that shows round-robin feeding a slow or dead
// node its full share while the distributor routes around it.
import type { TopLevelSpec } from 'vega-lite';
import type { InstanceRow, ScenarioResult } from '../../metrics/results.js';
import { CHART_WIDTH, VARIANT_TOOLTIP, chartHeader, chartValues, strategyColor, strategyOrder } from './chart-style.js';

/** What a bar's tooltip shows, in every instances chart. */
const INSTANCE_TOOLTIP = [
  { field: 'strategy', type: 'nominal', title: 'strategy' },
  { field: 'endpoint', type: 'nominal', title: 'endpoint' },
  { field: 'instance', type: 'nominal', title: 'instance' },
  { field: 'machine', type: 'nominal', title: 'machine' },
  { field: 'threads', type: 'quantitative', title: 'threads' },
  { field: 'processed', type: 'quantitative', title: 'processed (messages)', format: ',d' },
  { field: 'share', type: 'quantitative', title: 'share', format: '.1%' },
  { field: 'utilisation', type: 'quantitative', title: 'utilisation', format: '.1%' },
  { field: 'queue_length_max', type: 'quantitative', title: 'max queue length (messages)' },
] as const;

/** Height of one bar band, in pixels: fits an 11 px label with room to spare. */
const BAR_STEP = 20;

/**
 * One horizontal bar chart per strategy, stacked vertically, sharing the x scale. A vconcat rather than
 * a row facet: each strategy lists only its own instances (the distributor row exists in one run only),
 * and vega-lite warns about independent y scales in a layered facet.
 */
export function instancesChart(result: ScenarioResult): TopLevelSpec {
  if (result.variants.length > 0) return instancesByVariantChart(result);
  const strategies = strategyOrder(result.runs);
  const rows = result.runs.flatMap((run) => run.instances);
  // Instance names are unique only within their endpoint: name the endpoint too when there are several.
  const endpoints = new Set(rows.map((row) => row.endpoint));
  const label = (row: InstanceRow): string => (endpoints.size > 1 ? `${row.endpoint}/${row.instance}` : row.instance);
  const values = chartValues(rows, [
    'strategy',
    'endpoint',
    'instance',
    'machine',
    'threads',
    'processed',
    'share',
    'utilisation',
    'queue_length_max',
  ]).map((value, i) => ({ ...value, instance_label: label(rows[i]) }));
  const color = strategyColor(strategies);

  return {
    ...chartHeader(result.scenario, {
      what: 'messages processed per instance',
      subtitle: 'all completed messages, warm-up included; hover a bar for utilisation',
    }),
    data: { values },
    spacing: 16,
    vconcat: strategies.map((strategy, i) => ({
      title: { text: strategy, fontSize: 12, anchor: 'start', offset: 6 },
      transform: [{ filter: { field: 'strategy', equal: strategy } }],
      width: CHART_WIDTH - 120,
      height: { step: BAR_STEP },
      encoding: {
        y: { field: 'instance_label', type: 'nominal', title: 'instance', sort: null },
        x: {
          field: 'processed',
          type: 'quantitative',
          title: 'processed (messages)',
          // The scale is shared: label it once, under the last panel, and keep the grid in each.
          axis: i === strategies.length - 1 ? {} : { title: null, labels: false, ticks: false, domain: false },
        },
      },
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            color,
            tooltip: [...INSTANCE_TOOLTIP],
          },
        },
        // The count at the end of each bar, so a share can be read without the axis.
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#333' },
          encoding: { text: { field: 'processed', type: 'quantitative', format: ',d' } },
        },
      ],
    })),
    // One x scale so bar lengths compare across strategies; colours are shared by default.
    resolve: { scale: { x: 'shared' } },
  };
}

/** Height of one instance's group of bars (one bar per strategy) in the per-variant chart. */
const GROUP_BAR_STEP = 12;

/**
 * With variants: one panel per variant, stacked vertically, one group of bars per instance with a bar
 * per strategy. A panel per (variant, strategy) pair would be 16 panels for 4 of each; grouping keeps
 * the strategies of one variant side by side, which is the comparison that matters. Each panel has its
 * own x scale: variants may send very different numbers of messages.
 */
function instancesByVariantChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const rows = result.runs.flatMap((run) => run.instances);
  const endpoints = new Set(rows.map((row) => row.endpoint));
  const label = (row: InstanceRow): string => (endpoints.size > 1 ? `${row.endpoint}/${row.instance}` : row.instance);
  const values = chartValues(rows, [
    'strategy',
    'variant',
    'endpoint',
    'instance',
    'machine',
    'threads',
    'processed',
    'share',
    'utilisation',
    'queue_length_max',
  ]).map((value, i) => ({ ...value, instance_label: label(rows[i]) }));
  const color = strategyColor(strategies);
  const yOffset = { field: 'strategy', type: 'nominal', sort: strategies } as const;

  return {
    ...chartHeader(result.scenario, {
      what: 'messages processed per instance',
      subtitle: ['all completed messages, warm-up included; hover a bar for utilisation', 'one panel per variant'],
    }),
    data: { values },
    spacing: 20,
    vconcat: result.variants.map((variant) => ({
      title: { text: `variant ${variant}`, fontSize: 12, anchor: 'start', offset: 6 },
      transform: [{ filter: { field: 'variant', equal: variant } }],
      width: CHART_WIDTH - 120,
      height: { step: GROUP_BAR_STEP, for: 'offset' },
      encoding: {
        y: { field: 'instance_label', type: 'nominal', title: 'instance', sort: null },
        yOffset,
        x: { field: 'processed', type: 'quantitative', title: 'processed (messages)' },
      },
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            color,
            tooltip: [VARIANT_TOOLTIP, ...INSTANCE_TOOLTIP],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 9, color: '#333' },
          encoding: { text: { field: 'processed', type: 'quantitative', format: ',d' } },
        },
      ],
    })),
    resolve: { scale: { x: 'independent' } },
  };
}
