import { describe, expect, it } from 'vitest';
import { documentToRow, makeSchema, type RowResult } from './documents';
import { flattenMapping, type FlatMapping } from './mapping';
import { ecsMapping } from './ecs-mapping';
import { parseIp } from '../model/ip';

const MAPPING = {
  properties: {
    '@timestamp': { type: 'date' },
    process: {
      properties: {
        name: { type: 'keyword', fields: { caseless: { type: 'keyword', normalizer: 'lowercase' }, text: { type: 'match_only_text' } } },
        pid: { type: 'long' },
        args: { type: 'keyword' },
        parent: { properties: { name: { type: 'keyword' } } },
      },
    },
    destination: { properties: { ip: { type: 'ip' }, port: { type: 'integer' } } },
    message: { type: 'text' },
    score: { type: 'double' },
    ok: { type: 'boolean' },
  },
  dynamic: false,
};

function schemaOf(mapping: Record<string, unknown>) {
  const flat = flattenMapping(mapping) as FlatMapping;
  return makeSchema(flat, structuredClone(mapping));
}

function row(doc: unknown, mapping: Record<string, unknown> = MAPPING): Record<string, unknown> {
  const r = documentToRow(doc, schemaOf(mapping));
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries(r.row);
}

function reason(doc: unknown, mapping: Record<string, unknown> = MAPPING): string {
  const r: RowResult = documentToRow(doc, schemaOf(mapping));
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('flattenMapping', () => {
  it('flattens nested properties and multi-fields', () => {
    const flat = flattenMapping(MAPPING) as FlatMapping;
    expect(flat.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      '@timestamp:date',
      'process.name:keyword',
      'process.name.caseless:keyword',
      'process.name.text:match_only_text',
      'process.pid:long',
      'process.args:keyword',
      'process.parent.name:keyword',
      'destination.ip:ip',
      'destination.port:integer',
      'message:text',
      'score:double',
      'ok:boolean',
    ]);
    expect(flat.byName.get('process.name.caseless')).toEqual({ name: 'process.name.caseless', type: 'keyword', parent: 'process.name', normalizer: 'lowercase' });
    expect([...flat.objects].sort()).toEqual(['destination', 'process', 'process.parent']);
    expect(flat.dynamic).toBe(false);
  });
  it('rejects malformed mappings as data', () => {
    expect(flattenMapping('x')).toHaveProperty('error');
    expect(flattenMapping({ properties: { a: 1 } })).toEqual({ error: 'mapping of [a] must be an object' });
    expect(flattenMapping({ properties: { a: { type: 'keyword', fields: { b: {} } } } })).toEqual({ error: 'multi-field [a.b] needs a type' });
  });
  it('ECS mapping gives logs-* ECS types with multi-fields and no dynamic fields', () => {
    const flat = flattenMapping(ecsMapping()) as FlatMapping;
    expect(flat.dynamic).toBe(false);
    expect(flat.byName.get('destination.ip')?.type).toBe('ip');
    expect(flat.byName.get('@timestamp')?.type).toBe('date');
    expect(flat.byName.get('process.pid')?.type).toBe('long');
    expect(flat.byName.get('process.name')?.type).toBe('keyword');
    expect(flat.byName.get('process.name.text')).toMatchObject({ type: 'match_only_text', parent: 'process.name' });
    expect(flat.byName.get('message')?.type).toBe('match_only_text');
  });
});

describe('documentToRow', () => {
  it('treats nested objects and dotted keys alike', () => {
    const nested = row({ process: { name: 'curl', parent: { name: 'bash' } } });
    const dotted = row({ 'process.name': 'curl', 'process.parent.name': 'bash' });
    const mixed = row({ process: { 'parent.name': 'bash' }, 'process.name': 'curl' });
    expect(nested).toEqual(dotted);
    expect(mixed).toEqual(dotted);
    expect(nested).toEqual({ 'process.name': 'curl', 'process.name.caseless': 'curl', 'process.name.text': 'curl', 'process.parent.name': 'bash' });
  });
  it('derives multi-fields from the parent (lowercase normalizer)', () => {
    expect(row({ process: { name: 'CURL.exe' } })).toMatchObject({ 'process.name': 'CURL.exe', 'process.name.caseless': 'curl.exe', 'process.name.text': 'CURL.exe' });
  });
  it('coerces like Elasticsearch', () => {
    expect(
      row({ '@timestamp': '2026-01-08T10:00:00+01:00', process: { pid: '42', name: 42 }, destination: { ip: '10.0.0.1', port: 8.7 }, score: '1.5', ok: 'true' }),
    ).toEqual({
      '@timestamp': Date.UTC(2026, 0, 8, 9),
      'process.pid': 42,
      'process.name': '42',
      'process.name.caseless': '42',
      'process.name.text': '42',
      'destination.ip': parseIp('10.0.0.1'),
      'destination.port': 8,
      score: 1.5,
      ok: true,
    });
    expect(row({ '@timestamp': 1767830400000, ok: false, message: true })).toEqual({ '@timestamp': 1767830400000, ok: false, message: 'true' });
    expect(row({ process: { pid: '' } })).toEqual({});
    expect(row({ '@timestamp': new Date(Date.UTC(2026, 0, 8)) })).toEqual({ '@timestamp': Date.UTC(2026, 0, 8) });
  });
  it('rejects values that do not fit, with the mapper message', () => {
    expect(reason({ destination: { ip: '1.2.3' } })).toBe("field [destination.ip]: '1.2.3' is not an IP string literal.");
    expect(reason({ process: { pid: 'abc' } })).toBe('field [process.pid]: For input string: "abc"');
    expect(reason({ destination: { port: 3000000000 } })).toBe('field [destination.port]: Value [3000000000] is out of range for an integer');
    expect(reason({ ok: 'yes' })).toBe('field [ok]: Failed to parse value [yes] as only [true] or [false] are allowed.');
    expect(reason({ '@timestamp': 'yesterday' })).toBe('field [@timestamp]: failed to parse date field [yesterday] with format [strict_date_optional_time||epoch_millis]');
    expect(reason({ process: { name: { first: 'x' } } })).toBe("field [process.name]: Can't get text on a START_OBJECT");
    expect(reason({ process: 'curl' })).toBe('object mapping for [process] tried to parse field [process] as object, but found a concrete value');
    expect(reason({ process: { pid: true } })).toBe('field [process.pid]: Current token (VALUE_TRUE) not numeric, can not use numeric value accessors');
    expect(reason([1, 2])).toBe('Malformed content, must start with an object');
    expect(reason('x')).toBe('Malformed content, must start with an object');
  });
  it('keeps unmapped fields out when the mapping is not dynamic', () => {
    expect(row({ extra: 'x', process: { unknown: 1, name: 'a' } })).toEqual({ 'process.name': 'a', 'process.name.caseless': 'a', 'process.name.text': 'a' });
  });
  it('orders multi-values as Elasticsearch does', () => {
    const r = documentToRow(
      {
        process: { args: ['b', 'a', 'b', null, ['c']], pid: [3, 1, 3] },
        destination: { ip: ['::1', '10.0.0.2', '10.0.0.1', '10.0.0.1'] },
        message: ['zeta', 'alpha', 'zeta'],
      },
      schemaOf(MAPPING),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const got = Object.fromEntries(r.row);
    expect(got['process.args#mv']).toEqual(['a', 'b', 'c']);
    expect(got['process.args']).toBeUndefined();
    expect(got['process.pid#mv']).toEqual([1, 3, 3]);
    expect(got['destination.ip#mv']).toEqual([parseIp('::1'), parseIp('10.0.0.1'), parseIp('10.0.0.2')]);
    expect(got['message#mv']).toEqual(['zeta', 'alpha', 'zeta']);
    expect(r.multiValued.sort()).toEqual(['destination.ip', 'message', 'process.args', 'process.pid']);
  });
  it('a multi-value that de-duplicates to one value is single-valued; empty arrays and nulls are absent', () => {
    expect(row({ process: { args: ['x', 'x'] }, message: [], score: null })).toEqual({ 'process.args': 'x' });
    expect(row({ process: [{ name: 'a' }, { name: 'B' }] })).toEqual({
      'process.name#mv': ['B', 'a'],
      'process.name.caseless#mv': ['a', 'b'],
      'process.name.text#mv': ['a', 'B'],
    });
  });
  it('maps new fields dynamically when the mapping is dynamic', () => {
    const schema = schemaOf({ properties: {} });
    const r = documentToRow({ when: '2026-01-08T00:00:00Z', name: 'x', count: 3, ratio: 0.5, flag: true, nested: { n: '7' } }, schema);
    expect(r.ok && { ...r, row: Object.fromEntries(r.row) }).toEqual({
      ok: true,
      multiValued: [],
      row: { when: Date.UTC(2026, 0, 8), name: 'x', 'name.keyword': 'x', count: 3, ratio: 0.5, flag: true, 'nested.n': '7', 'nested.n.keyword': '7' },
    });
    expect(schema.changed).toBe(true);
    expect(schema.mapping).toEqual({
      properties: {
        when: { type: 'date' },
        name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
        count: { type: 'long' },
        ratio: { type: 'double' },
        flag: { type: 'boolean' },
        nested: { properties: { n: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } } } },
      },
    });
    // the first value fixed the type: later documents are coerced or rejected against it
    expect(documentToRow({ count: 'x' }, schema)).toEqual({ ok: false, reason: 'field [count]: For input string: "x"' });
  });
});
