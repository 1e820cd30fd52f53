import { describe, expect, it } from 'vitest';
import type { Expression } from '../ast';
import { isStringLiteral, numericStringTarget } from './string-casting';

const span = { start: 0, end: 4 };

describe('string literal casting to numbers (Analyzer.ImplicitCasting)', () => {
  it('picks the first of double, long, integer a parameter declares', () => {
    expect(numericStringTarget(['integer', 'long', 'double', 'unsigned_long'])).toBe('double');
    expect(numericStringTarget(['integer', 'long', 'unsigned_long'])).toBe('long');
    expect(numericStringTarget(['integer'])).toBe('integer');
  });

  it('never casts for a parameter that takes strings, or whose first choice is no number', () => {
    expect(numericStringTarget(['keyword', 'text', 'integer'])).toBeUndefined();
    // A date comes first in Elasticsearch's order: BUCKET's field is a date, not a double.
    expect(numericStringTarget(['date', 'date_nanos', 'double'])).toBeUndefined();
    expect(numericStringTarget(['ip'])).toBeUndefined();
    expect(numericStringTarget(['unsigned_long'])).toBeUndefined();
  });

  it('casts literals and request parameters only', () => {
    const literal: Expression = { kind: 'literal', span, value: { type: 'string', value: '10' } };
    expect(isStringLiteral(literal, 'keyword')).toBe(true);
    expect(isStringLiteral(literal, 'integer')).toBe(false);
    const column: Expression = { kind: 'column', span, name: 's' };
    expect(isStringLiteral(column, 'keyword')).toBe(false);
  });
});
