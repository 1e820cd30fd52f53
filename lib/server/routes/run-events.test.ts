import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventResponse, EventsResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { PLANTED, writeDemo } from '../../demo';
import { findHunt, loadCatalogue } from '../../hunts/catalogue';
import { runAndSave } from '../../hunts/run/record';
import { createEmbeddedBackend } from '../../backends/embedded';
import { openStore } from '../../store';
import { serverAppState } from '../process/app-state';
import { runEventRoute, runEventsRoute } from './run-events';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const RUN_NOW = '2026-01-08T12:00:00.000Z';
/** The review three days later: the server's clock has moved on, the run's window has not. */
const LATER = '2026-01-11T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const saved = { ...process.env };

async function post<T>(route: typeof runEventsRoute, id: string, body: unknown): Promise<{ status: number; body: T }> {
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) });
  const response = await route(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as T };
}

describe('a saved run’s events over HTTP', () => {
  let dataDir: string;
  let runId: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-run-events-routes-'));
    await writeDemo(openStore(dataDir), { now: new Date(RUN_NOW), scale: 0.05, weeks: 2 });
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_')) delete process.env[k];
    Object.assign(process.env, { HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_NOW: LATER, HUNTBOARD_HUNTS_DIR: '' });
    const hunt = findHunt(await loadCatalogue({ huntsDir: '' }), HUNT)!;
    const backend = createEmbeddedBackend({ dataDir, now: new Date(RUN_NOW) });
    const { saved: run } = await runAndSave(serverAppState(), backend, hunt, 1, { now: new Date(RUN_NOW), trigger: 'cli' });
    await backend.close();
    runId = run!.id;
  });

  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads a finding’s events with the run’s own now, days later, and one event’s full document', async () => {
    const miner = PLANTED.find((p) => p.name === 'kworkerds')!;
    const { status, body } = await post<EventsResponse>(runEventsRoute, String(runId), { key: ['kworkerds'] });
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.result.values).toHaveLength(miner.count);
    expect(body.params).toEqual([{ _now1: RUN_NOW }, { k1: 'kworkerds' }]);
    expect(body.window.description).toContain(`run #${runId} (now = ${RUN_NOW})`);
    const at = body.result.columns.findIndex((c) => c.name === 'event.id');
    const one = await post<EventResponse>(runEventRoute, String(runId), { key: ['kworkerds'], eventId: body.result.values[0][at] });
    expect(one.status).toBe(200);
    expect(one.body.ok && one.body.result.values).toHaveLength(1);
  });

  it('narrows a finding’s events by its filters, as params, and refuses a field the events lack', async () => {
    const miner = PLANTED.find((p) => p.name === 'kworkerds')!;
    const ip = miner.destinations[0].ip;
    const out = await post<EventsResponse>(runEventsRoute, String(runId), { key: ['kworkerds'], filters: [{ field: 'destination.ip', value: ip, negate: true }] });
    if (!out.body.ok) throw new Error(out.body.error.message);
    expect(out.body.result.values).toHaveLength(0);
    expect(out.body.params).toContainEqual({ f1: ip });
    const kept = await post<EventsResponse>(runEventsRoute, String(runId), { key: ['kworkerds'], filters: [{ field: 'destination.ip', value: ip, negate: false }] });
    expect(kept.body.ok && kept.body.result.values).toHaveLength(miner.count);
    expect((await post<EventsResponse>(runEventsRoute, String(runId), { key: ['kworkerds'], filters: [{ field: 'nope', value: 1, negate: false }] })).status).toBe(400);
  });

  it('answers a missing run 404, a bad body 400', async () => {
    expect((await post<EventsResponse>(runEventsRoute, '999', { key: ['kworkerds'] })).status).toBe(404);
    expect((await post<EventsResponse>(runEventsRoute, 'x', { key: ['kworkerds'] })).status).toBe(404);
    expect((await post<EventsResponse>(runEventsRoute, String(runId), { key: [] })).status).toBe(400);
    expect((await post<EventsResponse>(runEventsRoute, String(runId), { key: ['kworkerds'], window: { id: '24h' } })).status).toBe(400);
  });
});
