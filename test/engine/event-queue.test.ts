import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../sim/engine/event-queue.js';
import { createStream } from '../../sim/random/stream.js';

function drain(q: EventQueue): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  while (q.pop()) out.push([q.time, q.kind, q.a, q.b]);
  return out;
}

describe('EventQueue', () => {
  it('pops in time order and carries kind and arguments', () => {
    const q = new EventQueue();
    q.push(5, 1, 10, 11);
    q.push(1, 2, 20, 21);
    q.push(3, 3, 30, 31);
    expect(drain(q)).toEqual([
      [1, 2, 20, 21],
      [3, 3, 30, 31],
      [5, 1, 10, 11],
    ]);
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('breaks ties by scheduling order (first scheduled runs first)', () => {
    const q = new EventQueue();
    for (let i = 0; i < 50; i++) q.push(7, 0, i, 0);
    q.push(2, 0, 99, 0);
    const order = drain(q).map((e) => e[2]);
    expect(order).toEqual([99, ...Array.from({ length: 50 }, (_, i) => i)]);
  });

  it('keeps the tie rule across interleaved pushes and pops', () => {
    const q = new EventQueue();
    q.push(1, 0, 0, 0);
    q.push(1, 0, 1, 0);
    q.pop();
    q.push(1, 0, 2, 0);
    expect(drain(q).map((e) => e[2])).toEqual([1, 2]);
  });

  it('grows past its initial capacity and matches a stable sort on random input', () => {
    const q = new EventQueue(16);
    const rng = createStream(7, 'heap-test');
    const pushed: Array<{ t: number; i: number }> = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 300); // many ties on purpose
      q.push(t, 0, i, 0);
      pushed.push({ t, i });
    }
    expect(q.size).toBe(5000);
    const expected = [...pushed].sort((x, y) => x.t - y.t || x.i - y.i).map((e) => e.i);
    expect(drain(q).map((e) => e[2])).toEqual(expected);
  });
});
