import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TimeUnit, print } from '../esql';
import { parsed, parsedTree, roundTrip, SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';
import { applyTimeWindow, findTimeWindow, PRESET_WINDOWS, windowParams, type TimeWindow } from './window';

const NET = 'from logs-endpoint.events.network-*';

function applyTo(query: ReturnType<typeof parsed>, window: TimeWindow) {
  const r = applyTimeWindow(query, window);
  if (!r.ok) throw new Error(r.reason);
  return { ...r, text: print(r.query) };
}
const apply = (text: string, window: TimeWindow) => applyTo(parsed(text), window);
const applyTree = (text: string, window: TimeWindow) => applyTo(parsedTree(text), window);

describe('findTimeWindow', () => {
  it.each([SEED_ALL_USERS, SEED_ROOT_ONLY])('finds the seed window', (text) => {
    const found = findTimeWindow(parsed(text));
    expect(found).toMatchObject({ quantity: 7, unit: 'day', op: '>' });
    expect(text.slice(found!.span.start, found!.span.end)).toBe('@timestamp > now() - 7 day');
  });

  it('finds it inside an AND chain of a later WHERE, in either operand order', () => {
    const text = `${NET} | eval x = 1 | where host.name == "a" and now() - 36h <= @timestamp and x == 1`;
    const found = findTimeWindow(parsed(text));
    expect(found).toMatchObject({ quantity: 36, unit: 'hour', op: '>=' });
    expect(text.slice(found!.span.start, found!.span.end)).toBe('now() - 36h <= @timestamp');
  });

  it('ignores upper bounds and predicates under OR or NOT', () => {
    expect(findTimeWindow(parsed(`${NET} | where @timestamp < now() - 1 day`))).toBeUndefined();
    expect(findTimeWindow(parsed(`${NET} | where host.name == "a" or @timestamp > now() - 1 day`))).toBeUndefined();
    expect(findTimeWindow(parsed(`${NET} | where not @timestamp > now() - 1 day`))).toBeUndefined();
  });
});

describe('applyTimeWindow: relative', () => {
  it('exports the presets 24 h, 7 d, 14 d, 30 d', () => {
    expect(PRESET_WINDOWS.map((p) => `${p.window.quantity} ${p.window.unit}`)).toEqual(['24 hour', '7 day', '14 day', '30 day']);
  });

  it.each(PRESET_WINDOWS.map((p) => [p.id, p.window] as const))('rewrites the seed window to preset %s', (_, window) => {
    const r = apply(SEED_ALL_USERS, window);
    expect(r.text).toContain(`| WHERE @timestamp > NOW() - ${window.quantity} ${window.unit} |`);
    expect(r.text.match(/NOW\(\)/g)).toHaveLength(1);
    expect(r.params).toEqual({});
    expect(r.description).toBe(`last ${window.quantity} ${window.unit}s`);
    // Everything else is untouched.
    expect(r.text.replace(/NOW\(\) - \d+ \w+/, '')).toBe(print(parsed(SEED_ALL_USERS)).replace('NOW() - 7 day', ''));
    roundTrip(r.query);
  });

  it('keeps the operator and operand order of a reversed predicate', () => {
    const r = apply(`${NET} | where host.name == "a" and now() - 1h <= @timestamp`, { kind: 'relative', quantity: 1, unit: 'day' });
    expect(r.text).toBe('FROM logs-endpoint.events.network-* | WHERE host.name == "a" AND NOW() - 1 day <= @timestamp');
    expect(r.description).toBe('last 1 day');
  });

  it('rewrites every window predicate, so a second one cannot narrow the chosen window', () => {
    const text = `${NET} | where @timestamp > now() - 7 days | eval x = 1 | where x == 1 and @timestamp >= now() - 3 days`;
    const r = apply(text, { kind: 'relative', quantity: 30, unit: 'day' });
    expect(r.text).toBe(
      'FROM logs-endpoint.events.network-* | WHERE @timestamp > NOW() - 30 day | EVAL x = 1 | WHERE x == 1 AND @timestamp >= NOW() - 30 day',
    );
    const a = apply(text, { kind: 'absolute', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' });
    expect(a.text.match(/\?_tstart/g)).toHaveLength(2);
    roundTrip(a.query, windowParams(a.params));
  });

  it('adds the predicate as the first WHERE after FROM when the query has none', () => {
    const r = apply(`${NET} | where host.name == "a" | stats c = count(*) by host.name`, { kind: 'relative', quantity: 14, unit: 'day' });
    expect(r.text).toBe(
      'FROM logs-endpoint.events.network-* | WHERE @timestamp > NOW() - 14 day | WHERE host.name == "a" | STATS c = COUNT(*) BY host.name',
    );
    roundTrip(r.query);
  });

  it('rejects a non-positive or fractional quantity and a ROW query', () => {
    expect(applyTimeWindow(parsed(SEED_ALL_USERS), { kind: 'relative', quantity: 0, unit: 'day' }).ok).toBe(false);
    expect(applyTimeWindow(parsed(SEED_ALL_USERS), { kind: 'relative', quantity: 1.5, unit: 'day' }).ok).toBe(false);
    expect(applyTimeWindow(parsed('row a = 1'), { kind: 'relative', quantity: 1, unit: 'day' })).toMatchObject({ ok: false });
  });
});

describe('applyTimeWindow: absolute', () => {
  const window = { kind: 'absolute', from: '2026-01-01T00:00:00Z', to: '2026-01-08T12:30:00+01:00' } as const;

  it.each([SEED_ALL_USERS, SEED_ROOT_ONLY])('replaces the seed window with named-param bounds', (text) => {
    const r = apply(text, window);
    expect(r.text).toContain('| WHERE @timestamp >= ?_tstart AND @timestamp < ?_tend |');
    expect(r.text).not.toContain('NOW()');
    expect(r.params).toEqual({ _tstart: '2026-01-01T00:00:00.000Z', _tend: '2026-01-08T11:30:00.000Z' });
    expect(r.description).toBe('2026-01-01T00:00:00.000Z to 2026-01-08T11:30:00.000Z');
    const { analyzed } = roundTrip(r.query, windowParams(r.params));
    expect(analyzed.output.map((c) => c.name)).toEqual(['connection_count', 'unique_agent_count', 'process.name']);
  });

  it('replaces a conjunct in place, leaving the rest of the AND chain', () => {
    const r = apply(`${NET} | where host.name == "a" and @timestamp >= now() - 3 days and process.pid > 1`, window);
    expect(r.text).toBe(
      'FROM logs-endpoint.events.network-* | WHERE host.name == "a" AND (@timestamp >= ?_tstart AND @timestamp < ?_tend) AND process.pid > 1',
    );
    roundTrip(r.query, windowParams(r.params));
  });

  it('adds the bounds after FROM when there is no window predicate', () => {
    const r = apply(`${NET} | keep host.name`, window);
    expect(r.text).toBe('FROM logs-endpoint.events.network-* | WHERE @timestamp >= ?_tstart AND @timestamp < ?_tend | KEEP host.name');
  });

  it('refuses to add named params to a query with ? params', () => {
    const r = applyTimeWindow(parsed(`${NET} | where process.pid > ?`), window);
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('params') });
  });

  it('reads a bare date as UTC midnight and rejects bad or reversed bounds', () => {
    expect(apply(SEED_ALL_USERS, { kind: 'absolute', from: '2026-02-01', to: '2026-02-02' }).params._tstart).toBe('2026-02-01T00:00:00.000Z');
    for (const [from, to] of [
      ['yesterday', '2026-01-02'],
      ['2026-01-01', '2026-13-45'],
      ['2026-01-02', '2026-01-01'],
      ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
      ['2026-01-01T00:00:00', '2026-01-02T00:00:00Z'],
    ]) {
      expect(applyTimeWindow(parsed(SEED_ALL_USERS), { kind: 'absolute', from, to })).toMatchObject({ ok: false });
    }
  });
});

describe('a hunt that ANDs thousands of conditions (issue 13)', () => {
  // The window predicate sits in the middle of a 10,000-term AND chain: 10,000 levels deep. A cluster
  // refuses such a query (parse does too); the rewrite must still not recurse down a tree it is given.
  const ports = (from: number, n: number) => Array.from({ length: n }, (_, i) => `destination.port != ${from + i}`).join(' and ');
  const text = `${NET} | where ${ports(0, 5_000)} and @timestamp > now() - 7 days and ${ports(5_000, 4_999)}`;

  it('rewrites the window to a relative span without recursing down the chain', () => {
    const r = applyTree(text, { kind: 'relative', quantity: 24, unit: 'hour' });
    expect(r.text).toContain('destination.port != 4999 AND @timestamp > NOW() - 24 hour AND destination.port != 5000');
    expect(r.text).not.toContain('7 days');
    expect(findTimeWindow(parsedTree(r.text))).toMatchObject({ quantity: 24, unit: 'hour' });
  });

  it('rewrites the window to absolute bounds, keeping every other conjunct', () => {
    const r = applyTree(text, { kind: 'absolute', from: '2026-01-01', to: '2026-01-08' });
    expect(r.text).toContain('destination.port != 4999 AND (@timestamp >= ?_tstart AND @timestamp < ?_tend) AND destination.port != 5000');
    expect(r.text.match(/destination\.port != /g)).toHaveLength(9_999);
  });
});

describe('property: window values are never spliced into the text', () => {
  const units: TimeUnit[] = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond'];
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }).map((ms) => new Date(ms).toISOString());

  it('absolute bounds only travel as params; the text always parses and analyzes', () => {
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(SEED_ALL_USERS, SEED_ROOT_ONLY, `${NET} | keep host.name`), (a, b, text) => {
        fc.pre(a !== b);
        const [from, to] = a < b ? [a, b] : [b, a];
        const r = apply(text, { kind: 'absolute', from, to });
        expect(r.text).not.toContain(from.slice(0, 10));
        expect(r.text).not.toContain(to.slice(0, 10));
        expect(Object.values(r.params)).toEqual([from, to]);
        roundTrip(r.query, windowParams(r.params));
      }),
      { numRuns: 60 },
    );
  });

  it('relative windows print as a valid span and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.constantFrom(...units), (quantity, unit) => {
        const r = apply(SEED_ROOT_ONLY, { kind: 'relative', quantity, unit });
        expect(findTimeWindow(parsed(r.text))).toMatchObject({ quantity, unit });
        roundTrip(r.query);
      }),
      { numRuns: 60 },
    );
  });
});
