import { describe, expect, it } from 'vitest';
import { Simulator, type EventHandler } from '../../sim/engine/simulator.js';

class Recorder implements EventHandler {
  readonly seen: Array<[number, number, number]> = [];
  constructor(
    private readonly sim: Simulator,
    private readonly onEvent?: (kind: number, a: number) => void,
  ) {}
  handle(kind: number, a: number): void {
    this.seen.push([this.sim.now, kind, a]);
    this.onEvent?.(kind, a);
  }
}

describe('Simulator', () => {
  it('moves the clock to each event and runs same-time events in scheduling order', () => {
    const sim = new Simulator();
    const rec = new Recorder(sim);
    sim.schedule(10, 1, 0, 0);
    sim.schedule(5, 2, 0, 0);
    sim.schedule(10, 3, 0, 0);
    sim.schedule(0, 4, 0, 0);
    expect(sim.run(rec)).toBe(4);
    expect(rec.seen).toEqual([
      [0, 4, 0],
      [5, 2, 0],
      [10, 1, 0],
      [10, 3, 0],
    ]);
    expect(sim.now).toBe(10);
    expect(sim.processed).toBe(4);
  });

  it('an event scheduled for "now" by a handler runs after events already due at that time', () => {
    const sim = new Simulator();
    const rec = new Recorder(sim, (kind) => {
      if (kind === 1) sim.schedule(0, 9, 0, 0);
    });
    sim.schedule(1, 1, 0, 0);
    sim.schedule(1, 2, 0, 0);
    sim.run(rec);
    expect(rec.seen.map((e) => e[1])).toEqual([1, 2, 9]);
  });

  it('run(until) runs events at exactly `until` and leaves later ones pending', () => {
    const sim = new Simulator();
    const rec = new Recorder(sim);
    sim.schedule(5, 1, 0, 0);
    sim.schedule(10, 2, 0, 0);
    sim.schedule(10.000001, 3, 0, 0);
    expect(sim.run(rec, 10)).toBe(2);
    expect(sim.pending).toBe(1);
    expect(sim.peekTime()).toBe(10.000001);
    expect(sim.run(rec)).toBe(1);
    expect(rec.seen.map((e) => e[1])).toEqual([1, 2, 3]);
  });

  it('stop() ends the run after the current event', () => {
    const sim = new Simulator();
    const rec = new Recorder(sim, (kind) => {
      if (kind === 2) sim.stop();
    });
    for (let k = 1; k <= 4; k++) sim.schedule(k, k, 0, 0);
    sim.run(rec);
    expect(rec.seen.map((e) => e[1])).toEqual([1, 2]);
    expect(sim.pending).toBe(2);
  });

  it('rejects negative, NaN and infinite delays and times in the past, naming the value', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(-3, 0, 0, 0)).toThrow('Negative or non-finite delay -3');
    expect(() => sim.schedule(NaN, 0, 0, 0)).toThrow(/NaN/);
    expect(() => sim.schedule(Infinity, 0, 0, 0)).toThrow(/Infinity/);
    sim.schedule(5, 0, 0, 0);
    sim.run(new Recorder(sim));
    expect(() => sim.at(4, 0, 0, 0)).toThrow('Event time 4 is before the clock 5 or not finite');
  });
});
