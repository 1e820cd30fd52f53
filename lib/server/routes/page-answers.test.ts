import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsResponse, RunResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { writeDemo } from '../../demo';
import { openStore } from '../../store';
import { findHunt, loadCatalogue } from '../../hunts/catalogue';
import type { Hunt } from '../../hunts/types';
import { eventsRequest, runRequest } from '../../view/url/api-requests';
import { parseEventsState, parseHuntState } from '../../view/url/hunt-url';
import { eventsRoute, runRoute } from './hunts';
import { isPending, jsonText, parseJsonText } from '../../model/initial-call';
import { pageEvents, pageRun, searchOf, settleBriefly } from './page-answers';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const saved = { ...process.env };

async function viaRoute<T>(route: typeof runRoute, body: unknown, n: string): Promise<T> {
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) });
  return (await (await route(request, { params: Promise.resolve({ id: HUNT, n }) })).json()) as T;
}

/** The backend's own timing differs from one execution to the next; everything else must not. */
function withoutTook<T extends RunResponse | EventsResponse>(answer: T): unknown {
  return answer.ok ? { ...answer, result: { ...answer.result, took: 0 } } : answer;
}

describe('the first call answered while the page renders', () => {
  let dataDir: string;
  let hunt: Hunt;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-page-answers-'));
    await writeDemo(openStore(dataDir), { now: new Date(NOW), scale: 0.05 });
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_')) delete process.env[k];
    process.env.HUNTBOARD_DATA_DIR = dataDir;
    process.env.HUNTBOARD_NOW = NOW;
    process.env.HUNTBOARD_HUNTS_DIR = '';
    hunt = findHunt(await loadCatalogue(), HUNT)!;
  });

  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the hunt page’s run with the request the browser would send and the run route’s answer to it', async () => {
    const search = { q: '2', window: '24h', variant: 'limit-before-sort', sort: 'connection_count' };
    const call = pageRun(hunt, search, 'viewer')!;
    expect(call.url).toBe(`/api/hunts/${HUNT}/queries/2/run`);
    expect(call.body).toEqual(runRequest(parseHuntState(searchOf(search))));
    expect(call.body).toEqual({ window: { id: '24h' }, variant: 'limit-before-sort' });
    const served = parseJsonText(await call.answer);
    if (!served.ok) throw new Error(served.error.message);
    expect(served.result.values.length).toBeGreaterThan(0);
    expect(withoutTook(served)).toEqual(withoutTook(await viaRoute<RunResponse>(runRoute, call.body, '2')));
  });

  it('puts a prompt answer in the page itself, and streams a slow one', async () => {
    const prompt = await settleBriefly(pageRun(hunt, { q: '1' }, 'lead'));
    expect(prompt && !isPending(prompt.answer) && parseJsonText(prompt.answer).ok).toBe(true);
    const slow = { url: '/api/x', body: {}, answer: new Promise<ReturnType<typeof jsonText<RunResponse>>>(() => {}) };
    const streamed = await settleBriefly(slow, 20);
    expect(streamed?.answer).toBe(slow.answer);
    expect(await settleBriefly(undefined)).toBeUndefined();
  });

  it('runs the first query for a query number the hunt does not have, as the tabs show it', () => {
    expect(pageRun(hunt, { q: '9' }, 'lead')?.url).toBe(`/api/hunts/${HUNT}/queries/1/run`);
  });

  it('answers the drill-down’s events for the row in its URL, as the events route does', async () => {
    const search = { q: '1', window: '30d', key: JSON.stringify(['kworkerds']), cols: 'destination.port,event.sequence' };
    const call = pageEvents(hunt, search, 'viewer')!;
    expect(call.url).toBe(`/api/hunts/${HUNT}/queries/1/events`);
    expect(call.body).toEqual(eventsRequest(parseEventsState(searchOf(search))));
    const served = parseJsonText(await call.answer);
    if (!served.ok) throw new Error(served.error.message);
    expect(served.result.columns.map((c) => c.name)).toContain('event.sequence');
    expect(withoutTook(served)).toEqual(withoutTook(await viaRoute<EventsResponse>(eventsRoute, call.body, '1')));
  });

  it('leaves a link without a row to the page, and answers a bad one with the route’s error, never a throw', async () => {
    expect(pageEvents(hunt, { q: '1' }, 'lead')).toBeUndefined();
    const missing = pageEvents(hunt, { q: '9', key: '["x"]' }, 'lead')!;
    const served = parseJsonText(await missing.answer);
    expect(served.ok).toBe(false);
    expect(served).toEqual(await viaRoute<EventsResponse>(eventsRoute, missing.body, '9'));
  });
});
