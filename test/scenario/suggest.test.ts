import { describe, expect, it } from 'vitest';
import { closest, levenshtein, listChoices } from '../../sim/scenario/suggest.js';
import { formatPath } from '../../sim/scenario/problem.js';

describe('suggestions', () => {
  it.each([
    ['', '', 0],
    ['thread', 'threads', 1],
    ['kitten', 'sitting', 3],
    ['abc', '', 3],
  ])('levenshtein(%j, %j) = %d', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });

  it.each([
    ['thread', ['machine', 'threads', 'name'], 'threads'],
    ['distrib', ['distributor', 'round-robin', 'random', 'shared-queue'], 'distributor'],
    ['ROUND-ROBIN', ['distributor', 'round-robin'], 'round-robin'],
    ['workr1', ['client', 'worker1', 'worker2'], 'worker1'],
    ['cpu', ['cores'], undefined],
    ['server', ['client', 'worker1'], undefined],
  ])('closest(%j) is %j', (typed, candidates, expected) => {
    expect(closest(typed, candidates)).toBe(expected);
  });

  it('shortens long lists of choices', () => {
    expect(listChoices(['a', 'b'])).toBe('a, b');
    expect(listChoices(['a', 'b', 'c', 'd'], 2)).toBe('a, b, ... (4 in all)');
  });
});

describe('formatPath', () => {
  it('uses dots for keys, [i] for items, and brackets for awkward keys', () => {
    expect(formatPath(['endpoints', 'Sales', 'instances', 1, 'threads'])).toBe('endpoints.Sales.instances[1].threads');
    expect(formatPath(['machines', 'web.1', 'cores'])).toBe('machines["web.1"].cores');
    expect(formatPath(['handlers', 'Place Order'])).toBe('handlers["Place Order"]');
    expect(formatPath([])).toBe('');
  });
});
