import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EsqlValue } from '../model/esql';
import { type ColumnSchema, print } from '../esql';
import { columnsBeforeLastStats, parsed, roundTrip, SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';
import { buildContextQuery, CONTEXT_AGGREGATES, CONTEXT_MAX_ROWS } from './context';

const NET = 'from logs-endpoint.events.network-*';
const ALL_AGGREGATES =
  'STATS host_names = VALUES(host.name), agent_ids = VALUES(agent.id), first_seen = MIN(@timestamp), last_seen = MAX(@timestamp), ' +
  'destinations = COUNT_DISTINCT(destination.ip), ports = COUNT_DISTINCT(destination.port), users = VALUES(user.name)';

function context(text: string, rows: Record<string, EsqlValue>[], columns: ColumnSchema[] = columnsBeforeLastStats(text)) {
  const r = buildContextQuery(parsed(text), rows, columns, { text });
  if (!r.ok) throw new Error(r.reason);
  return { ...r, text: print(r.query) };
}

describe('buildContextQuery', () => {
  it.each([SEED_ALL_USERS, SEED_ROOT_ONLY])('re-aggregates the seed events for the result’s processes', (seed) => {
    const rows = [
      { connection_count: 1, unique_agent_count: 1, 'process.name': 'nc' },
      { connection_count: 2, unique_agent_count: 1, 'process.name': 'curl' },
    ];
    const r = context(seed, rows);
    const prefix = print(parsed(seed)).split(' | STATS ')[0];
    expect(r.text).toBe(`${prefix} | WHERE process.name IN (?p1, ?p2) | ${ALL_AGGREGATES} BY process.name`);
    expect(r.params).toEqual([{ p1: 'nc' }, { p2: 'curl' }]);
    expect(r.aggregates).toEqual(CONTEXT_AGGREGATES.map((a) => a.name));
    const { analyzed } = roundTrip(r.query, r.params);
    expect(analyzed.output.map((c) => `${c.name}:${c.type}`)).toEqual([
      'host_names:keyword',
      'agent_ids:keyword',
      'first_seen:date',
      'last_seen:date',
      'destinations:long',
      'ports:long',
      'users:keyword',
      'process.name:keyword',
    ]);
  });

  it('includes only aggregates whose fields exist before the STATS', () => {
    const text = `${NET} | keep @timestamp, agent.id, process.name | stats c = count(*) by process.name`;
    const r = context(text, [{ c: 1, 'process.name': 'a' }]);
    expect(r.text).toBe(
      'FROM logs-endpoint.events.network-* | KEEP @timestamp, agent.id, process.name | WHERE process.name IN (?p1) | STATS agent_ids = VALUES(agent.id), first_seen = MIN(@timestamp), last_seen = MAX(@timestamp) BY process.name',
    );
    roundTrip(r.query, r.params);
    const none = buildContextQuery(parsed(`${NET} | keep process.name | stats c = count(*) by process.name`), [{ 'process.name': 'a' }], [
      { name: 'process.name', type: 'keyword' },
    ]);
    expect(none).toMatchObject({ ok: false });
    const clash = context(`${NET} | stats c = count(*) by host_names = host.name`, [{ c: 1, host_names: 'h' }]);
    expect(clash.aggregates).toEqual(CONTEXT_AGGREGATES.map((a) => a.name).filter((n) => n !== 'host_names'));
    roundTrip(clash.query, clash.params);
  });

  it('matches several keys tuple by tuple, keeps the hunt’s key names and handles nulls', () => {
    const text = `${NET} | stats c = count(*) by h = host.name, to_lower(process.name)`;
    const rows = [
      { c: 1, h: 'web-1', 'to_lower(process.name)': 'curl' },
      { c: 2, h: null, 'to_lower(process.name)': 'nc' },
      { c: 1, h: 'web-1', 'to_lower(process.name)': 'curl' },
    ];
    const r = context(text, rows);
    expect(r.text).toBe(
      `FROM logs-endpoint.events.network-* | WHERE host.name == ?p1 AND TO_LOWER(process.name) == ?p2 OR host.name IS NULL AND TO_LOWER(process.name) == ?p3 | ${ALL_AGGREGATES} BY h = host.name, TO_LOWER(process.name)`,
    );
    expect(r.params).toEqual([{ p1: 'web-1' }, { p2: 'curl' }, { p3: 'nc' }]);
    roundTrip(r.query, r.params);
  });

  it('adds IS NULL for a null single key, since IN never matches null', () => {
    const r = context(`${NET} | stats c = count(*) by user.name`, [{ c: 1, 'user.name': null }, { c: 1, 'user.name': 'root' }]);
    expect(r.text).toContain('| WHERE user.name IN (?p1) OR user.name IS NULL |');
    expect(r.text).toContain('BY user.name');
    // A key field may also be aggregated: only a clash of result names drops an aggregate.
    expect(r.aggregates).toContain('users');
  });

  it(`takes at most ${CONTEXT_MAX_ROWS} rows and rejects missing keys, no rows and no STATS BY`, () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({ 'process.name': `p${i}` }));
    expect(context(SEED_ALL_USERS, rows).params).toHaveLength(CONTEXT_MAX_ROWS);
    const columns = columnsBeforeLastStats(SEED_ALL_USERS);
    expect(buildContextQuery(parsed(SEED_ALL_USERS), [], columns)).toMatchObject({ ok: false });
    expect(buildContextQuery(parsed(SEED_ALL_USERS), [{ c: 1 }], columns)).toMatchObject({ ok: false, reason: expect.stringContaining('[process.name]') });
    expect(buildContextQuery(parsed(`${NET} | limit 5`), [{ a: 1 }], columns)).toMatchObject({ ok: false });
  });
});

describe('property: key values are never spliced into the context query', () => {
  it('the text depends only on the row count and null pattern; values ride in params', () => {
    const value = fc.option(fc.string({ minLength: 1 }), { nil: null, freq: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(value, { minLength: 1, maxLength: 8 }), (names) => {
        const rows = names.map((n) => ({ 'process.name': n }));
        const r = context(SEED_ALL_USERS, rows);
        const placeholder = context(SEED_ALL_USERS, names.map((n, i) => ({ 'process.name': n === null ? null : `x${i}` })));
        expect(r.text).toBe(placeholder.text);
        expect(r.params.map((p) => Object.values(p)[0])).toEqual(names.filter((n) => n !== null));
        roundTrip(r.query, r.params);
      }),
      { numRuns: 60 },
    );
  });
});
