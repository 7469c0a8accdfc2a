import { describe, expect, it } from 'vitest';
import {
  endpointsCsv,
  instancesCsv,
  leftoversCsv,
  machinesCsv,
  queueLengthsCsv,
  summaryCsv,
  timeseriesCsv,
  toCsv,
} from '../../sim/reports/index.js';
import { fixtureResult, variantFixtureResult } from './fixture.js';

const runs = fixtureResult().runs;
const variantRuns = variantFixtureResult().runs;

const SUMMARY_HEADER =
  'strategy,variant,kind,seed,sent,completed,queued_at_end,in_flight_at_end,lost,failed,retries,events_missed,measured,throughput_per_s,' +
  'latency_mean_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms,latency_max_ms,wait_mean_ms,wait_p50_ms,' +
  'wait_p95_ms,wait_p99_ms,service_mean_ms,roundtrip_mean_ms,roundtrip_p99_ms,arrival_rate_per_s,' +
  'in_system_mean,littles_law_in_system,utilisation,operations,end_time_s,events,' +
  'theory_model,theory_wait_mean_ms,theory_utilisation,theory_flag\n';

describe('summary.csv', () => {
  it('has the header and one formatted line per strategy, the variant empty when there are none', () => {
    expect(summaryCsv(runs)).toBe(
      SUMMARY_HEADER +
        'distributor,,distributor,42,1000,1000,0,0,0,0,0,0,900,7.98765,204.6,150.25,610,1234.57,2000,4.6,0,20.5,55,200,,,8,1.6368,1.6368,0.8,4000,125.5,12345,M/M/2,355.556,0.8,disagrees\n' +
        'round-robin,,round-robin,42,1000,950,40,8,2,0,0,0,900,12.5,1500.04,300,9000.55,20000,2000,,0,20.5,55,200,,,8,1.6368,1.6368,0.8,4000,125.5,12345,,,0.8,\n',
    );
  });

  it('names the variant of each run, and the failed messages and retries', () => {
    expect(summaryCsv(variantRuns)).toBe(
      SUMMARY_HEADER +
        'distributor,short,distributor,42,1000,1000,0,0,0,0,0,0,900,7.98765,12.5,8,30,45.25,90.5,11.5,0,20.5,44.25,1,,,8,1.6368,1.6368,0.8,4000,125.5,12345,,,0.8,\n' +
        'round-robin,short,round-robin,42,1000,1000,0,0,0,0,0,0,900,7.98765,2.5,2,6,9.05,18.1,1.5,0,20.5,8.05,1,,,8,1.6368,1.6368,0.8,4000,125.5,12345,,,0.8,\n' +
        'distributor,long,distributor,42,1000,1000,0,0,0,0,0,0,900,7.98765,1210,1100,2900,3950,7900,210,0,20.5,2950,1000,,,8,1.6368,1.6368,0.8,4000,125.5,12345,,,0.8,\n' +
        'round-robin,long,round-robin,42,1000,997,0,0,0,3,18,0,900,7.98765,1800,1400,5200,7000,14000,800,0,20.5,6000,1000,,,8,1.6368,1.6368,0.8,4000,125.5,12345,,,0.8,\n',
    );
  });

  it('still has its header with no runs', () => {
    expect(summaryCsv([]).split('\n')).toEqual([expect.stringMatching(/^strategy,variant,kind,seed,sent,/), '']);
  });
});

describe('endpoints.csv', () => {
  it('has one line per endpoint and run, NaN empty and binary noise rounded', () => {
    expect(endpointsCsv(runs)).toBe(
      'strategy,variant,endpoint,completed,failed,throughput_per_s,latency_mean_ms,latency_p99_ms,wait_mean_ms,wait_p99_ms,service_mean_ms\n' +
        'distributor,,Sales,900,0,7.98765,204.6,1234.57,4.6,55,200\n' +
        'round-robin,,Sales,850,0,12.5,1500.04,20000,,55,0.333333\n',
    );
  });

  it('carries the variant and the failed messages', () => {
    expect(endpointsCsv(variantRuns).split('\n').slice(1)).toEqual([
      'distributor,short,Sales,900,0,8,12.5,45.25,11.5,44.25,1',
      'round-robin,short,Sales,900,0,8,2.5,9.05,1.5,8.05,1',
      'distributor,long,Sales,900,0,8,1210,3950,210,2950,1000',
      'round-robin,long,Sales,897,3,8,1800,7000,800,6000,1000',
      '',
    ]);
  });

  it('still has its header with no runs', () => {
    expect(endpointsCsv([])).toBe('strategy,variant,endpoint,completed,failed,throughput_per_s,latency_mean_ms,latency_p99_ms,wait_mean_ms,wait_p99_ms,service_mean_ms\n');
  });
});

describe('machines.csv', () => {
  it('has one line per machine and run, utilisations as fractions', () => {
    expect(machinesCsv(runs)).toBe(
      'strategy,variant,machine,cores,operations,queue_manager_utilisation,cpu_utilisation,outgoing_max\n' +
        'distributor,,m1,2,9000,0.5625,0,3\n' +
        'distributor,,m2,2,1500,0.09375,0,1\n' +
        'round-robin,,m1,2,4950,0.3,0,0\n' +
        'round-robin,,m2,2,900,0.0546875,0.3,12\n',
    );
  });

  it('keeps the runs in order, variants outermost', () => {
    expect(machinesCsv(variantRuns).split('\n').slice(1)).toEqual([
      'distributor,short,m1,2,7000,0.92,0,4',
      'distributor,short,m2,2,1500,0.2,0,0',
      'round-robin,short,m1,2,7000,0.15,0,4',
      'round-robin,short,m2,2,1500,0.14,0,0',
      'distributor,long,m1,2,7000,0.034,0,4',
      'distributor,long,m2,2,1500,0.01,0,0',
      'round-robin,long,m1,2,7000,0.012,0,4',
      'round-robin,long,m2,2,1500,0.011,0,0',
      '',
    ]);
  });

  it('still has its header with no runs', () => {
    expect(machinesCsv([])).toBe('strategy,variant,machine,cores,operations,queue_manager_utilisation,cpu_utilisation,outgoing_max\n');
  });
});

describe('the other CSV files', () => {
  it('instances.csv rounds shares to six significant digits', () => {
    expect(instancesCsv(runs)).toBe(
      'strategy,variant,endpoint,instance,machine,threads,processed,share,utilisation,service_mean_ms,queue_length_mean,queue_length_max,queued_at_end\n' +
        'distributor,,Sales,m1,m1,1,501,0.501,0.79,199.5,0.1,2,0\n' +
        'distributor,,Sales,m2,m2,1,499,0.499,0.81,200.5,0.1,2,0\n' +
        'round-robin,,Sales,m1,m1,1,500,0.526316,0.99,200,12.25,40,40\n' +
        'round-robin,,Sales,m2,m2,1,450,0.473684,0.7,201,0.5,3,0\n',
    );
  });

  it('instances.csv with variants', () => {
    expect(instancesCsv(variantRuns).split('\n').slice(5, 7)).toEqual([
      'distributor,long,Sales,m1,m1,1,520,0.52,0.5,1000,0.5,3,0',
      'distributor,long,Sales,m2,m2,1,480,0.48,0.5,1000,0.5,3,0',
    ]);
  });

  it('timeseries.csv: NaN is empty, binary noise and tiny values are plain decimals', () => {
    expect(timeseriesCsv(runs)).toBe(
      'strategy,variant,time_s,sent,completed,throughput_per_s,latency_mean_ms,in_system,queued\n' +
        'distributor,,1,8,6,6,210.5,2,0\n' +
        'distributor,,2,8,9,9,0.3,1,1\n' +
        'distributor,,3,0,0,0,,1,0\n' +
        'round-robin,,1,8,5,5,250,3,2\n' +
        'round-robin,,2,8,7,7,0.0000001,4,3\n',
    );
  });

  it('queue-lengths.csv keeps the row order of the runs', () => {
    expect(queueLengthsCsv(runs).split('\n').slice(0, 3)).toEqual([
      'strategy,variant,time_s,queue,machine,length',
      'distributor,,1,Sales,m1,0',
      'distributor,,2,Sales,m1,1',
    ]);
    expect(queueLengthsCsv(variantRuns).split('\n')[9]).toBe('distributor,long,100,Sales,m1,1');
  });

  it('leftovers.csv quotes a name with a comma', () => {
    expect(leftoversCsv(runs)).toBe('strategy,variant,queue,machine,messages\nround-robin,,Sales,m1,38\nround-robin,,"web, replies",m1,2\n');
  });

  it('toCsv writes booleans as true/false and infinities as empty', () => {
    const rows = [
      { name: 'a "quoted" one', ok: true, x: Infinity },
      { name: 'b', ok: false, x: -2.5 },
    ];
    expect(toCsv(rows, ['name', 'ok', 'x'])).toBe('name,ok,x\n"a ""quoted"" one",true,\nb,false,-2.5\n');
  });
});
