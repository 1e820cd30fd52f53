import { describe, expect, it } from 'vitest';
import { arityOf, FUNCTIONS, functionNames, lookupFunction, paramsFor } from './catalogue';

const REQUIRED = [
  'now', 'count', 'count_distinct', 'cidr_match', 'case', 'values', 'min', 'max', 'sum', 'avg', 'median', 'date_trunc', 'date_format',
  'date_extract', 'date_diff', 'date_parse', 'bucket', 'to_lower', 'to_upper', 'length', 'substring', 'replace', 'starts_with',
  'ends_with', 'coalesce', 'concat', 'trim', 'ltrim', 'rtrim', 'split', 'locate', 'left', 'right', 'to_string', 'to_integer', 'to_int',
  'to_long', 'to_double', 'to_dbl', 'to_boolean', 'to_bool', 'to_ip', 'to_datetime', 'to_dt', 'to_version', 'mv_count', 'mv_concat',
  'mv_slice', 'mv_first', 'mv_last', 'mv_min', 'mv_max', 'mv_dedupe', 'mv_sort', 'mv_sum', 'mv_contains', 'from_base64', 'to_base64',
  'abs', 'round', 'floor', 'ceil', 'greatest', 'least', 'ip_prefix', 'md5', 'sha1', 'sha256', 'match', 'json_extract',
];

describe('function catalogue', () => {
  it('has every function the hunts and the brief need', () => {
    const missing = REQUIRED.filter((name) => !lookupFunction(name));
    expect(missing).toEqual([]);
  });

  it('has unique canonical names and aliases', () => {
    const names = FUNCTIONS.flatMap((f) => [f.name, ...f.aliases]);
    expect(new Set(names).size).toBe(names.length);
    expect(functionNames().sort()).toEqual([...names].sort());
  });

  it('resolves aliases and any case to the canonical entry', () => {
    expect(lookupFunction('TO_INT')?.name).toBe('to_integer');
    expect(lookupFunction('To_Dt')?.name).toBe('to_datetime');
    expect(lookupFunction('cidr_match')?.kind).toBe('scalar');
    expect(lookupFunction('count_distinct')?.kind).toBe('aggregate');
    expect(lookupFunction('bucket')?.kind).toBe('grouping');
    expect(lookupFunction('nope')).toBeUndefined();
  });

  it('knows arities', () => {
    expect(arityOf(lookupFunction('now')!)).toEqual({ min: 0, max: 0 });
    expect(arityOf(lookupFunction('count')!)).toEqual({ min: 0, max: 1 });
    expect(arityOf(lookupFunction('count_distinct')!)).toEqual({ min: 1, max: 2 });
    expect(arityOf(lookupFunction('cidr_match')!)).toEqual({ min: 2, max: Infinity });
    expect(arityOf(lookupFunction('coalesce')!)).toEqual({ min: 1, max: Infinity });
    expect(arityOf(lookupFunction('substring')!)).toEqual({ min: 2, max: 3 });
  });

  it('maps arguments to params, a leading optional param being the one left out', () => {
    const dateFormat = lookupFunction('date_format')!;
    expect(paramsFor(dateFormat, 1).map((p) => p?.name)).toEqual(['date']);
    expect(paramsFor(dateFormat, 2).map((p) => p?.name)).toEqual(['dateFormat', 'date']);
    expect(paramsFor(lookupFunction('cidr_match')!, 4).map((p) => p?.name)).toEqual(['ip', 'blockX', 'blockX', 'blockX']);
    expect(paramsFor(lookupFunction('to_lower')!, 2).map((p) => p?.name)).toEqual(['string', undefined]);
  });

  it('has the issue 17 string and math functions, LOG with its base as the leading optional argument', () => {
    const added = ['contains', 'repeat', 'space', 'reverse', 'bit_length', 'url_encode', 'url_decode', 'signum', 'cbrt', 'log', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'pi', 'e', 'tau'];
    expect(added.filter((name) => !lookupFunction(name))).toEqual([]);
    expect(paramsFor(lookupFunction('log')!, 1).map((p) => p?.name)).toEqual(['number']);
    expect(paramsFor(lookupFunction('log')!, 2).map((p) => p?.name)).toEqual(['base', 'number']);
    expect(arityOf(lookupFunction('pi')!)).toEqual({ min: 0, max: 0 });
    expect(lookupFunction('reverse')!.returns(['text'])).toBe('keyword');
  });

  it('computes result types (never text)', () => {
    expect(lookupFunction('max')!.returns(['text'])).toBe('keyword');
    expect(lookupFunction('sum')!.returns(['integer'])).toBe('long');
    expect(lookupFunction('sum')!.returns(['double'])).toBe('double');
    expect(lookupFunction('bucket')!.returns(['date', 'time_duration'])).toBe('date');
    expect(lookupFunction('bucket')!.returns(['long', 'integer'])).toBe('double');
    expect(lookupFunction('case')!.returns(['boolean', 'null', 'boolean', 'long', 'keyword'])).toBe('long');
    expect(lookupFunction('to_ip')!.returns(['keyword'])).toBe('ip');
  });
});
