import { describe, expect, it } from 'vitest';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../../esql/testing';
import { parse, print } from '../../esql';
import { STEPS } from '../../view/events/timeline';
import { loadHuntText } from '../loader';
import { huntToml } from '../testing/fixtures';
import { buildHistogramQuery, buildRangeQuery, stepSpan } from './histogram';
import { prepareHuntQuery, type PrepareOptions } from './prepare';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const HOURS_3 = STEPS.find((s) => s.label === '3h')!;

function prepared(text: string, options: Partial<PrepareOptions> = {}) {
  const loaded = loadHuntText(huntToml({ queries: [text] }), { source: { kind: 'directory', file: 'linux/queries/h.toml' }, id: 'h' });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  const result = prepareHuntQuery(loaded.hunt, 1, { window: { id: 'hunt' }, now: NOW, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.prepared;
}

describe('the hunt histogram’s query', () => {
  it.each([
    ['all users', SEED_ALL_USERS],
    ['root only', SEED_ROOT_ONLY],
  ])('keeps the seed query (%s) up to its last STATS and counts per bucket; the window and now stay params', (_, seed) => {
    const source = prepared(seed);
    const built = buildHistogramQuery(source, HOURS_3);
    if (!built.ok) throw new Error(built.reason);
    const text = print(built.query);
    expect(text.startsWith('FROM logs-endpoint.events.network-* | WHERE @timestamp > TO_DATETIME(?_now1) - 7 day | WHERE host.os.type == "linux"')).toBe(true);
    expect(text).toContain(seed.includes('user.id') ? 'user.id == "0"' : 'event.action == "connection_attempted" AND NOT process.name IS NULL');
    expect(text).toMatch(/ \| STATS count = COUNT\(\*\), first_seen = MIN\(@timestamp\), last_seen = MAX\(@timestamp\) BY bucket = BUCKET\(@timestamp, 3 hours\) \| SORT bucket \| LIMIT 1000$/);
    // The hunt's own filters after its STATS (connection_count <= 5) are the findings', not the events'.
    expect(text).not.toContain('connection_count');
    expect(text).not.toContain('2026-01');
    expect(built.params).toEqual([{ _now1: NOW.toISOString() }]);
    // What it prints parses again: the backend gets valid ES|QL.
    expect(parse(text).ok).toBe(true);
  });

  it('passes a custom window’s bounds as params, never in the text', () => {
    const source = prepared(SEED_ALL_USERS, { window: { id: 'custom', from: '2025-12-25', to: '2026-01-01T12:00:00Z' } });
    const built = buildHistogramQuery(source, HOURS_3);
    if (!built.ok) throw new Error(built.reason);
    const text = print(built.query);
    expect(text).toContain('@timestamp >= ?_tstart AND @timestamp < ?_tend');
    expect(text).not.toContain('2025-12-25');
    expect(built.params).toEqual([{ _tstart: '2025-12-25T00:00:00.000Z' }, { _tend: '2026-01-01T12:00:00.000Z' }]);
  });

  it('keeps the variant’s pipeline before the STATS (its rewrite is after it)', () => {
    const plain = buildHistogramQuery(prepared(SEED_ALL_USERS), HOURS_3);
    const variant = buildHistogramQuery(prepared(SEED_ALL_USERS, { variant: 'limit-before-sort' }), HOURS_3);
    if (!plain.ok || !variant.ok) throw new Error('not built');
    expect(print(variant.query)).toBe(print(plain.query));
  });

  it('drops a param only the commands after the STATS used', () => {
    const source = prepared('from logs-* | stats c = count(*) by host.name | eval age = now() - 1 day');
    const built = buildHistogramQuery(source, HOURS_3);
    if (!built.ok) throw new Error(built.reason);
    expect(print(built.query)).toBe('FROM logs-* | STATS count = COUNT(*), first_seen = MIN(@timestamp), last_seen = MAX(@timestamp) BY bucket = BUCKET(@timestamp, 3 hours) | SORT bucket | LIMIT 1000');
    expect(source.params).toHaveLength(1);
    expect(built.params).toEqual([]);
  });

  it('asks for the first and last event when the window has no bounds', () => {
    const built = buildRangeQuery(prepared('from logs-* | where a == "x" | stats c = count(*) by host.name'));
    if (!built.ok) throw new Error(built.reason);
    expect(print(built.query)).toBe('FROM logs-* | WHERE a == "x" | STATS first_seen = MIN(@timestamp), last_seen = MAX(@timestamp)');
  });

  it('refuses a query whose rows are already events, with the drill-down’s reason', () => {
    const built = buildHistogramQuery(prepared('from logs-* | where a == "x" | limit 10'), HOURS_3);
    expect(built).toEqual({ ok: false, reason: 'The query has no STATS … BY, so its rows are already events.' });
  });

  it('spells every timeline step as an ES|QL span of the same length', () => {
    const ms = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5 } as Record<string, number>;
    for (const step of STEPS) {
      const span = stepSpan(step);
      if (span.kind !== 'timeSpan') throw new Error(step.label);
      expect(span.quantity * ms[span.unit]).toBe(step.ms);
      expect(parse(`row a = 1 | eval b = ${print(span)}`).ok).toBe(true);
    }
    expect(() => stepSpan({ label: '1y', ms: 1 })).toThrow();
  });
});
