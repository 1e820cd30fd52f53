import { describe, expect, it } from 'vitest';
import { cellMenu, copyText } from './cell-menu';

const pivot = { sources: ['logs-*'], window: undefined };

describe('cellMenu', () => {
  it('a scalar: filter for, filter out, copy, and its pivots', () => {
    const items = cellMenu('destination.ip', 'ip', '10.0.0.1', { filters: true, pivot });
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ['filter', 'Filter for value'],
      ['filter', 'Filter out value'],
      ['copy', 'Copy value'],
      ['pivot', 'This destination across the fleet'],
    ]);
    expect(items[1]).toMatchObject({ value: '10.0.0.1', negate: true });
    expect(items[3]).toMatchObject({ href: expect.stringMatching(/^\/explore\?esql=/) });
  });

  it('no filters where the table has none; no pivots without a context; nothing for a null', () => {
    expect(cellMenu('host.name', 'keyword', 'h', { filters: false }).map((i) => i.kind)).toEqual(['copy']);
    expect(cellMenu('host.name', 'keyword', null, { filters: true, pivot })).toEqual([]);
  });

  it('a multi-value: items per distinct value, named, at most five', () => {
    const items = cellMenu('host_names', 'keyword', ['a', 'b', 'a', null], { filters: true, pivot });
    expect(items.map((i) => i.label)).toEqual([
      'Filter for “a”',
      'Filter out “a”',
      'Filter for “b”',
      'Filter out “b”',
      'Copy values',
      'Host’s other activity: a',
      'Host’s other activity: b',
    ]);
    const many = cellMenu('tags', 'keyword', ['1', '2', '3', '4', '5', '6', '7'], { filters: true });
    expect(many.filter((i) => i.kind === 'filter')).toHaveLength(10);
  });

  it('labels show hidden characters escaped; copy keeps the raw value', () => {
    const items = cellMenu('process.name', 'keyword', ['\u202egnp.sh'], { filters: true });
    expect(items[0].label).toBe('Filter for “\\u202egnp.sh”');
    expect(copyText('\u202egnp.sh')).toBe('\u202egnp.sh');
    expect(copyText(['a', null, 'b'])).toBe('a\n\nb');
  });
});
