import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { compareCells, compareUtf8 } from './compare';
import { sortRowIndices } from './sort';

const all = (values: readonly unknown[]) => values.map((_, i) => i);

function order(column: EsqlColumn, cells: EsqlValue[], desc = false): EsqlValue[] {
  const values = cells.map((c) => [c]);
  return sortRowIndices([column], values, all(values), [{ id: column.name, desc }]).map((i) => cells[i]);
}

describe('compareUtf8', () => {
  it('orders by UTF-8 bytes as Elasticsearch does: "Z" < "a" < "é"', () => {
    expect(['é', 'a', 'Z'].sort(compareUtf8)).toEqual(['Z', 'a', 'é']);
  });
  it('puts astral characters after the BMP private use area (unlike UTF-16 order)', () => {
    const astral = '\u{1F600}';
    const bmp = '\uFF5E';
    expect(bmp < astral).toBe(false); // JS compares UTF-16 units: the surrogate 0xD83D sorts first
    expect(compareUtf8(bmp, astral)).toBeLessThan(0);
  });
  it('orders a prefix first', () => {
    expect(compareUtf8('ab', 'abc')).toBeLessThan(0);
    expect(compareUtf8('abc', 'abc')).toBe(0);
  });
});

describe('sortRowIndices', () => {
  const keyword = { name: 'process.name', type: 'keyword' };
  const long = { name: 'connection_count', type: 'long' };

  it('sorts keywords by byte order, not locale', () => {
    expect(order(keyword, ['é', 'b', 'a', 'Z'])).toEqual(['Z', 'a', 'b', 'é']);
  });
  it('sorts numbers numerically, not as text', () => {
    expect(order(long, [10, 9, 100, -1])).toEqual([-1, 9, 10, 100]);
    expect(order(long, [10, 9, 100, -1], true)).toEqual([100, 10, 9, -1]);
  });
  it('puts nulls last ascending and first descending', () => {
    expect(order(long, [2, null, 1])).toEqual([1, 2, null]);
    expect(order(long, [2, null, 1], true)).toEqual([null, 2, 1]);
  });
  it('sorts a multi-value by its minimum ascending and its maximum descending', () => {
    expect(order(long, [[1, 50], 10, [5, 6]])).toEqual([[1, 50], [5, 6], 10]);
    expect(order(long, [[1, 50], 10, [5, 6]], true)).toEqual([[1, 50], 10, [5, 6]]);
  });
  it('treats an empty multi-value and nulls inside it as null', () => {
    expect(order(long, [[], 3, [null]])).toEqual([3, [], [null]]);
  });
  it('sorts dates by instant and IPs by address bytes', () => {
    const date = { name: 't', type: 'date' };
    expect(order(date, ['2026-01-08T00:00:00.000Z', '2025-12-31T23:59:59.999Z'])).toEqual(['2025-12-31T23:59:59.999Z', '2026-01-08T00:00:00.000Z']);
    const ip = { name: 'ip', type: 'ip' };
    expect(order(ip, ['10.0.0.10', '10.0.0.9', '::1', '9.255.255.255'])).toEqual(['::1', '9.255.255.255', '10.0.0.9', '10.0.0.10']);
  });
  it('applies secondary keys and keeps the server order on ties', () => {
    const columns = [long, keyword];
    const values: EsqlValue[][] = [[1, 'b'], [2, 'a'], [1, 'a'], [1, 'b']];
    expect(sortRowIndices(columns, values, all(values), [{ id: 'connection_count', desc: false }, { id: 'process.name', desc: false }])).toEqual([2, 0, 3, 1]);
    expect(sortRowIndices(columns, values, all(values), [{ id: 'connection_count', desc: true }])).toEqual([1, 0, 2, 3]);
  });
  it('ignores sort keys that name no column and sorts only the given indices', () => {
    const values: EsqlValue[][] = [[3], [1], [2]];
    expect(sortRowIndices([long], values, [0, 2], [{ id: 'gone', desc: true }])).toEqual([0, 2]);
    expect(sortRowIndices([long], values, [0, 2], [{ id: 'connection_count', desc: false }])).toEqual([2, 0]);
  });
  it('orders booleans false before true', () => {
    expect(compareCells(false, true, 'boolean', false)).toBeLessThan(0);
  });
});
