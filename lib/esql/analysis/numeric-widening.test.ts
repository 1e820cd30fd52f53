import { describe, expect, it } from 'vitest';
import { mixedNumericTarget, widensTo } from './numeric-widening';

describe('mixed numeric arguments (Analyzer.ImplicitCasting)', () => {
  it('widens to the first numeric type when every other one widens to it', () => {
    expect(mixedNumericTarget(['double', 'integer', 'long'])).toBe('double');
    expect(mixedNumericTarget(['null', 'long', 'integer'])).toBe('long');
    expect(mixedNumericTarget(['unsigned_long', 'integer'])).toBe('unsigned_long');
  });

  it('leaves same-typed, narrowing and non-numeric mixes alone', () => {
    expect(mixedNumericTarget(['integer', 'integer'])).toBeUndefined();
    expect(mixedNumericTarget(['integer', 'long'])).toBeUndefined();
    expect(mixedNumericTarget(['long', 'double'])).toBeUndefined();
    expect(mixedNumericTarget(['keyword', 'keyword'])).toBeUndefined();
  });

  it('follows commonType', () => {
    expect(widensTo('integer', 'long')).toBe(true);
    expect(widensTo('unsigned_long', 'double')).toBe(true);
    expect(widensTo('unsigned_long', 'long')).toBe(false);
    expect(widensTo('double', 'long')).toBe(false);
  });
});
