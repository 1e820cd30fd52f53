import { describe, expect, it } from 'vitest';
import type { EsqlValue } from '../../model/esql';
import { destinationBreakdown, formatShare } from './destinations';

const columns = [
  { name: 'destination.ip', type: 'ip' },
  { name: 'destination.port', type: 'long' },
];

describe('destinationBreakdown', () => {
  it('counts by (ip, port), most frequent first, with shares', () => {
    const values: EsqlValue[][] = [['1.1.1.1', 443], ['8.8.8.8', 53], ['1.1.1.1', 443], ['1.1.1.1', 80], ['1.1.1.1', 443]];
    const b = destinationBreakdown(columns, values);
    expect(b.total).toBe(5);
    expect(b.top.map((d) => [d.ip, d.port, d.count])).toEqual([
      ['1.1.1.1', 443, 3],
      ['8.8.8.8', 53, 1],
      ['1.1.1.1', 80, 1],
    ]);
    expect(b.top[0].share).toBeCloseTo(0.6);
    expect(b.other).toBeNull();
  });

  it('keeps the top 10 and folds the rest into "other"', () => {
    const values: EsqlValue[][] = [];
    for (let i = 0; i < 15; i++) for (let n = 0; n < 20 - i; n++) values.push([`10.0.0.${i}`, 443]);
    const b = destinationBreakdown(columns, values);
    expect(b.top).toHaveLength(10);
    expect(b.top[0]).toMatchObject({ ip: '10.0.0.0', count: 20 });
    expect(b.other).toEqual({ count: 10 + 9 + 8 + 7 + 6, share: 40 / values.length, destinations: 5 });
    expect(b.top.reduce((n, d) => n + d.count, 0) + (b.other?.count ?? 0)).toBe(values.length);
  });

  it('counts null and multi-valued destinations as their own keys', () => {
    const values: EsqlValue[][] = [[null, null], [null, null], [['1.1.1.1', '2.2.2.2'], 443]];
    const b = destinationBreakdown(columns, values);
    expect(b.top.map((d) => [d.ip, d.count])).toEqual([
      [null, 2],
      [['1.1.1.1', '2.2.2.2'], 1],
    ]);
  });

  it('reports a result without destination columns as unavailable', () => {
    const b = destinationBreakdown([{ name: 'host.name', type: 'keyword' }], [['a']]);
    expect(b.available).toBe(false);
    expect(b.top).toEqual([]);
  });

  it('uses only the port when there is no destination.ip', () => {
    const b = destinationBreakdown([{ name: 'destination.port', type: 'long' }], [[443], [443], [80]]);
    expect(b.top.map((d) => [d.ip, d.port, d.count])).toEqual([[null, 443, 2], [null, 80, 1]]);
  });
});

describe('formatShare', () => {
  it('formats percentages compactly', () => {
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.354)).toBe('35%');
    expect(formatShare(0.053)).toBe('5.3%');
    expect(formatShare(0.0001)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
  });
});
