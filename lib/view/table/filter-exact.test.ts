import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { cellMatches, exactFilterText, filterRowIndices, parseFilter } from './filter';

describe('exact and negated filters (a cell’s filter for / filter out)', () => {
  it('parses =value and !=value on text as whole-value matches', () => {
    expect(parseFilter('=curl', 'keyword')).toEqual({ kind: 'exact', value: 'curl', negate: false });
    expect(parseFilter('!=curl', 'keyword')).toEqual({ kind: 'exact', value: 'curl', negate: true });
    expect(parseFilter('=', 'keyword')).toEqual({ kind: 'none' });
    expect(parseFilter('=10.0.0.1', 'ip')).toEqual({ kind: 'exact', value: '10.0.0.1', negate: false });
  });

  it('matches case and all, not a substring', () => {
    const f = parseFilter('=curl', 'keyword');
    expect(cellMatches('curl', f)).toBe(true);
    expect(cellMatches('Curl', f)).toBe(false);
    expect(cellMatches('curl2', f)).toBe(false);
    expect(cellMatches(null, f)).toBe(false);
  });

  it('filter out keeps nulls and drops a multi-value holding the value', () => {
    const f = parseFilter('!=curl', 'keyword');
    expect(cellMatches('wget', f)).toBe(true);
    expect(cellMatches(null, f)).toBe(true);
    expect(cellMatches(['wget', 'curl'], f)).toBe(false);
    expect(cellMatches(['wget', 'nc'], f)).toBe(true);
    expect(cellMatches('curl', f)).toBe(false);
  });

  it('numbers and dates take != too', () => {
    const n = parseFilter('!=5', 'long');
    expect(n).toEqual({ kind: 'number', op: '!=', value: 5 });
    expect(cellMatches(4, n)).toBe(true);
    expect(cellMatches(5, n)).toBe(false);
    expect(cellMatches([4, 5], n)).toBe(false);
    const d = parseFilter('!=2026-01-05', 'date');
    expect(cellMatches('2026-01-05T10:00:00.000Z', d)).toBe(false);
    expect(cellMatches('2026-01-06T10:00:00.000Z', d)).toBe(true);
  });

  it('writes a text that parses back to the same value, edge spaces and quotes included', () => {
    for (const value of ['curl', '  padded ', '"quoted"', '', 'a=b', '!=x']) {
      for (const negate of [false, true]) {
        const f = parseFilter(exactFilterText(value, negate), 'keyword');
        expect(f).toEqual({ kind: 'exact', value, negate });
      }
    }
    expect(exactFilterText(42, false)).toBe('=42');
    expect(parseFilter(exactFilterText(42, true), 'long')).toEqual({ kind: 'number', op: '!=', value: 42 });
  });

  it('narrows rows in a table', () => {
    const columns: EsqlColumn[] = [{ name: 'process.name', type: 'keyword' }, { name: 'n', type: 'long' }];
    const values: EsqlValue[][] = [['curl', 1], ['wget', 2], [null, 3], ['curl', 4]];
    expect(filterRowIndices(columns, values, { 'process.name': '=curl' })).toEqual([0, 3]);
    expect(filterRowIndices(columns, values, { 'process.name': '!=curl' })).toEqual([1, 2]);
  });
});
