/**
 * Explore's run on the embedded engine over a small store: the window applied through the AST as
 * the hunt runner applies it, the analyst's params kept as params, errors positioned and answered
 * as data, ROW and indices with no @timestamp run without a window, cancel stops the query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreResponse } from '../model/api';
import { createSourceCatalog } from './sources';
import { runExplore } from './run';
import type { ExploreInput } from './request';
import { exploreStore, NOW, type ExploreStore } from './testing/store';

let store: ExploreStore;
beforeAll(async () => {
  store = await exploreStore();
});
afterAll(async () => {
  await store.close();
});

const catalog = createSourceCatalog();

function run(query: string, extra: Partial<ExploreInput> = {}, signal?: AbortSignal): Promise<ExploreResponse> {
  return runExplore(store.engine, { query, params: [], window: { id: 'hunt' }, ...extra }, NOW, catalog, signal);
}

async function ok(query: string, extra: Partial<ExploreInput> = {}) {
  const answer = await run(query, extra);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer;
}

const column = (answer: Extract<ExploreResponse, { ok: true }>, name: string) =>
  answer.result.values.map((row) => row[answer.result.columns.findIndex((c) => c.name === name)]);

describe('runExplore', () => {
  it('runs the text as written when the window is "as written": nothing added, nothing pinned', async () => {
    const text = 'FROM logs-net | SORT @timestamp DESC | KEEP event.id';
    const answer = await ok(text);
    expect(answer.effectiveQuery).toBe(text);
    expect(answer.params).toEqual([]);
    expect(column(answer, 'event.id')).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(answer.window).toEqual({ id: 'hunt', description: 'no time window (all data)' });
    expect(answer.truncated).toBe(false);
  });

  it('applies a preset window through the AST with now() pinned as a param', async () => {
    const day = await ok('FROM logs-net | KEEP event.id', { window: { id: '24h' } });
    expect(day.effectiveQuery).toContain('@timestamp > TO_DATETIME(?_now1) - 24 hour');
    expect(day.params).toEqual([{ _now1: NOW.toISOString() }]);
    expect(column(day, 'event.id')).toEqual(['e1']);
    expect(day.window).toMatchObject({ id: '24h', description: 'last 24 hours', to: NOW.toISOString(), openEnded: true });
    // A window written in the text is rewritten, not stacked: 7 days replaces 1 hour.
    const week = await ok('FROM logs-net | WHERE @timestamp > now() - 1 hour | KEEP event.id | SORT event.id', { window: { id: '7d' } });
    expect(week.effectiveQuery).toContain('@timestamp > TO_DATETIME(?_now1) - 7 day');
    expect(week.effectiveQuery).not.toContain('1 hour');
    expect(column(week, 'event.id')).toEqual(['e1', 'e2', 'e3']);
  });

  it('passes a custom range as ?_tstart/?_tend params, never in the text', async () => {
    const answer = await ok('FROM logs-net | KEEP event.id | SORT event.id', { window: { id: 'custom', from: '2026-01-03T00:00:00Z', to: '2026-01-07T12:00:00Z' } });
    expect(answer.params).toEqual([{ _tstart: '2026-01-03T00:00:00.000Z' }, { _tend: '2026-01-07T12:00:00.000Z' }]);
    expect(answer.effectiveQuery).toContain('@timestamp >= ?_tstart AND @timestamp < ?_tend');
    expect(answer.effectiveQuery).not.toContain('2026');
    expect(column(answer, 'event.id')).toEqual(['e2', 'e3']);
    expect(answer.window).toMatchObject({ id: 'custom', from: '2026-01-03T00:00:00.000Z', to: '2026-01-07T12:00:00.000Z' });
  });

  it('keeps the analyst’s params as params beside the window’s, hostile values included', async () => {
    const text = 'FROM logs-net | WHERE destination.ip == TO_IP(?ip) | KEEP event.id | SORT event.id';
    const answer = await ok(text, { params: [{ ip: '203.0.113.9' }], window: { id: '7d' } });
    expect(answer.params).toEqual([{ ip: '203.0.113.9' }, { _now1: NOW.toISOString() }]);
    expect(answer.effectiveQuery).not.toContain('203.0.113.9');
    expect(column(answer, 'event.id')).toEqual(['e1', 'e2']);
    const hostile = await ok('FROM logs-net | WHERE process.name == ?p', { params: [{ p: 'curl" OR true OR "' }] });
    expect(hostile.result.values).toEqual([]);
    expect(hostile.effectiveQuery).toBe('FROM logs-net | WHERE process.name == ?p');
  });

  it('answers a parse error with its position, before asking the backend', async () => {
    const answer = await run('FROM x | WHERE a = 1');
    expect(answer).toMatchObject({ ok: false, error: { kind: 'parsing', message: expect.stringMatching(/^line 1:18: mismatched input '='/) } });
  });

  it('answers the backend’s verification errors positioned, with a hint about the query, not a hunt file', async () => {
    const answer = await run('FROM logs-net | WHERE b == 1');
    expect(answer).toMatchObject({ ok: false, error: { kind: 'verification', message: expect.stringContaining('line 1:23: Unknown column [b]') } });
    const unknown = await run('FROM nope-*', { window: { id: '7d' } });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'unknown_index', message: expect.stringContaining('Unknown index [nope-*]') } });
    if (!unknown.ok) expect(unknown.error.hint).not.toMatch(/hunt file/);
  });

  it('runs a ROW query without a window, its now() pinned', async () => {
    const answer = await ok('ROW a = 1, t = now()', { window: { id: '7d' } });
    expect(answer.window.description).toBe('no time window: a ROW query reads no index');
    expect(answer.effectiveQuery).toBe('ROW a = 1, t = TO_DATETIME(?_now1)');
    expect(answer.result.values).toEqual([[1, NOW.toISOString()]]);
  });

  it('runs a FROM over indices with no @timestamp without a window, and says so', async () => {
    const answer = await ok('FROM assets | KEEP owner | SORT owner', { window: { id: '24h' } });
    expect(answer.effectiveQuery).toBe('FROM assets | KEEP owner | SORT owner');
    expect(answer.window).toEqual({ id: 'hunt', description: 'no time window: the indices searched have no @timestamp field' });
    expect(column(answer, 'owner')).toEqual(['dba', 'web team']);
  });

  it('says truncated when the result is as long as the query’s LIMIT', async () => {
    expect((await ok('FROM logs-net | LIMIT 2')).truncated).toBe(true);
    expect((await ok('FROM logs-net | LIMIT 5')).truncated).toBe(false);
    // A LIMIT before STATS does not bound the STATS' rows: the implicit 10,000 applies.
    expect((await ok('FROM logs-net | LIMIT 1 | STATS c = COUNT(*) BY host.name')).truncated).toBe(false);
  });

  it('refuses a query too long or nested too deep with a clear message, and a param set twice', async () => {
    expect(await run(`ROW a = "${'x'.repeat(100_000)}"`)).toMatchObject({ ok: false, error: { kind: 'bad_request', message: expect.stringContaining('Explore runs at most 100,000') } });
    const deep = `ROW a = ${'('.repeat(500)}1${')'.repeat(500)}`;
    expect(await run(deep)).toMatchObject({ ok: false, error: { kind: 'parsing', message: expect.stringContaining('maximum expression depth allowed (400)') } });
    expect(await run('ROW a = ?x', { params: [{ x: 1 }, { x: 2 }] })).toMatchObject({ ok: false, error: { message: 'The param [x] is given twice.' } });
    const clash = await run('FROM logs-net | WHERE host.name == ?_tstart', { params: [{ _tstart: 'web-1' }], window: { id: 'custom', from: '2026-01-01', to: '2026-01-02' } });
    expect(clash).toMatchObject({ ok: false, error: { kind: 'bad_request', message: expect.stringContaining('[_tstart]') } });
    // The same binding twice is one: a custom window's text and params opened again under that window.
    const same = await ok('FROM logs-net | WHERE @timestamp >= ?_tstart | KEEP event.id', { params: [{ _tstart: '2026-01-08T00:00:00.000Z' }], window: { id: 'custom', from: '2026-01-08', to: '2026-01-09' } });
    expect(same.params).toEqual([{ _tstart: '2026-01-08T00:00:00.000Z' }, { _tend: '2026-01-09T00:00:00.000Z' }]);
    expect(same.result.values).toEqual([['e1']]);
  });

  it('is cancelled by the request’s signal', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await run('FROM logs-net', {}, controller.signal)).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });
});
