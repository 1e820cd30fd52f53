import { describe, expect, it } from 'vitest';
import { defaultVisibleColumns, matchesColumnSearch, resolveVisibleColumns, sameColumns } from './columns';

const columns = [
  { name: 'zzz', type: 'keyword' },
  { name: 'host.name', type: 'keyword' },
  { name: '@timestamp', type: 'date' },
  { name: 'destination.port', type: 'long' },
];

describe('event columns', () => {
  it('defaults to the drill-down columns present, in their order', () => {
    expect(defaultVisibleColumns(columns)).toEqual(['@timestamp', 'host.name', 'destination.port']);
  });
  it('falls back to the first ten columns when none of the defaults are present', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `c${i}`, type: 'keyword' }));
    expect(defaultVisibleColumns(many)).toHaveLength(10);
  });
  it('resolves a chosen list, default columns first in their order, and drops unknown names', () => {
    expect(resolveVisibleColumns(columns, ['destination.port', 'gone', 'zzz']).map((c) => c.name)).toEqual(['destination.port', 'zzz']);
    expect(resolveVisibleColumns(columns, undefined).map((c) => c.name)).toEqual(['@timestamp', 'host.name', 'destination.port']);
  });
  it('searches names by every word', () => {
    expect(matchesColumnSearch('destination.port', 'dest PORT')).toBe(true);
    expect(matchesColumnSearch('destination.port', 'source')).toBe(false);
    expect(matchesColumnSearch('x', '')).toBe(true);
  });
  it('compares column sets ignoring order', () => {
    expect(sameColumns(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameColumns(['a'], ['a', 'b'])).toBe(false);
  });
});
