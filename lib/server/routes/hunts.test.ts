import { describe, expect, it } from 'vitest';
import type { ContextResponse, EventResponse, EventsResponse, RunResponse } from '../../model/api';
import { expectedFindings, PLANTED } from '../../demo';
import { serverAppState } from '../process/app-state';
import { contextRoute, eventRoute, eventsRoute, runRoute } from './hunts';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';
import { useDemoBackend } from '../testing/demo-backend';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';

function call(route: typeof runRoute, body: unknown, id = HUNT, n = '1') {
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: typeof body === 'string' ? body : JSON.stringify(body) });
  return route(request, { params: Promise.resolve({ id, n }) });
}

async function answer<T>(route: typeof runRoute, body: unknown, id = HUNT, n = '1'): Promise<{ status: number; body: T }> {
  const response = await call(route, body, id, n);
  return { status: response.status, body: (await response.json()) as T };
}

describe('hunt API routes on the embedded demo store', () => {
  useDemoBackend('routes', NOW);

  it.each([
    ['1', 'allUsers'],
    ['2', 'rootOnly'],
  ] as const)('query %s runs as written and lists the planted processes', async (n, which) => {
    const { status, body } = await answer<RunResponse>(runRoute, {}, HUNT, n);
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.result.columns.map((c) => c.name)).toEqual(['connection_count', 'unique_agent_count', 'process.name']);
    expect(body.result.values.map((r) => r[2]).sort()).toEqual(expectedFindings(which));
    // `> now() - 7 day` has no end bound: `to` is the now() it ran with, and the window says it is open.
    expect(body.window).toEqual({ id: '7d', description: 'last 7 days', from: '2026-01-01T12:00:00.000Z', to: NOW, openEnded: true });
    expect(body.keys).toEqual(['process.name']);
    // The run's now is pinned in its text as a param: a cluster's clock cannot move the window.
    expect(body.params).toEqual([{ _now1: NOW }]);
    expect(body.effectiveQuery).toContain('@timestamp > TO_DATETIME(?_now1) - 7 day');
    expect(body.findings.map((f) => f.code)).toContain('hardcoded-time-window');
    // Viewing is not a run of record: nothing is saved ("Save as run" does that: save-run-route.test.ts).
    expect(body).not.toHaveProperty('savedRun');
    expect(serverAppState().prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(0);
  });

  it('rewrites the window: 24 hours finds fewer rows, a custom range passes its bounds as params', async () => {
    const day = await answer<RunResponse>(runRoute, { window: { id: '24h' } });
    if (!day.body.ok) throw new Error(day.body.error.message);
    expect(day.body.window.description).toBe('last 24 hours');
    expect(day.body.effectiveQuery).toContain('@timestamp > TO_DATETIME(?_now1) - 24 hour');
    const custom = await answer<RunResponse>(runRoute, { window: { id: 'custom', from: '2025-12-25', to: '2026-01-01T12:00:00Z' } });
    if (!custom.body.ok) throw new Error(custom.body.error.message);
    expect(custom.body.params).toEqual([{ _tstart: '2025-12-25T00:00:00.000Z' }, { _tend: '2026-01-01T12:00:00.000Z' }]);
    expect(custom.body.effectiveQuery).toContain('@timestamp >= ?_tstart AND @timestamp < ?_tend');
    const names = custom.body.result.values.map((r) => r[2]);
    // Last week's planted processes, not this week's.
    expect(names).toContain('xmrig-lite');
    expect(names).not.toContain('sshd-helper');
  });

  it('adds context columns keyed by the row’s BY values', async () => {
    const run = await answer<RunResponse>(runRoute, {});
    if (!run.body.ok) throw new Error(run.body.error.message);
    const rows = run.body.result.values.map((r) => ({ 'process.name': r[2] }));
    const { body } = await answer<ContextResponse>(contextRoute, { rows });
    if (!body.ok) throw new Error(body.error.message);
    expect(body.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'host_names:keyword', 'agent_ids:keyword', 'first_seen:date', 'last_seen:date', 'destinations:long', 'ports:long', 'users:keyword',
    ]);
    const miner = PLANTED.find((p) => p.name === 'kworkerds')!;
    const context = body.rows[JSON.stringify(['kworkerds'])];
    expect(context[0]).toBe(miner.hosts[0]);
    expect(context[4]).toBe(1);
    expect(context[6]).toBe('root');
    expect(Object.keys(body.rows)).toHaveLength(rows.length);
  });

  it('drills into one row: its events, newest first, empty columns dropped', async () => {
    const { body } = await answer<EventsResponse>(eventsRoute, { key: ['<img src=x onerror=alert(1)>'] });
    if (!body.ok) throw new Error(body.error.message);
    const planted = PLANTED.find((p) => p.name.startsWith('<img'))!;
    const names = body.result.columns.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['@timestamp', 'host.name', 'destination.ip', 'destination.port', 'process.name']));
    expect(body.result.values).toHaveLength(planted.count);
    const ts = body.result.values.map((r) => r[names.indexOf('@timestamp')] as string);
    expect(ts).toEqual([...ts].sort().reverse());
    for (const row of body.result.values) expect(row[names.indexOf('destination.ip')]).toBe('5.188.206.14');
    for (let i = 0; i < names.length; i++) expect(body.result.values.some((r) => r[i] !== null)).toBe(true);
    expect(body.params).toEqual([{ _now1: NOW }, { k1: '<img src=x onerror=alert(1)>' }]);
    expect(body.effectiveQuery).not.toContain('onerror');
    expect(body.truncated).toBe(false);
    // Only the default columns, the key and event.id travel; the chooser gets every column.
    expect(names).not.toContain('event.sequence');
    expect(names).toContain('event.id');
    expect(body.available.map((c) => c.name)).toEqual(expect.arrayContaining(['event.sequence', 'host.architecture', ...names]));
  });

  it('adds chosen columns to the drill-down and fetches one event’s full document', async () => {
    const key = ['kworkerds'];
    const { body } = await answer<EventsResponse>(eventsRoute, { key, columns: ['event.sequence', 'no.such.field'] });
    if (!body.ok) throw new Error(body.error.message);
    const names = body.result.columns.map((c) => c.name);
    expect(names).toContain('event.sequence');
    expect(names).not.toContain('no.such.field');
    const eventId = body.result.values[0][names.indexOf('event.id')] as string;
    const one = await answer<EventResponse>(eventRoute, { key, eventId });
    if (!one.body.ok) throw new Error(one.body.error.message);
    expect(one.body.result.values).toHaveLength(1);
    const full = one.body.result.columns.map((c) => c.name);
    expect(full.length).toBeGreaterThan(names.length);
    expect(one.body.result.values[0][full.indexOf('event.id')]).toBe(eventId);
    expect(await answer(eventRoute, { key, eventId: 'nope' })).toMatchObject({ status: 404 });
  });

  it('runs the seed query’s SORT-before-LIMIT variant when asked', async () => {
    const { body } = await answer<RunResponse>(runRoute, { variant: 'limit-before-sort' });
    if (!body.ok) throw new Error(body.error.message);
    const finding = body.findings.find((f) => f.code === 'limit-before-sort');
    expect(finding?.variant?.label).toBe('SORT before LIMIT: top 100 by connection_count, unique_agent_count');
    expect(body.effectiveQuery).toMatch(/\n\| SORT connection_count, unique_agent_count ASC\n\| LIMIT 100$/);
    expect(body.result.values.map((r) => r[2]).sort()).toEqual(expectedFindings('allUsers'));
  });

  it('passes the request’s abort signal to the backend: a client that went away cancels the query', async () => {
    const abort = new AbortController();
    abort.abort();
    const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: '{}', signal: abort.signal });
    const response = await runRoute(request, { params: Promise.resolve({ id: HUNT, n: '1' }) });
    expect(response.status).toBe(499);
    expect(await response.json()).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('answers bad input with a clear error and the right status', async () => {
    expect(await answer(runRoute, {}, 'no-such-hunt')).toMatchObject({ status: 404, body: { ok: false, error: { kind: 'not_found' } } });
    expect(await answer(runRoute, {}, HUNT, '9')).toMatchObject({ status: 404, body: { ok: false, error: { message: `Hunt [${HUNT}] has no query 9.` } } });
    expect(await answer(runRoute, {}, HUNT, '1; drop')).toMatchObject({ status: 400 });
    expect(await answer(runRoute, '{not json')).toMatchObject({ status: 400, body: { error: { message: 'The request body is not valid JSON.' } } });
    expect(await answer(runRoute, { window: { id: '99y' } })).toMatchObject({ status: 400, body: { error: { kind: 'bad_request' } } });
    expect(await answer(runRoute, { extra: 1 })).toMatchObject({ status: 400 });
    const backwards = await answer<RunResponse>(runRoute, { window: { id: 'custom', from: '2026-01-02', to: '2026-01-01' } });
    expect(backwards).toMatchObject({ status: 400, body: { ok: false, error: { message: expect.stringContaining('must be before') } } });
    expect(await answer(eventsRoute, { key: ['a', 'b'] })).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('needs 1 key') } } });
  });
});
