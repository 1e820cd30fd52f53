import { describe, expect, it } from 'vitest';
import { mayHoldBigInteger, parseWithBigIntegers } from './big-integers';

describe('parseWithBigIntegers', () => {
  it('keeps integers past 2^53 exact as bigints, and the rest as JSON.parse gives them', () => {
    const text = '{"u":18446744073709551614,"n":-9223372036854775808,"s":1000000000000000,"d":1.5,"l":[9007199254740993,1]}';
    expect(mayHoldBigInteger(text)).toBe(true);
    expect(parseWithBigIntegers(text)).toEqual({ u: 18446744073709551614n, n: -9223372036854775808n, s: 1000000000000000, d: 1.5, l: [9007199254740993n, 1] });
  });

  it('leaves digits inside strings, fractions and exponents alone', () => {
    const text = '{"k":"18446744073709551614","q":"a\\"18446744073709551614","f":0.12345678901234567890,"e":1e1234567890123456,"x":12345678901234567.5}';
    expect(parseWithBigIntegers(text.replace('1e1234567890123456', '1e12345678901234'))).toEqual(
      JSON.parse(text.replace('1e1234567890123456', '1e12345678901234')),
    );
  });

  it('does not let an escaped NUL forge the marker', () => {
    const text = '{"k":"\\u0000bigint:5","u":18446744073709551614}';
    expect(parseWithBigIntegers(text)).toEqual(JSON.parse(text));
  });

  it('is not asked for short numbers', () => {
    expect(mayHoldBigInteger('{"n":123456789012345}')).toBe(false);
  });
});
