// What one run produces: flat records whose field names are the CSV column names.
// Reports (sim/reports/) turn these into CSV, Vega-Lite and SVG; nothing here knows about files.
import type { Scenario, StrategyKind } from '../model/scenario-types.js';
import type { CostSpec } from '../scenario/build-cost.js';

/** One row of summary.csv: one strategy run. Times in ms unless the name says otherwise. */
export interface SummaryRow {
  strategy: string;
  /** The scenario variant ('' when the scenario has none). */
  variant: string;
  kind: StrategyKind;
  seed: number;
  // The ledger: sent = completed + queued_at_end + in_flight_at_end + lost + failed.
  sent: number;
  completed: number;
  queued_at_end: number;
  in_flight_at_end: number;
  lost: number;
  /** Moved to the error queue after every retry failed. */
  failed: number;
  /** Handler attempts that failed and were retried (immediate and delayed). */
  retries: number;
  /** Event copies never sent (outside the ledger's sent): the publisher had no subscription of that endpoint stored yet. */
  events_missed: number;
  /** Messages counted in the statistics (sent after the warm-up and completed). */
  measured: number;
  /** Completions of measured messages per second over the measurement window. */
  throughput_per_s: number;
  latency_mean_ms: number;
  latency_p50_ms: number;
  latency_p95_ms: number;
  latency_p99_ms: number;
  latency_max_ms: number;
  wait_mean_ms: number;
  wait_p50_ms: number;
  wait_p95_ms: number;
  wait_p99_ms: number;
  /** Mean handler processing time of measured messages. */
  service_mean_ms: number;
  /** Sender round trip (send to reply received), NaN when no handler replies. */
  roundtrip_mean_ms: number;
  roundtrip_p99_ms: number;
  /** Arrival rate of measured messages over the sending window. */
  arrival_rate_per_s: number;
  /** Time-average number of messages sent but not completed, over the sending window after warm-up. */
  in_system_mean: number;
  /** Little's law prediction of in_system_mean: arrival_rate_per_s * latency_mean_ms / 1000. */
  littles_law_in_system: number;
  /** Busy handler threads / all handler threads, time-averaged over the run. */
  utilisation: number;
  /** Transport operations performed (sends, receives, accepts) on all machines. */
  operations: number;
  /** Simulated time when the run ended (s). */
  end_time_s: number;
  /** Events the engine processed. */
  events: number;
  /** The closed form this run's setup fits ('' when none does), and its prediction of wait_mean_ms. */
  theory_model: string;
  theory_wait_mean_ms: number;
  /** Offered load / handler threads: arrival rate x mean service time / threads. */
  theory_utilisation: number;
  /** 'disagrees' when the simulated mean wait is off the prediction by more than 25% (and 5 ms). */
  theory_flag: string;
}

/** One row of instances.csv: one endpoint instance in one strategy run. */
export interface InstanceRow {
  strategy: string;
  variant: string;
  endpoint: string;
  instance: string;
  machine: string;
  threads: number;
  /** Messages this instance's handlers completed (all, including warm-up). */
  processed: number;
  /** Share of all completed messages of this endpoint. */
  share: number;
  /** Time-average busy threads / threads. */
  utilisation: number;
  /** Mean handler processing time here. */
  service_mean_ms: number;
  /** Input queue: time-average and maximum length, and what was left in it at the end. */
  queue_length_mean: number;
  queue_length_max: number;
  queued_at_end: number;
}

/** One row of timeseries.csv: one time bucket of one strategy run. */
export interface TimeseriesRow {
  strategy: string;
  variant: string;
  /** End of the bucket, seconds. */
  time_s: number;
  sent: number;
  completed: number;
  throughput_per_s: number;
  /** Mean latency of messages completed in this bucket, NaN when none. */
  latency_mean_ms: number;
  /** Messages sent but not completed, at the end of the bucket. */
  in_system: number;
  /** Work messages waiting in any queue or outgoing queue at the end of the bucket. */
  queued: number;
}

/** One row of utilisation.csv: how busy one instance's handler threads were during one time bucket. */
export interface UtilisationRow {
  strategy: string;
  variant: string;
  /** End of the bucket, seconds. */
  time_s: number;
  instance: string;
  machine: string;
  /** Busy thread time / (threads x bucket width), 0 to 1. */
  utilisation: number;
}

/** One row of queue-lengths.csv: the length of one queue at the end of one bucket. */
export interface QueueLengthRow {
  strategy: string;
  variant: string;
  time_s: number;
  queue: string;
  machine: string;
  length: number;
}

/** One row of messages.csv (--messages-csv): every hop of one work message. NaN = did not happen. */
export interface MessageRow {
  strategy: string;
  variant: string;
  id: number;
  sender: string;
  message: string;
  endpoint: string;
  instance: string;
  warmup: boolean;
  /** The sender's send call. */
  sent_ms: number;
  /** Stored in the first destination queue (the distributor's data queue, or an instance's input queue). */
  queued_ms: number;
  /** The distributor's forward committed (NaN when not via a distributor). */
  forwarded_ms: number;
  /** Stored in the worker's input queue. */
  delivered_ms: number;
  /** A handler thread received it and started processing. */
  started_ms: number;
  /** The handler's transaction committed. */
  completed_ms: number;
  latency_ms: number;
  wait_ms: number;
  service_ms: number;
  /** Handler attempts, 1 when it succeeded the first time. */
  attempts: number;
}

/** One row of endpoints.csv: one logical endpoint in one strategy run (measured messages only). */
export interface EndpointRow {
  strategy: string;
  variant: string;
  endpoint: string;
  completed: number;
  failed: number;
  throughput_per_s: number;
  latency_mean_ms: number;
  latency_p99_ms: number;
  wait_mean_ms: number;
  wait_p99_ms: number;
  service_mean_ms: number;
}

/** One row of machines.csv: one machine in one strategy run. */
export interface MachineRow {
  strategy: string;
  variant: string;
  machine: string;
  cores: number;
  /** MSMQ operations its queue manager performed. */
  operations: number;
  /** Share of the measurement window its queue manager was busy. */
  queue_manager_utilisation: number;
  /** Busy cores / cores over the measurement window (CPU-bound work only). */
  cpu_utilisation: number;
  /** Largest number of messages waiting in its outgoing queues at once. */
  outgoing_max: number;
}

/**
 * One row of faults.csv: one occurrence of a fault in one strategy run, and its impact. Backlog is
 * the number of messages sent but not completed (timeseries in_system).
 */
export interface FaultRow {
  strategy: string;
  variant: string;
  fault: string;
  kind: string;
  start_s: number;
  /** NaN when it lasted to the end of the run. */
  end_s: number;
  /** Mean backlog over the ten buckets before it started. */
  pre_fault_backlog: number;
  peak_backlog: number;
  /** From its end until the backlog is back within 10% (+1) of its pre-fault level; NaN if never. */
  time_to_recover_s: number;
  /** Messages completed from its start until recovery: the ones it delayed. */
  delayed: number;
  /** Their mean latency minus the mean latency before the fault. */
  extra_latency_mean_ms: number;
  /** Most messages held at once where it struck: outgoing queues to (or between) its machines, the queues of its machine or instance, the distributor's data queue. */
  stranded: number;
  /** Processing time lost by handlers it interrupted. */
  wasted_work_ms: number;
}

/** A point of the latency distribution, for CDF charts. */
export interface CdfPoint {
  strategy: string;
  variant: string;
  /** 0 to 100. */
  percentile: number;
  latency_ms: number;
}

/** Where messages were at the end, per queue, when any were left (for the ledger report). */
export interface LeftoverRow {
  strategy: string;
  variant: string;
  queue: string;
  machine: string;
  messages: number;
}

export interface RunResult {
  summary: SummaryRow;
  endpoints: EndpointRow[];
  machines: MachineRow[];
  faults: FaultRow[];
  instances: InstanceRow[];
  timeseries: TimeseriesRow[];
  queueLengths: QueueLengthRow[];
  utilisation: UtilisationRow[];
  cdf: CdfPoint[];
  leftovers: LeftoverRow[];
  /** Set when sending stopped short of the stop rule because nothing could send any more. */
  stopReason?: string;
}

/** Receives one row per completed work message when --messages-csv is asked for (streamed, not kept). */
export interface MessageSink {
  write(row: MessageRow): void;
}

/** One run of a sweep: a grid point, a replication (its seed) and a strategy. */
export interface SweepRun {
  point: number;
  replication: number;
  seed: number;
  /** The point's parameter values, in parameter order. */
  values: number[];
  run: RunResult;
}

/** Mean and 95% confidence half-width of one summary metric over a point's replications. */
export interface Estimate {
  mean: number;
  /** Half-width of the 95% confidence interval (Student t); NaN with one replication. */
  ci95: number;
}

/** One row of sweep-summary.csv: a grid point and strategy, every metric over its replications. */
export interface AggregateRow {
  point: number;
  strategy: string;
  values: number[];
  replications: number;
  /** Keyed by SummaryRow column name (numeric columns only). */
  metrics: Record<string, Estimate>;
}

/** One row of plan.csv: the answer to the SLA for one strategy. */
export interface PlanRow {
  strategy: string;
  /** e.g. latency_p99 <= 2000 ms */
  sla: string;
  /** The swept parameter the answer is about (the first one), and the value per other parameter when there are several. */
  parameter: string;
  context: string;
  /** The smallest value of `parameter` whose upper 95% bound meets the SLA; NaN when none does. */
  answer: number;
  /** The metric there: mean and upper 95% bound (ms), and the margin to the limit (limit - upper). */
  metric_mean_ms: number;
  metric_upper_ms: number;
  margin_ms: number;
  /** With a `cost:` block: the price of the configuration answered (NaN when none meets the SLA), and "yes" on the cheapest row meeting it. */
  cost?: number;
  cheapest?: string;
}

export interface SweepResult {
  scenario: Scenario;
  /** Parameter paths, in order: the first columns of sweep.csv. */
  parameters: string[];
  runs: SweepRun[];
  aggregates: AggregateRow[];
  plan: PlanRow[];
  /** The scenario's `cost:` block, when it has one (the plan's rows are then priced). */
  cost?: CostSpec;
}

export interface ScenarioResult {
  scenario: Scenario;
  /** Variant names in scenario order; empty when the scenario has none. */
  variants: string[];
  /** One run per variant and strategy, variants outermost. */
  runs: RunResult[];
}
