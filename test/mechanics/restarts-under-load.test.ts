// Old-style workers (no session ids) restarted under load: NServiceBus issue 978's leak, step by step.
// "Worker starting" removes the worker's entries that are in storage and adds its capacity, but the
// messages already forwarded to it (in its input queue, or rolled back there by the crash) are each
// answered with a ready message after the restart. With the distributor's data queue never empty,
// every entry of the worker is in use when it crashes, none is in storage to remove: each restart
// adds its capacity to what the worker is given. With session ids the stale share is never used.
import { describe, expect, it } from 'vitest';
import { trace } from './trace-run.js';

const RESTARTS_S = [100, 200, 300];

async function restartedUnderLoad(sessionIds: boolean): Promise<{ settled: number[]; peak: number[] }> {
  const t = await trace(
    `name: restarts-under-load
seed: 1
stop: { duration: 400s }
transport: { operation: 1ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {}, w2: {} }
endpoints:
  Sales:
    handlers: { Work: { duration: constant(10s) } }
    instances: [ { machine: w1, threads: 2 }, { machine: w2, threads: 2 } ]
senders:
  S: { machine: client, sends: [ { message: Work, to: Sales, arrivals: poisson(1/s) } ] }
strategies: { d: { kind: distributor, machine: server, sessionIds: ${sessionIds} } }
timeseries: { interval: 1s }
faults:
${RESTARTS_S.map((s) => `  - { kind: crash, instance: Sales/w1, at: ${s}s, duration: 1s }`).join('\n')}
`,
    [],
  );
  const w1 = t.result.runs[0].queueLengths.filter((q) => q.queue === 'Sales@w1');
  const windows = [0, ...RESTARTS_S, 400];
  const between = (i: number): number[] => w1.filter((q) => q.time_s > windows[i] + 1 && q.time_s < windows[i + 1]).map((q) => q.length);
  // Messages waiting in w1's input queue besides the 2 its threads hold: just before each restart (and
  // at the end), and at most, between one restart and the next.
  return {
    settled: windows.slice(1).map((_, i) => between(i).at(-1) ?? NaN),
    peak: windows.slice(1).map((_, i) => Math.max(...between(i))),
  };
}

describe('an old-style worker restarted while the distributor has a backlog', () => {
  it('without session ids each restart adds its capacity (2) to what w1 is given, for good: 0, 2, 4, 6 waiting', async () => {
    const { settled, peak } = await restartedUnderLoad(false);
    expect(settled).toEqual([0, 2, 4, 6]);
    expect(peak).toEqual([0, 2, 4, 6]);
  });

  it('with session ids a restart gives w1 at most its capacity on top of its old messages, and only until those are processed', async () => {
    const { settled, peak } = await restartedUnderLoad(true);
    expect(settled).toEqual([0, 0, 0, 0]);
    expect(peak).toEqual([0, 2, 2, 2]);
  });
});
