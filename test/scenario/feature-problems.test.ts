// Bad values for the keys of events, failures, retries, instances, senders and strategies, each
// asserting the exact problem lines a user sees. Line numbers refer to BASE (base-scenario.ts).

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, changed, problemLines } from './base-scenario.js';

const F = 'scenarios/base.yaml';
const FIXTURES = 'test/fixtures/scenarios';

const handler = (extra: string) => changed('{ duration: exponential(200ms) }', `{ duration: exponential(200ms), ${extra} }`);
const instance = (extra: string) => changed('{ machine: worker1, threads: 1 }', `{ machine: worker1, threads: 1, ${extra} }`);
const retries = (value: string) => changed('    instances:\n', `    retries: ${value}\n    instances:\n`);
const strategy = (value: string) => changed('{ kind: distributor, machine: worker1 }', value);
const send = (value: string) => changed('{ message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }', value);

describe('endpoints', () => {
  it('needs subscriptions to be shared or per-instance', () => {
    expect(problemLines(changed('    instances:\n', '    subscriptions: per-instanse\n    instances:\n'))).toEqual([
      `${F}:9:20: endpoints.Sales.subscriptions must be one of shared, per-instance, got "per-instanse" (string); did you mean "per-instance"?`,
    ]);
  });
});

describe('handlers', () => {
  it('needs a published event to be handled by some endpoint', () => {
    expect(problemLines(handler('publish: OrderPlaced'))).toEqual([
      `${F}:8:60: endpoints.Sales.handlers.PlaceOrder.publish no endpoint handles event "OrderPlaced"; handled message types are PlaceOrder`,
    ]);
    expect(problemLines(handler('publish: PlaceOrdr'))).toEqual([
      `${F}:8:60: endpoints.Sales.handlers.PlaceOrder.publish no endpoint handles event "PlaceOrdr"; did you mean "PlaceOrder"?`,
    ]);
    expect(problemLines(handler('publish: ""'))).toEqual([`${F}:8:60: endpoints.Sales.handlers.PlaceOrder.publish must not be empty, got ""`]);
  });

  it('needs cpuBound to be true or false', () => {
    expect(problemLines(handler('cpuBound: yes'))).toEqual([`${F}:8:61: endpoints.Sales.handlers.PlaceOrder.cpuBound must be true or false, got "yes" (string)`]);
  });

  it('needs failureProbability to be a number from 0 to 1', () => {
    expect(problemLines(handler('failureProbability: 1.5'))).toEqual([`${F}:8:71: endpoints.Sales.handlers.PlaceOrder.failureProbability must be <= 1, got 1.5`]);
    expect(problemLines(handler('failureProbability: -0.1'))).toEqual([`${F}:8:71: endpoints.Sales.handlers.PlaceOrder.failureProbability must be >= 0, got -0.1`]);
    expect(problemLines(handler('failureProbability: 5%'))).toEqual([
      `${F}:8:71: endpoints.Sales.handlers.PlaceOrder.failureProbability must be a number from 0 to 1, got "5%" (string)`,
    ]);
  });
});

describe('retries', () => {
  it('needs immediate to be a whole number >= 0', () => {
    expect(problemLines(retries('{ immediate: -1 }'))).toEqual([`${F}:9:27: endpoints.Sales.retries.immediate must be >= 0, got -1`]);
    expect(problemLines(retries('{ immediate: 1.5 }'))).toEqual([`${F}:9:27: endpoints.Sales.retries.immediate must be a non-negative integer, got 1.5 (number)`]);
  });

  it('needs delayed to be a list of durations > 0', () => {
    expect(problemLines(retries('{ delayed: [0s, 5, 1x] }'))).toEqual([
      `${F}:9:26: endpoints.Sales.retries.delayed[0] must be > 0, got "0s"`,
      `${F}:9:30: endpoints.Sales.retries.delayed[1] needs a unit, e.g. 5ms, got 5 (number)`,
      `${F}:9:33: endpoints.Sales.retries.delayed[2] unknown unit "x" in "1x"; use ms, s, m or h`,
    ]);
    expect(problemLines(retries('{ delayed: 10s }'))).toEqual([`${F}:9:25: endpoints.Sales.retries.delayed must be a list, got "10s" (string)`]);
  });

  it('reports an unknown key with a did-you-mean', () => {
    expect(problemLines(retries('{ imediate: 1 }'))).toEqual([`${F}:9:16: endpoints.Sales.retries unknown key "imediate"; did you mean "immediate"?`]);
  });
});

describe('instances', () => {
  it('needs capacity to be a positive integer and speed a number > 0', () => {
    expect(problemLines(instance('capacity: 0, speed: 0'))).toEqual([
      `${F}:10:51: endpoints.Sales.instances[0].capacity must be >= 1, got 0`,
      `${F}:10:61: endpoints.Sales.instances[0].speed must be > 0, got 0`,
    ]);
    expect(problemLines(instance('speed: fast'))).toEqual([`${F}:10:48: endpoints.Sales.instances[0].speed must be a number > 0, got "fast" (string)`]);
  });

  it('needs addedAt >= 0 and removedAt later than addedAt', () => {
    expect(problemLines(instance('addedAt: -1s'))).toEqual([`${F}:10:50: endpoints.Sales.instances[0].addedAt must not be negative, got "-1s"`]);
    expect(problemLines(instance('addedAt: 5m, removedAt: 1m'))).toEqual([
      `${F}:10:65: endpoints.Sales.instances[0].removedAt must be later than addedAt (5m), got "1m"`,
    ]);
    expect(problemLines(instance('addedAt: 5m, removedAt: 300s'))).toEqual([
      `${F}:10:65: endpoints.Sales.instances[0].removedAt must be later than addedAt (5m), got "300s"`,
    ]);
    expect(problemLines(instance('removedAt: 0ms'))).toEqual([
      `${F}:10:52: endpoints.Sales.instances[0].removedAt must be later than addedAt (0ms when not given), got "0ms"`,
    ]);
    expect(problemLines(instance('addedAt: 30'))).toEqual([`${F}:10:50: endpoints.Sales.instances[0].addedAt needs a unit, e.g. 30ms, got 30 (number)`]);
  });
});

describe('senders', () => {
  it('needs refresh to be a duration > 0', () => {
    expect(problemLines(changed('    machine: client\n', '    machine: client\n    refresh: 0s\n'))).toEqual([`${F}:14:14: senders.Sender.refresh must be > 0, got "0s"`]);
  });

  it('needs exactly one of message or publish in a sends entry', () => {
    expect(problemLines(send('{ message: PlaceOrder, publish: PlaceOrder, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:9: senders.Sender.sends[0] must have exactly one of message (a command) or publish (an event), got both`,
    ]);
    expect(problemLines(send('{ to: Sales, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:9: senders.Sender.sends[0] must have exactly one of message (a command) or publish (an event), got neither`,
    ]);
    // A misspelt key is reported once, as unknown.
    expect(problemLines(send('{ mesage: PlaceOrder, to: Sales, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:11: senders.Sender.sends[0] unknown key "mesage"; did you mean "message"?`,
    ]);
  });

  it('needs a destination for a command and none for an event', () => {
    expect(problemLines(send('{ message: PlaceOrder, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:9: senders.Sender.sends[0] is missing required key "to" (the endpoint the command is sent to; for an event, write publish instead of message)`,
    ]);
    expect(problemLines(send('{ publish: PlaceOrder, to: Sales, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:32: senders.Sender.sends[0].to only a command (message) has a destination; an event (publish) goes to every endpoint that handles it, so remove it`,
    ]);
  });

  it('needs a published event to be handled by some endpoint', () => {
    expect(problemLines(send('{ publish: PlaceOrdr, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:20: senders.Sender.sends[0].publish no endpoint handles event "PlaceOrdr"; did you mean "PlaceOrder"?`,
    ]);
    expect(problemLines(send('{ publish: Refund, arrivals: poisson(8/s) }'))).toEqual([
      `${F}:15:20: senders.Sender.sends[0].publish no endpoint handles event "Refund"; handled message types are PlaceOrder`,
    ]);
  });

  it('still needs arrivals', () => {
    expect(problemLines(send('{ publish: PlaceOrder }'))).toEqual([`${F}:15:9: senders.Sender.sends[0] is missing required key "arrivals"`]);
  });
});

describe('strategies', () => {
  it('offers the new kinds', () => {
    expect(problemLines(strategy('{ kind: custm }'))).toEqual([
      `${F}:17:24: strategies.distributor.kind must be one of distributor, round-robin, random, shared-queue, fair, custom, two-choices, broker, got "custm" (string); did you mean "custom"?`,
    ]);
  });

  it('says which kind a key belongs to', () => {
    expect(problemLines(strategy('{ kind: round-robin, ackEvery: 2, module: x.js, options: {}, cpu: 1ms, sessionIds: false }'))).toEqual([
      `${F}:17:37: strategies.distributor.ackEvery only a fair strategy or a two-choices strategy has an ackEvery; remove it (this strategy is round-robin)`,
      `${F}:17:50: strategies.distributor.module only a custom strategy has a module; remove it (this strategy is round-robin)`,
      `${F}:17:64: strategies.distributor.options only a custom strategy has options; remove it (this strategy is round-robin)`,
      `${F}:17:77: strategies.distributor.cpu only a distributor has a cpu cost; remove it (this strategy is round-robin)`,
      `${F}:17:87: strategies.distributor.sessionIds only a distributor has a sessionIds setting; remove it (this strategy is round-robin)`,
    ]);
    expect(problemLines(strategy('{ kind: fair, noWorkerTimeout: 1s, perMessageType: true }'))).toEqual([
      `${F}:17:30: strategies.distributor.noWorkerTimeout only a distributor has a noWorkerTimeout; remove it (this strategy is fair)`,
      `${F}:17:51: strategies.distributor.perMessageType only a distributor has a perMessageType setting; remove it (this strategy is fair)`,
    ]);
  });

  it('checks the distributor settings', () => {
    expect(
      problemLines(strategy('{ kind: distributor, machine: worker1, noWorkerTimeout: 0s, sessionIds: 1, cpu: -1ms, perMessageType: "no" }')),
    ).toEqual([
      `${F}:17:72: strategies.distributor.noWorkerTimeout must be > 0, got "0s"`,
      `${F}:17:88: strategies.distributor.sessionIds must be true or false, got 1 (number)`,
      `${F}:17:96: strategies.distributor.cpu must not be negative, got "-1ms"`,
      `${F}:17:118: strategies.distributor.perMessageType must be true or false, got "no" (string)`,
    ]);
  });

  it('takes senderSide on a distributor only, and not with perMessageType', () => {
    expect(problemLines(strategy('{ kind: round-robin, senderSide: true }'))).toEqual([
      `${F}:17:37: strategies.distributor.senderSide only a distributor has a senderSide setting; remove it (this strategy is round-robin)`,
    ]);
    expect(problemLines(strategy('{ kind: distributor, machine: worker1, senderSide: true, perMessageType: true }'))).toEqual([
      `${F}:17:55: strategies.distributor.senderSide cannot be combined with perMessageType: senders route to the endpoint's instances, and per message type each instance runs one process per type; remove one of them`,
    ]);
  });

  it('needs ackEvery to be a positive integer', () => {
    expect(problemLines(strategy('{ kind: fair, ackEvery: 0 }'))).toEqual([`${F}:17:40: strategies.distributor.ackEvery must be >= 1, got 0`]);
  });

  it('needs a custom strategy to name an existing .js or .mjs module', () => {
    expect(problemLines(strategy('{ kind: custom }'))).toEqual([
      `${F}:17:16: strategies.distributor is missing required key "module" (the .js or .mjs file that picks the instance)`,
    ]);
    expect(problemLines(strategy('{ kind: custom, module: pick.ts, options: [1] }'))).toEqual([
      `${F}:17:40: strategies.distributor.module must be a .js or .mjs file, got "pick.ts"`,
      `${F}:17:58: strategies.distributor.options must be a mapping, got [1] (list)`,
    ]);
  });

  it('says where it looked for a missing module, and suggests a close file name', () => {
    const file = `${FIXTURES}/inline.yaml`;
    const missing = resolve(FIXTURES, 'strategies/pick-frist.js');
    expect(problemLines(strategy('{ kind: custom, module: strategies/pick-frist.js }'), file)).toEqual([
      `${file}:17:40: strategies.distributor.module cannot find module file "strategies/pick-frist.js" (looked in ${missing}); did you mean "strategies/pick-first.js"?`,
    ]);
    const elsewhere = resolve(FIXTURES, 'nowhere/pick.mjs');
    expect(problemLines(strategy('{ kind: custom, module: nowhere/pick.mjs }'), file)).toEqual([
      `${file}:17:40: strategies.distributor.module cannot find module file "nowhere/pick.mjs" (looked in ${elsewhere})`,
    ]);
  });

  it('reports a folder named like a module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-custom-'));
    try {
      mkdirSync(join(dir, 'folder.js'));
      expect(problemLines(strategy('{ kind: custom, module: folder.js }'), join(dir, 's.yaml'))).toEqual([
        `${join(dir, 's.yaml')}:17:40: strategies.distributor.module module file "folder.js" is not a file (looked in ${join(dir, 'folder.js')})`,
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

it('BASE is unchanged by these helpers', () => {
  expect(problemLines(BASE)).toEqual([]);
});
