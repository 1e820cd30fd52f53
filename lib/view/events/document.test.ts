import { describe, expect, it } from 'vitest';
import type { EsqlValue } from '../../model/esql';
import { eventFields, eventJson, eventObject, filterFields, groupFields, groupName } from './document';

const columns = [
  { name: 'process.pid', type: 'long' },
  { name: '@timestamp', type: 'date' },
  { name: 'host.name', type: 'keyword' },
  { name: 'agent.id', type: 'keyword' },
  { name: 'process.executable', type: 'keyword' },
  { name: 'user.name', type: 'keyword' },
  { name: 'tags', type: 'keyword' },
];
const row: EsqlValue[] = [42, '2026-01-02T00:00:00.000Z', 'web-1', null, '/tmp/<b>x</b>', [null], ['a', 'b']];

describe('event document', () => {
  it('keeps only the non-null fields', () => {
    expect(eventFields(columns, row).map((f) => f.name)).toEqual(['process.pid', '@timestamp', 'host.name', 'process.executable', 'tags']);
  });

  it('groups by the first dotted segment, @timestamp first', () => {
    const groups = groupFields(eventFields(columns, row));
    expect(groups.map((g) => g.group)).toEqual(['@timestamp', 'host', 'process', 'tags']);
    expect(groups[2].fields.map((f) => f.name)).toEqual(['process.executable', 'process.pid']);
    expect(groupName('destination.geo.ip')).toBe('destination');
  });

  it('filters by name or value, case-insensitively', () => {
    const fields = eventFields(columns, row);
    expect(filterFields(fields, 'PROCESS').map((f) => f.name)).toEqual(['process.pid', 'process.executable']);
    expect(filterFields(fields, 'web').map((f) => f.name)).toEqual(['host.name']);
    expect(filterFields(fields, 'tags b').map((f) => f.name)).toEqual(['tags']);
    expect(filterFields(fields, '  ')).toHaveLength(5);
  });

  it('copies as a field → value object, a __proto__ field included as data', () => {
    expect(eventObject(columns, row)).toEqual({
      'process.pid': 42,
      '@timestamp': '2026-01-02T00:00:00.000Z',
      'host.name': 'web-1',
      'process.executable': '/tmp/<b>x</b>',
      tags: ['a', 'b'],
    });
    const hostile = eventJson([{ name: '__proto__', type: 'keyword' }], ['x']);
    expect(JSON.parse(hostile)).toEqual(JSON.parse('{"__proto__":"x"}'));
    expect(hostile).toContain('"__proto__": "x"');
    const bidi = eventJson([{ name: 'process.name', type: 'keyword' }], ['evil\u202egnp.exe']);
    expect(bidi).toContain('evil\\u202egnp.exe');
    expect(JSON.parse(bidi)).toEqual({ 'process.name': 'evil\u202egnp.exe' });
  });
});
