import { describe, expect, it } from 'vitest';
import { formatFixed, formatNumber, roundSignificant } from '../../sim/reports/index.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [-7, '-7'],
    [123456789, '123456789'],
    [1e21, '1000000000000000000000'],
    [204.60000000000002, '204.6'],
    [0.1 + 0.2, '0.3'],
    [7.987654321, '7.98765'],
    [1234.5678, '1234.57'],
    [1234567.89, '1234570'],
    [-0.000123456789, '-0.000123457'],
    [1e-7, '0.0000001'],
    [1.23456789e-9, '0.00000000123457'],
    [0.5, '0.5'],
  ])('%s -> %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('writes NaN and infinities as empty cells', () => {
    expect([NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['', '', '']);
  });
});

describe('roundSignificant', () => {
  it('keeps six significant digits and leaves integers and NaN alone', () => {
    expect(roundSignificant(3.14159265)).toBe(3.14159);
    expect(roundSignificant(98765432)).toBe(98765432);
    expect(roundSignificant(NaN)).toBeNaN();
  });
});

describe('formatFixed', () => {
  it('rounds to the given decimals and drops trailing zeros', () => {
    expect(formatFixed(3_600_000.1234567, 3)).toBe('3600000.123');
    expect(formatFixed(12.5, 3)).toBe('12.5');
    expect(formatFixed(0.1 + 0.2, 3)).toBe('0.3');
    expect(formatFixed(1.0004, 3)).toBe('1');
    expect(formatFixed(-0.0001, 3)).toBe('0');
    expect(formatFixed(NaN, 3)).toBe('');
  });
});
