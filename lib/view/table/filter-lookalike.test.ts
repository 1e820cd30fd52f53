import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { huntSearch, parseHuntState } from '../url/hunt-url';
import { cellMatches, filterRowIndices, isLookalikeFilter, parseFilter, toggleLookalike } from './filter';

const columns: EsqlColumn[] = [
  { name: 'process.name', type: 'keyword' },
  { name: 'connection_count', type: 'long' },
];
const values: EsqlValue[][] = [
  ['curl', 3],
  ['\u0441url', 1],
  ['/usr/bin/cur\u200bl', 2],
  ['wget', 4],
  [['bash', '\u0455sh'], 5],
];

describe('look-alike filters (`~`)', () => {
  it('parse a leading ~ on a text column into needle and skeleton key', () => {
    expect(parseFilter('~CuRl', 'keyword')).toEqual({ kind: 'lookalike', needle: 'curl', key: 'curl' });
    expect(parseFilter('  ~ \u0441url ', 'keyword')).toEqual({ kind: 'lookalike', needle: '\u0441url', key: 'curl' });
    expect(parseFilter('~', 'keyword')).toEqual({ kind: 'none' });
  });

  it('leave ~ alone where it cannot mean look-alikes: numbers stay invalid, dates a substring', () => {
    expect(parseFilter('~5', 'long').kind).toBe('invalid');
    expect(parseFilter('~2026', 'date')).toEqual({ kind: 'contains', needle: '~2026' });
  });

  it('a plain filter for curl misses сurl; ~curl finds curl, сurl and a curl with a zero-width space', () => {
    expect(filterRowIndices(columns, values, { 'process.name': 'curl' })).toEqual([0]);
    expect(filterRowIndices(columns, values, { 'process.name': '~curl' })).toEqual([0, 1, 2]);
  });

  it('matches a multi-value when any value looks alike, and combines with other columns', () => {
    expect(cellMatches(['bash', '\u0455sh'], parseFilter('~ssh', 'keyword'))).toBe(true);
    expect(filterRowIndices(columns, values, { 'process.name': '~curl', connection_count: '>=2' })).toEqual([0, 2]);
  });

  it('a look-alike filter still finds what the plain one does, escaped spellings included', () => {
    expect(filterRowIndices(columns, values, { 'process.name': '~\\u200b' })).toEqual([2]);
    expect(filterRowIndices(columns, values, { 'process.name': '~wge' })).toEqual([3]);
  });

  it('toggleLookalike adds and removes the prefix, and isLookalikeFilter reads it', () => {
    expect(toggleLookalike('curl')).toBe('~curl');
    expect(toggleLookalike(' ~ curl')).toBe('curl');
    expect(toggleLookalike('')).toBe('~');
    expect(isLookalikeFilter(' ~curl')).toBe(true);
    expect(isLookalikeFilter('curl')).toBe(false);
  });

  it('round-trips through the hunt page URL as the filter text itself', () => {
    const search = huntSearch({ query: 1, window: { id: 'hunt' }, sort: [], filters: { 'process.name': '~curl', connection_count: '>=2' } });
    expect(parseHuntState(new URLSearchParams(search)).filters).toEqual({ 'process.name': '~curl', connection_count: '>=2' });
  });
});
