import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EsqlValue } from '../model/esql';
import { columnsBeforeLastStats, ECS_NETWORK_FIELDS, parsed, roundTrip, SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';
import { print } from '../esql';
import { buildDrilldown, DRILLDOWN_COLUMNS, type DrilldownOptions } from './drilldown';

const NET = 'from logs-endpoint.events.network-*';
const SEED_PIPELINE_PREFIX = print(parsed(SEED_ALL_USERS)).split(' | STATS ')[0];

function drill(text: string, row: Record<string, EsqlValue>, options: DrilldownOptions = {}) {
  const r = buildDrilldown(parsed(text), row, options);
  if (!r.ok) throw new Error(r.reason);
  return { ...r, text: print(r.query) };
}

describe('buildDrilldown', () => {
  it('gives the seed query’s events behind a row: pipeline before STATS, key as a param, newest first', () => {
    const r = drill(SEED_ALL_USERS, { connection_count: 2, unique_agent_count: 1, 'process.name': 'curl' });
    expect(r.text).toBe(`${SEED_PIPELINE_PREFIX} | WHERE process.name == ?k1 | SORT @timestamp DESC | LIMIT 10000`);
    expect(r.params).toEqual([{ k1: 'curl' }]);
    roundTrip(r.query, r.params);
  });

  it('keeps the default columns present in the schema, then the column keys', () => {
    const columns = columnsBeforeLastStats(SEED_ROOT_ONLY);
    const r = drill(SEED_ROOT_ONLY, { 'process.name': 'nc' }, { columns });
    expect(r.text.endsWith(`| KEEP ${DRILLDOWN_COLUMNS.join(', ')}, process.name`)).toBe(true);
    expect(r.text).toContain('user.id == "0"');
    const { analyzed } = roundTrip(r.query, r.params);
    expect(analyzed.output.map((c) => c.name)).toEqual([...DRILLDOWN_COLUMNS, 'process.name']);
  });

  it('leaves out absent default columns, the KEEP on request, and the SORT without @timestamp', () => {
    const few = ECS_NETWORK_FIELDS.filter((f) => ['@timestamp', 'host.name', 'process.name'].includes(f.name));
    const r = drill(SEED_ALL_USERS, { 'process.name': 'x' }, { columns: few });
    expect(r.text.endsWith('| KEEP @timestamp, host.name, process.name')).toBe(true);
    expect(drill(SEED_ALL_USERS, { 'process.name': 'x' }, { columns: few, keepDefault: false }).text).not.toContain('KEEP');
    const noTime = drill(`${NET} | keep host.name | stats c = count(*) by host.name`, { 'host.name': 'h' }, { columns: [{ name: 'host.name', type: 'keyword' }] });
    expect(noTime.text).toBe('FROM logs-endpoint.events.network-* | KEEP host.name | WHERE host.name == ?k1 | LIMIT 10000 | KEEP host.name');
  });

  it('handles named and expression keys and null values over the last STATS', () => {
    const text = `${NET} | where event.action == "connection_attempted" | stats c = count(*) by host.name | stats n = count(*), hosts = values(host.name) by c
| eval e = 1`;
    expect(drill(text, { c: 3, n: 1 }).text).toBe(
      'FROM logs-endpoint.events.network-* | WHERE event.action == "connection_attempted" | STATS c = COUNT(*) BY host.name | WHERE c == ?k1 | SORT @timestamp DESC | LIMIT 10000',
    );
    const many = `${NET} | eval port = destination.port | stats c = count(*) by h = host.name, destination.ip, to_lower(process.name), port`;
    const row = { c: 1, h: 'web-1', 'destination.ip': '203.0.113.9', 'to_lower(process.name)': 'curl', port: null };
    const r = drill(many, row, { text: many });
    expect(r.text).toBe(
      'FROM logs-endpoint.events.network-* | EVAL port = destination.port | WHERE host.name == ?k1 AND destination.ip == ?k2 AND TO_LOWER(process.name) == ?k3 AND port IS NULL | SORT @timestamp DESC | LIMIT 10000',
    );
    expect(r.params).toEqual([{ k1: 'web-1' }, { k2: '203.0.113.9' }, { k3: 'curl' }]);
    roundTrip(r.query, r.params);
    // Without the source text, the key column is matched by the expression its name parses to.
    const { 'to_lower(process.name)': _, ...rest } = row;
    expect(drill(many, { ...rest, 'TO_LOWER( process.name )': 'curl' }).params[2]).toEqual({ k3: 'curl' });
    expect(buildDrilldown(parsed(many), rest, { text: many })).toMatchObject({ ok: false, reason: expect.stringContaining('[to_lower(process.name)]') });
  });

  it('avoids param names the hunt already uses', () => {
    const r = drill(`${NET} | where host.name != ?k1 | stats c = count(*) by process.name`, { 'process.name': 'a' });
    expect(r.text).toContain('WHERE process.name == ?k2');
    expect(r.params).toEqual([{ k2: 'a' }]);
  });

  it('follows a RENAME of a key after the STATS to the row’s column', () => {
    const text = `${NET} | stats c = count(*) by host.name | rename host.name as host | sort c`;
    const r = drill(text, { c: 2, host: 'web-1' });
    expect(r.text).toBe('FROM logs-endpoint.events.network-* | WHERE host.name == ?k1 | SORT @timestamp DESC | LIMIT 10000');
    expect(r.params).toEqual([{ k1: 'web-1' }]);
    expect(buildDrilldown(parsed(text), { c: 2, 'host.name': 'web-1' })).toMatchObject({ ok: false });
  });

  it('rejects a hunt with ? params (Elasticsearch does not mix them with named ones)', () => {
    expect(buildDrilldown(parsed(`${NET} | where process.pid > ? | stats c = count(*) by host.name`), { 'host.name': 'a' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('params'),
    });
  });

  it('rejects a query without STATS BY and a row missing a key', () => {
    expect(buildDrilldown(parsed(`${NET} | keep host.name`), {})).toMatchObject({ ok: false });
    expect(buildDrilldown(parsed(`${NET} | stats c = count(*)`), { c: 1 })).toMatchObject({ ok: false, reason: expect.stringContaining('BY') });
    expect(buildDrilldown(parsed(SEED_ALL_USERS), { connection_count: 1 })).toMatchObject({ ok: false, reason: expect.stringContaining('[process.name]') });
    expect(buildDrilldown(parsed(SEED_ALL_USERS), { 'process.name': ['a', 'b'] })).toMatchObject({ ok: false });
  });
});

describe('property: row values are never spliced into the text', () => {
  const scalar = fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
  const multiKey = `${NET} | stats c = count(*) by host.name, user.name, process.pid`;

  it('the text depends only on which keys are null; the values ride in params', () => {
    fc.assert(
      fc.property(fc.array(fc.option(scalar, { nil: null }), { minLength: 3, maxLength: 3 }), (values) => {
        const row = { c: 1, 'host.name': values[0], 'user.name': values[1], 'process.pid': values[2] };
        const placeholder = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : 'PLACEHOLDER']));
        const r = drill(multiKey, row);
        expect(r.text).toBe(drill(multiKey, placeholder).text);
        expect(r.params.map((p) => Object.values(p)[0])).toEqual(values.filter((v) => v !== null));
      }),
      { numRuns: 100 },
    );
  });

  it('drill-downs of the seed query always parse and analyze with their params', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        const r = drill(SEED_ALL_USERS, { 'process.name': name });
        expect(r.params).toEqual([{ k1: name }]);
        roundTrip(r.query, r.params);
      }),
      { numRuns: 50 },
    );
  });
});
