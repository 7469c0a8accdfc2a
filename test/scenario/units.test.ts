import { describe, expect, it } from 'vitest';
import { parseDuration, parsePositiveDuration, parseRate } from '../../sim/scenario/index.js';

describe('parseDuration', () => {
  it.each([
    ['200ms', 200],
    ['0.5ms', 0.5],
    ['0ms', 0],
    ['-0ms', 0],
    ['1s', 1000],
    ['0.7s', 700], // exact, not 700.0000000000001
    ['2m', 120_000],
    ['1.5h', 5_400_000],
    ['.5s', 500],
    ['1e3ms', 1000],
    ['2.5e-1s', 250],
    [' 10 ms ', 10],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['200', 'needs a unit, e.g. 200ms, got "200"'],
    ['5sec', 'unknown unit "sec" in "5sec"; use ms, s, m or h'],
    ['5MS', 'unknown unit "MS" in "5MS"; use ms, s, m or h'],
    ['1h30m', 'unknown unit "h30m" in "1h30m"; use ms, s, m or h'],
    ['-5ms', 'must not be negative, got "-5ms"'],
    ['-1h', 'must not be negative, got "-1h"'],
    ['', 'must be a duration such as 200ms, got ""'],
    ['ms', 'must be a duration such as 200ms, got "ms"'],
    ['fast', 'must be a duration such as 200ms, got "fast"'],
    ['1e999s', 'is too large, got "1e999s"'],
    ['5constructor', 'unknown unit "constructor" in "5constructor"; use ms, s, m or h'],
  ])('%j is rejected: %s', (text, message) => {
    expect(parseDuration(text)).toBe(message);
  });

  it('parsePositiveDuration also rejects zero, and passes other errors through', () => {
    expect(parsePositiveDuration('0s')).toBe('must be > 0, got "0s"');
    expect(parsePositiveDuration('3s')).toBe(3000);
    expect(parsePositiveDuration('-3s')).toBe('must not be negative, got "-3s"');
  });
});

describe('parseRate', () => {
  it.each([
    ['8/s', 8],
    ['120/m', 2],
    ['30/h', 1 / 120],
    ['0.5/s', 0.5],
    ['8 / s', 8],
  ])('%j is %d per second', (text, perSecond) => {
    expect(parseRate(text)).toBeCloseTo(perSecond, 12);
  });

  it.each([
    ['8', 'needs a unit, e.g. 8/s, got "8"'],
    ['8/sec', 'unknown unit "/sec" in "8/sec"; use /s, /m or /h'],
    ['8s', 'unknown unit "s" in "8s"; use /s, /m or /h'],
    ['0/s', 'must be > 0, got "0/s"'],
    ['-2/m', 'must be > 0, got "-2/m"'],
    ['/s', 'must be a rate such as 8/s, got "/s"'],
    ['lots', 'must be a rate such as 8/s, got "lots"'],
    ['8toString', 'unknown unit "toString" in "8toString"; use /s, /m or /h'],
  ])('%j is rejected: %s', (text, message) => {
    expect(parseRate(text)).toBe(message);
  });
});
