import { describe, expect, it } from 'vitest';
import { CoercionFailure, coerceValue, orderValues } from './coerce';

describe('coerceValue into unsigned_long', () => {
  it('is exact up to 2^64-1, from text, bigints and safe numbers; fractions truncate', () => {
    expect(coerceValue('18446744073709551615', 'unsigned_long')).toBe(18446744073709551615n);
    expect(coerceValue('9007199254740993', 'unsigned_long')).toBe(9007199254740993n);
    expect(coerceValue(18446744073709551614n, 'unsigned_long')).toBe(18446744073709551614n);
    expect(coerceValue(42, 'unsigned_long')).toBe(42n);
    expect(coerceValue(12.7, 'unsigned_long')).toBe(12n);
    expect(coerceValue('18446744073709551614.9', 'unsigned_long')).toBe(18446744073709551614n);
    expect(coerceValue('1e3', 'unsigned_long')).toBe(1000n);
    expect(coerceValue('', 'unsigned_long')).toBeNull();
  });

  it('refuses values out of range and text that is no number', () => {
    for (const v of ['18446744073709551616', 18446744073709551616n, -1, '-1', 1e20]) {
      expect(coerceValue(v, 'unsigned_long')).toEqual(new CoercionFailure(`Value [${String(v)}] is out of range for an unsigned_long`));
    }
    expect(coerceValue('abc', 'unsigned_long')).toEqual(new CoercionFailure('For input string: "abc"'));
    expect(coerceValue(true, 'unsigned_long')).toEqual(new CoercionFailure('Current token (VALUE_TRUE) not numeric, can not use numeric value accessors'));
  });

  it('reads a bigint as the double JSON.parse would give for any other type', () => {
    expect(coerceValue(9007199254740993n, 'long')).toBe(9007199254740992);
    expect(coerceValue(9007199254740993n, 'keyword')).toBe('9007199254740992');
    expect(coerceValue(9007199254740993n, 'double')).toBe(9007199254740992);
  });

  it('orders multi-values by value, exactly', () => {
    expect(orderValues([18446744073709551615n, 0n, 18446744073709551614n], 'sorted')).toEqual([0n, 18446744073709551614n, 18446744073709551615n]);
  });
});
