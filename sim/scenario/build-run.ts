// The run's rules: when sending stops (stop), what is left out of statistics (warmup), how long work
// may drain (drain), time-series bucket width (timeseries), the transport's costs and durability
// (transport), how many times each run is repeated (replications) and the service level it answers
// (sla).

import { SLA_METRICS, type SlaSpec, type StopRule, type TransportSpec, type WarmupRule } from '../model/scenario-types.js';
import { type BuildContext, type Data, booleanAt, durationAt, entries, integerAt, isData, optional, problemAt } from './build-context.js';

export const DEFAULT_DRAIN_MS = 3_600_000;
export const DEFAULT_TRANSPORT: TransportSpec = { operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false };
export const DEFAULT_WARMUP: WarmupRule = { messages: 0 };
export const DEFAULT_REPLICATIONS = 1;

/** `{ messages: N }` or `{ duration: D }`, exactly one. */
function countOrDuration(ctx: BuildContext, key: 'stop' | 'warmup', value: unknown): StopRule | undefined {
  if (!isData(value)) return undefined;
  const hasMessages = Object.hasOwn(value, 'messages');
  const hasDuration = Object.hasOwn(value, 'duration');
  if (hasMessages && hasDuration) {
    problemAt(ctx, [key], 'must have exactly one of messages or duration, got both');
    return undefined;
  }
  if (!hasMessages && !hasDuration) {
    // With other keys present, the unknown-key problem already says what is wrong.
    if (Object.keys(value).length === 0) problemAt(ctx, [key], 'must have exactly one of messages or duration, got neither');
    return undefined;
  }
  if (hasMessages) {
    const messages = integerAt(value.messages, key === 'stop' ? 1 : 0);
    return messages === undefined ? undefined : { messages };
  }
  // A stop time must be > 0; a warmup of 0ms is a legitimate "no warmup".
  const durationMs = durationAt(ctx, value.duration, [key, 'duration'], key === 'stop');
  return durationMs === undefined ? undefined : { durationMs };
}

export interface RunRules {
  readonly stop: StopRule | undefined;
  readonly warmup: WarmupRule;
  readonly drainMs: number;
  readonly sampleIntervalMs: number | undefined;
  readonly transport: TransportSpec;
  readonly replications: number;
  /** Absent when not given (or given wrongly, which is reported). */
  readonly sla: SlaSpec | undefined;
}

export function buildRunRules(ctx: BuildContext, data: Data): RunRules {
  const stop = countOrDuration(ctx, 'stop', data.stop);
  const warmup = Object.hasOwn(data, 'warmup') ? countOrDuration(ctx, 'warmup', data.warmup) : DEFAULT_WARMUP;
  if (stop && warmup) checkWarmupLeavesSomething(ctx, stop, warmup, data);

  const drainMs = Object.hasOwn(data, 'drain') ? durationAt(ctx, data.drain, ['drain'], true) : DEFAULT_DRAIN_MS;
  const timeseries = data.timeseries;
  const sampleIntervalMs = isData(timeseries) ? durationAt(ctx, timeseries.interval, ['timeseries', 'interval'], true) : undefined;

  const t = isData(data.transport) ? data.transport : {};
  const operationMs = Object.hasOwn(t, 'operation') ? durationAt(ctx, t.operation, ['transport', 'operation'], false) : DEFAULT_TRANSPORT.operationMs;
  const networkMs = Object.hasOwn(t, 'network') ? durationAt(ctx, t.network, ['transport', 'network'], false) : DEFAULT_TRANSPORT.networkMs;
  const commitMs = Object.hasOwn(t, 'commit') ? durationAt(ctx, t.commit, ['transport', 'commit'], false) : DEFAULT_TRANSPORT.commitMs;
  const express = optional(t, 'express', booleanAt, DEFAULT_TRANSPORT.express);
  const accept = optional(t, 'accept', (v) => (v === 'session' || v === 'local-first' ? v : undefined), DEFAULT_TRANSPORT.accept);
  const window = optional(t, 'window', (v) => integerAt(v, 1), DEFAULT_TRANSPORT.window);
  const replications = optional(data, 'replications', (v) => integerAt(v, 1), DEFAULT_REPLICATIONS);

  return {
    stop,
    warmup: warmup ?? DEFAULT_WARMUP,
    // NaN only stands in where a problem was reported; such a scenario is never returned.
    drainMs: drainMs ?? NaN,
    sampleIntervalMs,
    transport: { operationMs: operationMs ?? NaN, networkMs: networkMs ?? NaN, commitMs: commitMs ?? NaN, accept: accept ?? DEFAULT_TRANSPORT.accept, window: window ?? NaN, express: express ?? DEFAULT_TRANSPORT.express },
    replications: replications ?? NaN,
    sla: Object.hasOwn(data, 'sla') ? buildSla(ctx, data.sla) : undefined,
  };
}

/** `sla: { latency_p99: 2s }`: exactly one metric (unknown ones are the schema's), with a limit > 0. */
function buildSla(ctx: BuildContext, value: unknown): SlaSpec | undefined {
  // Not a mapping: the schema reports it.
  if (!isData(value)) return undefined;
  const metrics = entries(ctx, value, ['sla']).flatMap(([key, limit]) => {
    const metric = SLA_METRICS.find((m) => m === key);
    return metric === undefined ? [] : [{ metric, limit }];
  });
  if (metrics.length !== 1) {
    // With only unknown keys, the unknown-key problem already says what is wrong.
    if (metrics.length === 0 && Object.keys(value).length > 0) return undefined;
    const got = metrics.length === 0 ? 'an empty mapping' : `${metrics.length}: ${metrics.map((m) => m.metric).join(', ')}`;
    problemAt(ctx, ['sla'], `must bound exactly one metric, e.g. { latency_p99: 2s }, got ${got}`);
    return undefined;
  }
  const [{ metric, limit }] = metrics;
  const limitMs = durationAt(ctx, limit, ['sla', metric], true);
  return limitMs === undefined ? undefined : { metric, limitMs };
}

/** A warmup as long as the run would leave nothing to measure. Mixed kinds cannot be compared here. */
function checkWarmupLeavesSomething(ctx: BuildContext, stop: StopRule, warmup: WarmupRule, data: Data): void {
  if (stop.messages !== undefined && warmup.messages !== undefined && warmup.messages >= stop.messages) {
    problemAt(
      ctx,
      ['warmup', 'messages'],
      `must be less than stop.messages (${stop.messages}) so that some messages are measured, got ${warmup.messages}`,
    );
  }
  if (stop.durationMs !== undefined && warmup.durationMs !== undefined && warmup.durationMs >= stop.durationMs) {
    // Both durations as written: "1h" reads better than 3600000.
    const stopText = isData(data.stop) ? String(data.stop.duration) : '';
    const warmupText = isData(data.warmup) ? String(data.warmup.duration) : '';
    problemAt(
      ctx,
      ['warmup', 'duration'],
      `must be shorter than stop.duration (${stopText}) so that some messages are measured, got ${JSON.stringify(warmupText)}`,
    );
  }
}
