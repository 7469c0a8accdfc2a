import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLA_METRICS } from '../../sim/model/scenario-types.js';
import { scenarioJsonSchema } from '../../sim/scenario/index.js';

type Schema = Record<string, unknown>;

/** Every subschema with its JSON-pointer-like location. */
function walk(schema: Schema, at = '#', out: [string, Schema][] = []): [string, Schema][] {
  out.push([at, schema]);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'definitions') {
      for (const [name, sub] of Object.entries(value as Record<string, Schema>)) walk(sub, `${at}/${key}/${name}`, out);
    } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object' && value !== null) {
      walk(value as Schema, `${at}/${key}`, out);
    }
  }
  return out;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();

  it('is draft-07 and compiles with a strict ajv', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => new Ajv({ strict: true }).compile(schema)).not.toThrow();
  });

  it('accepts the full example scenario and rejects a broken one', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const full = parse(readFileSync('test/fixtures/scenarios/full.yaml', 'utf8'));
    expect(validate(full)).toBe(true);
    expect(validate(parse(readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8')))).toBe(true);
    expect(validate(parse(readFileSync('test/fixtures/scenarios/features.yaml', 'utf8')))).toBe(true);
    expect(validate(parse(readFileSync('test/fixtures/scenarios/variants.yaml', 'utf8')))).toBe(true);
    expect(validate(parse(readFileSync('test/fixtures/scenarios/faults.yaml', 'utf8')))).toBe(true);
    expect(validate(parse(readFileSync('test/fixtures/scenarios/arrivals.yaml', 'utf8')))).toBe(true);
    expect(validate(parse(readFileSync('test/fixtures/scenarios/sweep.yaml', 'utf8')))).toBe(true);
    expect(validate({ ...full, machines: ['a'] })).toBe(false);
    expect(validate({ ...full, extra: 1 })).toBe(false);
  });

  it('describes every property, for editor completion and hover help', () => {
    const undocumented = walk(schema)
      .filter(([at, s]) => /\/properties\/[^/]+$/.test(at) && typeof s.description !== 'string')
      .map(([at]) => at);
    expect(undocumented).toEqual([]);
    expect(walk(schema).length).toBeGreaterThan(40);
  });

  it('closes every mapping with fixed keys against unknown keys', () => {
    const open = walk(schema)
      .filter(([, s]) => s.properties !== undefined && s.additionalProperties !== false)
      .map(([at]) => at);
    expect(open).toEqual([]);
  });

  it('avoids oneOf and anyOf, whose errors are noise', () => {
    expect(JSON.stringify(schema)).not.toMatch(/"(oneOf|anyOf)"/);
  });

  it('names the keys of the format', () => {
    const props = schema.properties as Record<string, Schema>;
    expect(Object.keys(props)).toEqual([
      'name',
      'seed',
      'stop',
      'warmup',
      'drain',
      'timeseries',
      'transport',
      'machines',
      'endpoints',
      'senders',
      'strategies',
      'faults',
      'replications',
      'sla',
      'cost',
      'sweep',
      'variants',
    ]);
    expect(schema.required).toEqual(['stop', 'machines', 'endpoints', 'senders', 'strategies']);
    const kind = (((props.strategies.additionalProperties as Schema).properties as Record<string, Schema>).kind) as Schema;
    expect(kind.enum).toEqual(['distributor', 'round-robin', 'random', 'shared-queue', 'fair', 'custom', 'two-choices', 'broker']);
  });

  it('names the keys of a fault and of the transport, with their defaults', () => {
    const props = schema.properties as Record<string, Schema>;
    expect(props.faults.type).toEqual(['array', 'null']);
    expect(props.faults.default).toEqual([]);
    const fault = props.faults.items as Schema;
    const keys = fault.properties as Record<string, Schema>;
    expect(Object.keys(keys)).toEqual([
      'kind',
      'name',
      'at',
      'duration',
      'mttf',
      'mttr',
      'machine',
      'instance',
      'process',
      'machines',
      'factor',
      'lossProbability',
      'switchEvery',
      'careful',
      'moveLeftoversAt',
    ]);
    expect(fault.required).toEqual(['kind']);
    expect(keys.kind.enum).toEqual(['crash', 'slowdown', 'partition', 'duplicate-qmid', 'decommission']);
    expect(keys.process.enum).toEqual(['distributor']);
    expect([keys.lossProbability.default, keys.switchEvery.default, keys.careful.default]).toEqual([0.05, '5m', true]);
    // Every kind is explained where the kind is chosen.
    for (const k of keys.kind.enum as string[]) expect(keys.kind.description).toContain(`${k}: `);
    const transport = (props.transport.properties as Record<string, Schema>).express;
    expect(transport).toEqual({ type: 'boolean', description: expect.any(String), default: false });
  });

  it('documents each variant and its overrides, and leaves custom options open', () => {
    const props = schema.properties as Record<string, Schema>;
    const variant = props.variants.additionalProperties as Schema;
    expect(typeof variant.description).toBe('string');
    expect(typeof (variant.additionalProperties as Schema).description).toBe('string');
    const strategy = (props.strategies.additionalProperties as Schema).properties as Record<string, Schema>;
    expect(strategy.options).toEqual({ type: 'object', description: expect.any(String) });
  });

  it('describes replications, the SLA metrics, and the sweep with its values as a list or a range', () => {
    const props = schema.properties as Record<string, Schema>;
    expect(props.replications).toEqual({ type: 'integer', minimum: 1, maximum: 1000, $comment: expect.any(String), description: expect.any(String), default: 1 });
    const sla = props.sla.properties as Record<string, Schema>;
    expect(Object.keys(sla)).toEqual([...SLA_METRICS]);
    for (const metric of Object.values(sla)) expect(metric).toEqual({ $ref: '#/definitions/duration', description: expect.any(String) });
    expect(props.sla.additionalProperties).toBe(false);
    expect(props.sweep.type).toEqual(['object', 'null']);
    for (const path of ['.instances.count', '.arrivals.rate', '.duration.mean']) expect(props.sweep.description).toContain(path);
    expect((props.sweep.additionalProperties as Schema).$ref).toBe('#/definitions/sweepValues');
    const values = (schema.definitions as Record<string, Schema>).sweepValues;
    expect(values.if).toEqual({ type: 'array' });
    const range = values.else as Schema;
    expect(Object.keys(range.properties as object)).toEqual(['from', 'to', 'step']);
    for (const key of Object.values(range.properties as Record<string, Schema>)) expect(typeof key.description).toBe('string');
    expect([range.required, range.additionalProperties]).toEqual([['from', 'to'], false]);
    const arrivals = (schema.definitions as Record<string, Schema>).arrivals;
    for (const kind of ['poisson(', 'constant(', 'piecewise(', 'daily(', 'bursts(', 'trace(']) expect(arrivals.description).toContain(kind);
  });

  it('returns a fresh copy each time', () => {
    const a = scenarioJsonSchema();
    a.title = 'changed';
    expect(scenarioJsonSchema().title).toBe('sim scenario');
  });
});
