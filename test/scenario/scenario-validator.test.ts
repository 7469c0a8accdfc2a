// The compiled validator the loader uses is the scenario schema's, as it is today: a change to the
// schema without `npm run validator` fails here, not as wrong messages later.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../sim/scenario/validator-source.js';
import { validate } from '../../sim/scenario/scenario-validator.js';

describe('scenario-validator.ts', () => {
  it('is what the generator writes from the current schema', () => {
    expect(readFileSync('sim/scenario/scenario-validator.ts', 'utf8') === validatorSource(), 'run `npm run validator` and commit sim/scenario/scenario-validator.ts').toBe(true);
  });

  it('validates, with every error and the data and schema around it', () => {
    expect(validate({ name: 'x' })).toBe(false);
    const errors = validate.errors ?? [];
    expect(errors.filter((e: { keyword: string }) => e.keyword === 'required').map((e: { params: { missingProperty: string } }) => e.params.missingProperty)).toEqual(
      expect.arrayContaining(['machines', 'endpoints', 'senders', 'strategies']),
    );
    expect(errors[0]).toHaveProperty('parentSchema');
    expect(errors[0]).toHaveProperty('data');
  });
});
