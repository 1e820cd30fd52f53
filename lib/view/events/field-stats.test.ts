import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { fieldStats } from './field-stats';

const columns: EsqlColumn[] = [
  { name: 'host.name', type: 'keyword' },
  { name: 'tags', type: 'keyword' },
  { name: 'port', type: 'long' },
];

describe('fieldStats', () => {
  it('counts the top values per field, nulls apart, multi-values once per value', () => {
    const values: EsqlValue[][] = [
      ['a', ['x', 'y'], 443],
      ['a', ['x', 'x'], 443],
      ['b', null, 80],
      [null, [], '443'],
    ];
    const [host, tags, port] = fieldStats(columns, values);
    expect(host).toMatchObject({ present: 3, nulls: 1, distinct: 2, top: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }], approximate: false });
    // x appears in two rows (twice in one of them), y in one; null and [] are both "no value".
    expect(tags).toMatchObject({ present: 2, nulls: 2, top: [{ value: 'x', count: 2 }, { value: 'y', count: 1 }] });
    // The number 443 and the text "443" are different values.
    expect(port.top).toEqual([{ value: 443, count: 2 }, { value: 80, count: 1 }, { value: '443', count: 1 }]);
  });

  it('keeps five, most frequent first, ties in first-seen order', () => {
    const values: EsqlValue[][] = ['f', 'e', 'd', 'c', 'b', 'a', 'a', 'g'].map((v) => [v, null, null]);
    const [host] = fieldStats(columns, values);
    expect(host.top.map((t) => t.value)).toEqual(['a', 'f', 'e', 'd', 'c']);
    expect(host.distinct).toBe(7);
  });

  it('stays bounded on 10,000 rows of unique values across many columns', () => {
    const many: EsqlColumn[] = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, type: 'keyword' }));
    const values: EsqlValue[][] = Array.from({ length: 10_000 }, (_, r) => many.map((_, c) => (c === 0 ? 'same' : `v${r}-${c}`)));
    const started = performance.now();
    const stats = fieldStats(many, values);
    // About 0.2 s alone; generous for a loaded machine, still far from an unbounded sort of every value.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stats[0].top).toEqual([{ value: 'same', count: 10_000 }]);
    expect(stats[1].approximate).toBe(true);
    expect(stats[1].top).toHaveLength(5);
    expect(stats[1].present).toBe(10_000);
  });
});
