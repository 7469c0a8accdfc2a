import { describe, expect, it } from 'vitest';
import { specJson } from '../../sim/reports/charts/spec-json.js';
import { buildCharts } from '../../sim/reports/index.js';
import { sampleResult } from './sample-result.js';

describe('specJson', () => {
  it('writes data rows one per line, unindented, and everything else as JSON.stringify(spec, null, 2) does', () => {
    const spec = { mark: 'line', data: { values: [{ a: 1, b: 'x' }, { a: 2, b: null }] }, encoding: { x: { field: 'a' } }, layer: [{ data: { values: [] } }] };
    expect(specJson(spec)).toBe(
      [
        '{',
        '  "mark": "line",',
        '  "data": {',
        '    "values": [',
        '{"a":1,"b":"x"},',
        '{"a":2,"b":null}',
        '    ]',
        '  },',
        '  "encoding": {',
        '    "x": {',
        '      "field": "a"',
        '    }',
        '  },',
        '  "layer": [',
        '    {',
        '      "data": {',
        '        "values": []',
        '      }',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes the rows of the top-level named data sets one per line too', () => {
    const spec = { datasets: { faults: [{ a: 1 }, { a: 2 }] }, layer: [{ data: { name: 'faults' } }] };
    expect(specJson(spec)).toBe(
      ['{', '  "datasets": {', '    "faults": [', '{"a":1},', '{"a":2}', '    ]', '  },', '  "layer": [', '    {', '      "data": {', '        "name": "faults"', '      }', '    }', '  ]', '}', ''].join('\n'),
    );
    // A "datasets" key elsewhere is no data set: written as JSON.stringify writes it.
    const nested = { layer: [{ datasets: { x: [{ a: 1 }] } }] };
    expect(specJson(nested)).toBe(`${JSON.stringify(nested, null, 2)}\n`);
    expect(JSON.parse(specJson(spec))).toEqual(spec);
  });

  it('reads back as the same spec, for every chart of a run, and a look-alike string stays as it is', () => {
    for (const chart of buildCharts(sampleResult())) expect(JSON.parse(specJson(chart.spec))).toEqual(chart.spec);
    const odd = { title: '@@data-rows-0@@', data: { values: [{ a: 1 }] } };
    expect(JSON.parse(specJson(odd))).toEqual(odd);
  });
});
