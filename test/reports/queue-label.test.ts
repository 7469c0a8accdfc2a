// The queue-lengths chart's kinds: a distributor's data queue is known by its name, so a worker's
// input queue on the distributor's machine stays an input queue, named or not.
import { describe, expect, it } from 'vitest';
import { distributorDataQueues, kindLabel, queueKind } from '../../sim/reports/format/queue-label.js';

const endpoints = [{ name: 'Sales', handlers: [{ message: 'PlaceOrder' }] }];
const data = distributorDataQueues('server', endpoints);

describe('queue kinds', () => {
  it('tells the data queue from the queues of workers beside it', () => {
    expect(queueKind('Sales@server', data)).toBe('distributor data');
    expect(queueKind('PlaceOrder.Sales@server', data)).toBe('distributor data');
    expect(queueKind('Sales.worker@server', data)).toBe('input');
    expect(queueKind('Sales.on-server@server', data)).toBe('input');
    expect(queueKind('Sales@worker1', data)).toBe('input');
    expect(queueKind('Sales.distributor.storage@server', data)).toBe('distributor storage');
    expect(queueKind('Sales.distributor.control@server', data)).toBe('distributor control');
    expect(queueKind('outgoing client -> server', data)).toBe('outgoing');
  });

  it('without a distributor every endpoint queue is an input queue', () => {
    expect(queueKind('Sales@server', new Set())).toBe('input');
    expect(kindLabel('input', 'Sales.worker@server', 'server')).toBe('input: Sales.worker@server');
  });
});
