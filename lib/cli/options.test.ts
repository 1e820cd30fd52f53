import { describe, expect, it } from 'vitest';
import { UsageError } from './io';
import { parseFormat, parseNow, parseParam, parsePositiveNumber } from './options';

describe('options', () => {
  it('parses --param values as JSON when they parse, else as strings', () => {
    expect(parseParam('n=5')).toEqual({ n: 5 });
    expect(parseParam('flag=true')).toEqual({ flag: true });
    expect(parseParam('x=null')).toEqual({ x: null });
    expect(parseParam('ids=[1,"a"]')).toEqual({ ids: [1, 'a'] });
    expect(parseParam('name=curl')).toEqual({ name: 'curl' });
    expect(parseParam('eq=a=b')).toEqual({ eq: 'a=b' });
    expect(parseParam('obj={"a":1}')).toEqual({ obj: '{"a":1}' });
    expect(parseParam('?p=1')).toEqual({ p: 1 });
    expect(() => parseParam('novalue')).toThrow(UsageError);
    expect(() => parseParam('1x=2')).toThrow(UsageError);
  });

  it('pins now from --now, else HUNTBOARD_NOW', () => {
    expect(parseNow('2026-01-08T00:00:00Z', {})?.toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(parseNow(undefined, { HUNTBOARD_NOW: '2026-02-01T12:00:00Z' })?.toISOString()).toBe('2026-02-01T12:00:00.000Z');
    expect(parseNow(undefined, {})).toBeUndefined();
    expect(() => parseNow('yesterday', {})).toThrow(UsageError);
  });

  it('validates formats and numbers', () => {
    expect(parseFormat(undefined)).toBe('txt');
    expect(parseFormat('csv')).toBe('csv');
    expect(() => parseFormat('xml')).toThrow(UsageError);
    expect(parsePositiveNumber('scale', '0.5', false)).toBe(0.5);
    expect(() => parsePositiveNumber('query', '1.5', true)).toThrow(UsageError);
    expect(() => parsePositiveNumber('query', '0', true)).toThrow(UsageError);
  });
});
