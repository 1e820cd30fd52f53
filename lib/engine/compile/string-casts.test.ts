/** The value of a string literal the analyzer cast to a number, and Elasticsearch's refusal of one that is none. */
import { describe, expect, it } from 'vitest';
import { castStringConst } from './string-casts';
import { CompileFailure } from './context';

const span = { start: 12, end: 17 };

describe('castStringConst', () => {
  it('reads doubles with Double.parseDouble and whole numbers with parseInt, then the rounded double', () => {
    expect(castStringConst(span, '10.0', 'double')).toBe(10);
    expect(castStringConst(span, ' 1e3 ', 'double')).toBe(1000);
    expect(castStringConst(span, '42', 'integer')).toBe(42n);
    expect(castStringConst(span, '2.5', 'long')).toBe(3n);
  });

  it('refuses text that is no number, overflows or is NaN, naming the literal', () => {
    const message = (text: string, type: 'double' | 'integer' | 'long') => {
      try {
        castStringConst(span, text, type);
      } catch (e) {
        expect(e).toBeInstanceOf(CompileFailure);
        expect((e as CompileFailure).errorKind).toBe('verification');
        return (e as CompileFailure).message;
      }
      return undefined;
    };
    expect(message('ten', 'double')).toBe('Cannot convert string [ten] to [DOUBLE], error [Cannot parse number [ten]]');
    expect(message('1e999', 'double')).toBe('Cannot convert string [1e999] to [DOUBLE], error [Number [1e999] is too large]');
    expect(message('NaN', 'double')).toBe('Cannot convert string [NaN] to [DOUBLE], error [[NaN] cannot be converted to a Double (NaN)]');
    expect(message('3000000000', 'integer')).toBe('Cannot convert string [3000000000] to [INTEGER], error [Cannot parse number [3000000000]]');
  });
});
