import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { cellMatches, filterRowIndices, parseFilter } from './filter';
import { visibleRowIndices, visibleValues } from './rows';

const columns: EsqlColumn[] = [
  { name: 'connection_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
  { name: 'first_seen', type: 'date' },
];
const values: EsqlValue[][] = [
  [5, 'curl', '2026-01-04T10:00:00.000Z'],
  [12, '\u202Egnp.sh', '2026-01-05T00:00:00.000Z'],
  [1200, ['Kthreadd\u0007', 'sshd'], '2026-01-06T12:00:00.000Z'],
  [null, null, null],
];

describe('parseFilter', () => {
  it('reads numeric comparisons and plain numbers (equals), with grouping separators', () => {
    expect(parseFilter('>= 10', 'long')).toEqual({ kind: 'number', op: '>=', value: 10 });
    expect(parseFilter('<3', 'integer')).toEqual({ kind: 'number', op: '<', value: 3 });
    expect(parseFilter('1,200', 'long')).toEqual({ kind: 'number', op: '=', value: 1200 });
    expect(parseFilter('=0.5', 'double')).toEqual({ kind: 'number', op: '=', value: 0.5 });
  });
  it('reports an unusable numeric filter instead of applying it', () => {
    expect(parseFilter('>=abc', 'long').kind).toBe('invalid');
    expect(parseFilter('>=', 'long').kind).toBe('invalid');
  });
  it('makes text filters case-insensitive substrings and blank filters none', () => {
    expect(parseFilter('  CuRl ', 'keyword')).toEqual({ kind: 'contains', needle: 'curl' });
    expect(parseFilter('   ', 'keyword')).toEqual({ kind: 'none' });
  });
});

describe('filterRowIndices', () => {
  const rows = (filters: Record<string, string>) => filterRowIndices(columns, values, filters);
  it('filters numbers by comparison and never matches null', () => {
    expect(rows({ connection_count: '>=12' })).toEqual([1, 2]);
    expect(rows({ connection_count: '<=12' })).toEqual([0, 1]);
    expect(rows({ connection_count: '5' })).toEqual([0]);
  });
  it('matches text case-insensitively, in any value of a multi-value', () => {
    expect(rows({ 'process.name': 'KTHREAD' })).toEqual([2]);
    expect(rows({ 'process.name': 'sshd' })).toEqual([2]);
  });
  it('finds hidden characters by their visible escape', () => {
    expect(rows({ 'process.name': '\\u202e' })).toEqual([1]);
    expect(rows({ 'process.name': '\\x07' })).toEqual([2]);
  });
  it('compares dates by their ISO text, a day prefix covering the day', () => {
    expect(rows({ first_seen: '>=2026-01-05' })).toEqual([1, 2]);
    expect(rows({ first_seen: '<2026-01-05' })).toEqual([0]);
    expect(rows({ first_seen: '<=2026-01-05' })).toEqual([0, 1]);
    expect(rows({ first_seen: '=2026-01-06' })).toEqual([2]);
    expect(rows({ first_seen: '01-04' })).toEqual([0]);
  });
  it('combines filters with AND, ignores invalid ones and unknown columns', () => {
    expect(rows({ connection_count: '>10', 'process.name': 'gnp' })).toEqual([1]);
    expect(rows({ connection_count: '>=x', gone: 'zzz' })).toEqual([0, 1, 2, 3]);
  });
  it('passes everything through cellMatches for a none filter', () => {
    expect(cellMatches(null, { kind: 'none' })).toBe(true);
  });
});

describe('visibleRowIndices', () => {
  it('filters then sorts, keeping original indices', () => {
    expect(visibleRowIndices(columns, values, [{ id: 'connection_count', desc: true }], { connection_count: '>=5' })).toEqual([2, 1, 0]);
    expect(visibleValues(columns, values, [{ id: 'connection_count', desc: false }], { 'process.name': 'curl' })).toEqual([values[0]]);
  });
});
