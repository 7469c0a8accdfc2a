// The CSV column lists. They are the record fields of sim/metrics/results.ts in declaration order
// (test/reports/columns.test.ts reads that file and checks the order). Lists are explicit, rather than
// Object.keys(rows[0]), so a file with zero rows still has its header.
import type {
  EndpointRow,
  FaultRow,
  InstanceRow,
  LeftoverRow,
  MachineRow,
  MessageRow,
  QueueLengthRow,
  SummaryRow,
  TimeseriesRow,
  UtilisationRow,
} from '../../metrics/results.js';

/**
 * Returns the list unchanged; the type makes leaving out a field of T a compile error, so a field
 * added to a record cannot silently miss its CSV column.
 */
function columnsOf<T>() {
  return <const C extends readonly (keyof T)[]>(
    columns: C & ([Exclude<keyof T, C[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, C[number]> }),
  ): readonly (keyof T & string)[] => columns as readonly (keyof T & string)[];
}

export const SUMMARY_COLUMNS = columnsOf<SummaryRow>()([
  'strategy',
  'variant',
  'kind',
  'seed',
  'sent',
  'completed',
  'queued_at_end',
  'in_flight_at_end',
  'lost',
  'failed',
  'retries',
  'events_missed',
  'measured',
  'throughput_per_s',
  'latency_mean_ms',
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  'latency_max_ms',
  'wait_mean_ms',
  'wait_p50_ms',
  'wait_p95_ms',
  'wait_p99_ms',
  'service_mean_ms',
  'roundtrip_mean_ms',
  'roundtrip_p99_ms',
  'arrival_rate_per_s',
  'in_system_mean',
  'littles_law_in_system',
  'utilisation',
  'operations',
  'end_time_s',
  'events',
  'theory_model',
  'theory_wait_mean_ms',
  'theory_utilisation',
  'theory_flag',
]);

export const ENDPOINT_COLUMNS = columnsOf<EndpointRow>()([
  'strategy',
  'variant',
  'endpoint',
  'completed',
  'failed',
  'throughput_per_s',
  'latency_mean_ms',
  'latency_p99_ms',
  'wait_mean_ms',
  'wait_p99_ms',
  'service_mean_ms',
]);

export const MACHINE_COLUMNS = columnsOf<MachineRow>()([
  'strategy',
  'variant',
  'machine',
  'cores',
  'operations',
  'queue_manager_utilisation',
  'cpu_utilisation',
  'outgoing_max',
]);

export const FAULT_COLUMNS = columnsOf<FaultRow>()([
  'strategy',
  'variant',
  'fault',
  'kind',
  'start_s',
  'end_s',
  'pre_fault_backlog',
  'peak_backlog',
  'time_to_recover_s',
  'delayed',
  'extra_latency_mean_ms',
  'stranded',
  'wasted_work_ms',
]);

export const INSTANCE_COLUMNS = columnsOf<InstanceRow>()([
  'strategy',
  'variant',
  'endpoint',
  'instance',
  'machine',
  'threads',
  'processed',
  'share',
  'utilisation',
  'service_mean_ms',
  'queue_length_mean',
  'queue_length_max',
  'queued_at_end',
]);

export const TIMESERIES_COLUMNS = columnsOf<TimeseriesRow>()([
  'strategy',
  'variant',
  'time_s',
  'sent',
  'completed',
  'throughput_per_s',
  'latency_mean_ms',
  'in_system',
  'queued',
]);

export const UTILISATION_COLUMNS = columnsOf<UtilisationRow>()(['strategy', 'variant', 'time_s', 'instance', 'machine', 'utilisation']);

export const QUEUE_LENGTH_COLUMNS = columnsOf<QueueLengthRow>()([
  'strategy',
  'variant',
  'time_s',
  'queue',
  'machine',
  'length',
]);

export const LEFTOVER_COLUMNS = columnsOf<LeftoverRow>()(['strategy', 'variant', 'queue', 'machine', 'messages']);

export const MESSAGE_COLUMNS = columnsOf<MessageRow>()([
  'strategy',
  'variant',
  'id',
  'sender',
  'message',
  'endpoint',
  'instance',
  'warmup',
  'sent_ms',
  'queued_ms',
  'forwarded_ms',
  'delivered_ms',
  'started_ms',
  'completed_ms',
  'latency_ms',
  'wait_ms',
  'service_ms',
  'attempts',
]);
