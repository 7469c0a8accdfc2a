import { describe, expect, it } from 'vitest';
import { instancesCsv, leftoversCsv, queueLengthsCsv, summaryCsv, timeseriesCsv, toCsv } from '../../sim/reports/csv.js';
import { fixtureResult } from './fixture.js';

const runs = fixtureResult().runs;

describe('summary.csv', () => {
  it('has the header and one formatted line per strategy', () => {
    expect(summaryCsv(runs)).toBe(
      'strategy,kind,seed,sent,completed,queued_at_end,in_flight_at_end,lost,measured,throughput_per_s,' +
        'latency_mean_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms,latency_max_ms,wait_mean_ms,wait_p50_ms,' +
        'wait_p95_ms,wait_p99_ms,service_mean_ms,roundtrip_mean_ms,roundtrip_p99_ms,arrival_rate_per_s,' +
        'in_system_mean,littles_law_in_system,utilisation,operations,end_time_s,events\n' +
        'distributor,distributor,42,1000,1000,0,0,0,900,7.98765,204.6,150.25,610,1234.57,2000,4.6,0,20.5,55,200,,,8,1.6368,1.6368,0.8,4000,125.5,12345\n' +
        'round-robin,round-robin,42,1000,950,40,8,2,900,12.5,1500.04,300,9000.55,20000,2000,,0,20.5,55,200,,,8,1.6368,1.6368,0.8,4000,125.5,12345\n',
    );
  });

  it('still has its header with no runs', () => {
    expect(summaryCsv([]).split('\n')).toEqual([expect.stringMatching(/^strategy,kind,seed,sent,/), '']);
  });
});

describe('the other CSV files', () => {
  it('instances.csv rounds shares to six significant digits', () => {
    expect(instancesCsv(runs)).toBe(
      'strategy,endpoint,instance,machine,threads,processed,share,utilisation,service_mean_ms,queue_length_mean,queue_length_max,queued_at_end\n' +
        'distributor,Sales,m1,m1,1,501,0.501,0.79,199.5,0.1,2,0\n' +
        'distributor,Sales,m2,m2,1,499,0.499,0.81,200.5,0.1,2,0\n' +
        'round-robin,Sales,m1,m1,1,500,0.526316,0.99,200,12.25,40,40\n' +
        'round-robin,Sales,m2,m2,1,450,0.473684,0.7,201,0.5,3,0\n',
    );
  });

  it('timeseries.csv: NaN is empty, binary noise and tiny values are plain decimals', () => {
    expect(timeseriesCsv(runs)).toBe(
      'strategy,time_s,sent,completed,throughput_per_s,latency_mean_ms,in_system,queued\n' +
        'distributor,1,8,6,6,210.5,2,0\n' +
        'distributor,2,8,9,9,0.3,1,1\n' +
        'distributor,3,0,0,0,,1,0\n' +
        'round-robin,1,8,5,5,250,3,2\n' +
        'round-robin,2,8,7,7,0.0000001,4,3\n',
    );
  });

  it('queue-lengths.csv keeps the row order of the runs', () => {
    expect(queueLengthsCsv(runs).split('\n').slice(0, 3)).toEqual([
      'strategy,time_s,queue,machine,length',
      'distributor,1,Sales,m1,0',
      'distributor,2,Sales,m1,1',
    ]);
  });

  it('leftovers.csv quotes a name with a comma', () => {
    expect(leftoversCsv(runs)).toBe('strategy,queue,machine,messages\nround-robin,Sales,m1,38\nround-robin,"web, replies",m1,2\n');
  });

  it('toCsv writes booleans as true/false and infinities as empty', () => {
    const rows = [
      { name: 'a "quoted" one', ok: true, x: Infinity },
      { name: 'b', ok: false, x: -2.5 },
    ];
    expect(toCsv(rows, ['name', 'ok', 'x'])).toBe('name,ok,x\n"a ""quoted"" one",true,\nb,false,-2.5\n');
  });
});
