// The animation is built from the narrated trace's steps of a real run: under the distributor a work
// message goes sender -> distributor's queue -> distributor -> worker's queue -> worker and ready
// messages go back; under round-robin it goes straight to the worker's queue and nothing goes back.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/metrics/run.js';
import { buildAnimation, type Animation } from '../../sim/playground/animation-model.js';
import { TraceStory } from '../../sim/reports/index.js';
import { loadScenarioFile } from '../../sim/scenario/index.js';

async function animate(strategy: string): Promise<Animation & { steps: number }> {
  const loaded = loadScenarioFile('scenarios/scale-out-sample.yaml');
  if (!loaded.ok) throw new Error('the sample does not load');
  const story = new TraceStory({ messages: 3 });
  const done = Symbol('done');
  try {
    await runScenario(loaded.scenario, { strategies: [strategy], trace: (r) => { story.push(r); if (story.complete) throw done; } });
  } catch (e) {
    if (e !== done) throw e;
  }
  const steps = story.finish();
  return { ...buildAnimation(steps), steps: steps.length };
}

/** The places message `dot` visits, in order. */
function path(a: Animation, dot: string): string[] {
  return a.frames.flatMap((f) => f.moves.filter((m) => m.dot === dot).map((m) => m.to ?? 'gone'));
}

describe('animation of the first messages', () => {
  it('distributor: through the distributor to a worker, ready messages back', async () => {
    const a = await animate('distributor');
    expect(a.frames.length).toBe(a.steps);
    expect(a.layout.columns).toEqual([['client'], ['server'], ['worker1', 'worker2']]);
    expect(path(a, 'PlaceOrder#0')).toEqual(['m:server', 'q:Sales@server', 'p:distributor Sales@server', 'm:worker1', 'q:Sales@worker1', 'p:worker1', 'gone']);
    expect(path(a, 'OrderPlaced#0')).toEqual(['m:client', 'p:Sender', 'gone']);
    const ready = a.frames.flatMap((f) => f.moves.filter((m) => m.kind === 'ready'));
    expect(ready.some((m) => m.from === 'p:worker1' && m.to === 'p:distributor Sales@server')).toBe(true);
    expect(a.layout.links).toContainEqual({ from: 'worker1', to: 'server', kind: 'ready' });
    // While worker1 handles #0 its thread holds it, and the distributor's free slots say so.
    const taking = a.frames.findIndex((f) => f.kind === 'take');
    expect(a.frames[taking].state.busy.worker1).toEqual(['PlaceOrder#0']);
    expect(a.frames.find((f) => f.kind === 'forward')?.state.free['distributor Sales@server']).toEqual(['worker2']);
  });

  it('round-robin: straight from the sender to the worker, no ready messages', async () => {
    const a = await animate('round-robin');
    expect(a.layout.columns).toEqual([['client'], ['worker1', 'worker2']]);
    expect(path(a, 'PlaceOrder#0')).toEqual(['m:worker1', 'q:Sales@worker1', 'p:worker1', 'gone']);
    expect(path(a, 'PlaceOrder#1')).toEqual(['m:worker2', 'q:Sales@worker2', 'p:worker2', 'gone']);
    expect(a.frames.some((f) => f.moves.some((m) => m.kind === 'ready'))).toBe(false);
  });
});
