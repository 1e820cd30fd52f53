import { describe, expect, it } from 'vitest';
import { javaRound, numberRefusal, parseJavaDouble, parseJavaRadix, parseJavaWhole } from './java-numbers';

describe('parseJavaDouble (Double.parseDouble)', () => {
  it.each([
    ['5.20128E11', 5.20128e11],
    [' 12 ', 12],
    ['1.', 1],
    ['.5', 0.5],
    ['-2.5e-3', -0.0025],
    ['7d', 7],
    ['1.5F', 1.5],
    ['0x1p3', 8],
    ['0x1.8p1', 3],
  ])('reads %j', (text, value) => {
    expect(parseJavaDouble(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['foo', 'For input string: "foo"'],
    ['1_000', 'For input string: "1_000"'],
    ['0x1F', 'For input string: "0x1F"'],
    [' 1e ', 'For input string: "1e"'],
    ['', 'empty String'],
    ['  ', 'empty String'],
  ])('refuses %j', (text, message) => {
    expect(parseJavaDouble(text)).toEqual({ ok: false, message });
  });
});

describe('javaRound (Math.round)', () => {
  it.each([
    [2.5, 3n],
    [-2.5, -2n],
    [0.49999999999999994, 0n],
    [-0.5, 0n],
    [2 ** 63, 9223372036854775807n],
    [-(2 ** 63), -9223372036854775808n],
    [Number.NaN, 0n],
  ])('rounds %d', (x, want) => {
    expect(javaRound(x)).toBe(want);
  });
});

describe('parseJavaWhole (TO_INTEGER / TO_LONG of text)', () => {
  it('reads whole numbers exactly and falls back to a rounded double', () => {
    expect(parseJavaWhole('9223372036854775807', 'long')).toBe(9223372036854775807n);
    expect(parseJavaWhole('2147483647.2', 'integer')).toBe(2147483647n);
    expect(parseJavaWhole('+12', 'integer')).toBe(12n);
    expect(parseJavaWhole('-2147483648', 'integer')).toBe(-2147483648n);
    expect(parseJavaWhole(' 12 ', 'integer')).toBe(12n);
    expect(parseJavaWhole('1e3', 'long')).toBe(1000n);
    // Character.digit reads any Unicode decimal digit; Double.parseDouble does not.
    expect(parseJavaWhole('٣٤', 'integer')).toBe(34n);
    expect(parseJavaWhole('１２', 'long')).toBe(12n);
  });

  it('refuses what neither parser reads or what is out of range', () => {
    expect(parseJavaWhole('2147483648', 'integer')).toBeNull();
    expect(parseJavaWhole('1e19', 'long')).toBeNull();
    expect(parseJavaWhole('foo', 'long')).toBeNull();
    expect(parseJavaWhole('0x1F', 'integer')).toBeNull();
    expect(parseJavaWhole('-', 'integer')).toBeNull();
  });

  it('words the refusal as the first parser does', () => {
    expect(numberRefusal('2147483648', 'integer')).toBe('java.lang.NumberFormatException: For input string: "2147483648"');
    expect(numberRefusal(' foo ', 'double')).toBe('java.lang.NumberFormatException: For input string: "foo"');
    expect(numberRefusal('', 'double')).toBe('java.lang.NumberFormatException: empty String');
  });
});

describe('parseJavaRadix (Long.parseLong / Integer.parseInt with a radix)', () => {
  it.each([
    ['ff', 16, 'long', 255n],
    ['FF', 16, 'long', 255n],
    ['-ff', 16, 'integer', -255n],
    ['+101', 2, 'integer', 5n],
    ['zz', 36, 'long', 1295n],
    ['7fffffff', 16, 'integer', 2147483647n],
    ['-80000000', 16, 'integer', -2147483648n],
    ['7fffffffffffffff', 16, 'long', 9223372036854775807n],
    ['-8000000000000000', 16, 'long', -9223372036854775808n],
    ['\u0663', 8, 'long', 3n], // any Unicode decimal digit, as Character.digit
    ['\uff26\uff46', 16, 'long', 255n], // fullwidth letters count as Latin ones
  ] as const)('reads %j in base %d as %s', (text, radix, type, value) => {
    expect(parseJavaRadix(text, radix, type)).toBe(value);
  });

  it.each([
    ['80000000', 16, 'integer'],
    ['8000000000000000', 16, 'long'],
    ['12', 2, 'long'],
    ['0x1f', 16, 'long'], // the 0x prefix is dropped by the caller, not by Java
    [' 1', 10, 'long'],
    ['', 16, 'long'],
    ['-', 16, 'long'],
    ['1', 1, 'long'],
    ['1', 37, 'long'],
    ['1'.repeat(400), 36, 'long'],
  ] as const)('refuses %j in base %d as %s', (text, radix, type) => {
    expect(parseJavaRadix(text, radix, type)).toBeNull();
  });
});
