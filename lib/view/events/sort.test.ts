import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { ariaSort, nextSort, sortedRowIndices } from './sort';

const cols: EsqlColumn[] = [
  { name: 'n', type: 'long' },
  { name: 't', type: 'date' },
  { name: 'ip', type: 'ip' },
  { name: 's', type: 'keyword' },
];

function sortBy(values: EsqlValue[][], id: string, desc = false) {
  return sortedRowIndices(cols, values, { id, desc });
}

describe('sortedRowIndices', () => {
  it('keeps the loaded order without a sort or with an unknown column', () => {
    const values: EsqlValue[][] = [[3], [1], [2]];
    expect(sortedRowIndices(cols, values, null)).toEqual([0, 1, 2]);
    expect(sortedRowIndices(cols, values, { id: 'nope', desc: false })).toEqual([0, 1, 2]);
  });

  it('sorts numbers numerically, nulls last ascending and first descending', () => {
    const values: EsqlValue[][] = [[10], [null], [9], [-1], [100]];
    expect(sortBy(values, 'n')).toEqual([3, 2, 0, 4, 1]);
    expect(sortBy(values, 'n', true)).toEqual([1, 4, 0, 2, 3]);
  });

  it('sorts dates by instant, not by text', () => {
    const values: EsqlValue[][] = [
      [0, '2026-01-02T00:00:00.000Z'],
      [0, '2026-01-01T23:00:00.000-02:00'],
      [0, '2025-12-31T00:00:00.000Z'],
    ];
    expect(sortBy(values, 't')).toEqual([2, 0, 1]);
  });

  it('sorts IPs by the byte order of their 16-byte form (IPv4 mapped)', () => {
    const values: EsqlValue[][] = [
      [0, 0, '10.0.0.10'],
      [0, 0, '10.0.0.9'],
      [0, 0, '::1'],
      [0, 0, '2001:db8::1'],
      [0, 0, '9.255.255.255'],
    ];
    // ::1 < ::ffff:9.x < ::ffff:10.0.0.9 < ::ffff:10.0.0.10 < 2001:db8::1
    expect(sortBy(values, 'ip').map((i) => values[i][2])).toEqual(['::1', '9.255.255.255', '10.0.0.9', '10.0.0.10', '2001:db8::1']);
  });

  it('sorts keywords by UTF-8 byte order, not UTF-16', () => {
    const values: EsqlValue[][] = [[0, 0, 0, '\uff61'], [0, 0, 0, '😀'], [0, 0, 0, 'B'], [0, 0, 0, 'a']];
    // U+FF61 < U+1F600 in code points, though its UTF-16 unit is larger than the surrogate's
    expect(sortBy(values, 's').map((i) => values[i][3])).toEqual(['B', 'a', '\uff61', '😀']);
  });

  it('sorts multi-values by their lowest value ascending and highest descending', () => {
    const values: EsqlValue[][] = [[[5, 50]], [[10, 20]], [7]];
    expect(sortBy(values, 'n')).toEqual([0, 2, 1]);
    expect(sortBy(values, 'n', true)).toEqual([0, 1, 2]);
  });

  it('is stable: ties keep the loaded order in both directions', () => {
    const values: EsqlValue[][] = [[1], [2], [1], [2]];
    expect(sortBy(values, 'n')).toEqual([0, 2, 1, 3]);
    expect(sortBy(values, 'n', true)).toEqual([1, 3, 0, 2]);
  });

  it('sorts 10,000 rows quickly', () => {
    const values: EsqlValue[][] = Array.from({ length: 10000 }, (_, i) => [(i * 7919) % 10007, null, `10.0.${i % 256}.${(i * 31) % 256}`, `k${i}`]);
    const started = performance.now();
    const order = sortBy(values, 'ip');
    expect(performance.now() - started).toBeLessThan(500);
    expect(order).toHaveLength(10000);
  });
});


describe('nextSort / ariaSort', () => {
  it('cycles ascending, descending, none', () => {
    expect(nextSort(null, 'a')).toEqual({ id: 'a', desc: false });
    expect(nextSort({ id: 'a', desc: false }, 'a')).toEqual({ id: 'a', desc: true });
    expect(nextSort({ id: 'a', desc: true }, 'a')).toBeNull();
    expect(nextSort({ id: 'a', desc: true }, 'b')).toEqual({ id: 'b', desc: false });
  });
  it('names the aria-sort state', () => {
    expect(ariaSort({ id: 'a', desc: true }, 'a')).toBe('descending');
    expect(ariaSort({ id: 'a', desc: false }, 'a')).toBe('ascending');
    expect(ariaSort({ id: 'a', desc: false }, 'b')).toBe('none');
  });
});
