import { describe, expect, it } from 'vitest';
import { formatPath, type Segment } from '../../sim/scenario/problem.js';
import { parsePath } from '../../sim/scenario/variant-path.js';

const HOW = 'write dots between keys, [0] for a list item and [*] for every item, e.g. endpoints.Sales.instances[0].threads, and quote a key with dots or spaces: machines["web.1"]';

describe('parsePath', () => {
  it.each<[string, Segment[]]>([
    ['seed', ['seed']],
    ['endpoints.Sales.handlers.PlaceOrder.duration', ['endpoints', 'Sales', 'handlers', 'PlaceOrder', 'duration']],
    ['senders.Sender.sends[0].arrivals', ['senders', 'Sender', 'sends', 0, 'arrivals']],
    ['machines["web.1"].cores', ['machines', 'web.1', 'cores']],
    ['["a b"]', ['a b']],
    ['handlers["say \\"hi\\""]', ['handlers', 'say "hi"']],
    ['a[10][2]', ['a', 10, 2]],
    // A key that looks like a number is still a key after a dot: a machine may be called "1".
    ['machines.1.cores', ['machines', '1', 'cores']],
    ['machines["1"]', ['machines', '1']],
  ])('%j', (text, path) => {
    expect(parsePath(text)).toEqual(path);
  });

  it('reads back every path that problems print', () => {
    const paths: Segment[][] = [
      ['endpoints', 'Sales', 'instances', 1, 'threads'],
      ['machines', 'web.1', 'cores'],
      ['handlers', 'Place Order'],
      ['a[b]', 'c'],
      ['', 0],
      ['x', 'quote"d'],
    ];
    for (const path of paths) expect(parsePath(formatPath(path))).toEqual(path);
  });

  it.each([
    ['', 'it is empty'],
    ['a..b', 'expected a key at character 3, got "."'],
    ['.a', 'expected a key at character 1, got "."'],
    ['a.', 'it ends with "."'],
    ['a b', 'expected "." or "[" before " " at character 2'],
    ['a[0]b', 'expected "." or "[" before "b" at character 5'],
    ['a[x]', '"[" at character 2 starts neither a list item such as [0] or [*] nor a quoted key such as ["web.1"]'],
    ['a[-1]', '"[" at character 2 starts neither a list item such as [0] or [*] nor a quoted key such as ["web.1"]'],
    ['a["\\q"]', '"[" at character 2 starts a quoted key that is not a valid JSON string'],
  ])('%j is rejected', (text, detail) => {
    expect(parsePath(text)).toBe(`is not a valid path: ${detail}; ${HOW}`);
  });
});
