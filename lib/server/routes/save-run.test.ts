/**
 * Runs of record (issue 14): viewing a hunt query (…/run) saves nothing, whoever views it and
 * however often; "Save as run" (…/save) records exactly one review run, for an analyst or a lead
 * only, and only from Huntboard's own page (CSRF). On a server with accounts, as Next.js calls the routes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResponse, SaveRunResponse } from '../../model/api';
import { getRun } from '../../appstate/runs';
import { resetBackend } from '../../backends';
import { expectedFindings, writeDemo } from '../../demo';
import { openStore } from '../../store';
import { SESSION_COOKIE } from '../../auth/cookies';
import { resetAccessForTests } from '../../auth/server-access';
import { createSession } from '../../auth/sessions';
import { addUser } from '../../auth/users';
import { serverAppState } from '../process/app-state';
import { runRoute, saveRoute } from './hunts';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const saved = { ...process.env };
const sessions: Record<'viewer' | 'analyst', string> = { viewer: '', analyst: '' };

function call(route: typeof runRoute, as: 'viewer' | 'analyst', body: unknown, headers: Record<string, string> = writeHeaders(), n = '1') {
  const cookie = `${headers.cookie ?? ''}; ${SESSION_COOKIE}=${sessions[as]}`;
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify(body) });
  return route(request, { params: Promise.resolve({ id: HUNT, n }) });
}

const runCount = () => serverAppState().prepare('SELECT COUNT(*) FROM runs').pluck().get() as number;

describe('runs of record: viewing saves nothing, "Save as run" saves one', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-save-run-'));
    await writeDemo(openStore(dataDir), { now: new Date(NOW), scale: 0.05, weeks: 2 });
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_') || k.startsWith('HUNTBOARD_AUTH_')) delete process.env[k];
    process.env.HUNTBOARD_DATA_DIR = dataDir;
    process.env.HUNTBOARD_NOW = NOW;
    process.env.HUNTBOARD_HUNTS_DIR = '';
    const db = serverAppState();
    for (const role of ['viewer', 'analyst'] as const) {
      await addUser(db, { username: `${role}-1`, role, password: 'correct horse battery' }, new Date(NOW));
      sessions[role] = createSession(db, `${role}-1`, new Date(NOW)).token;
    }
    // A server started now, with accounts: the access decision is made again from them.
    resetAccessForTests();
  });

  afterAll(async () => {
    resetAccessForTests();
    await resetBackend();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the run route answers the result and saves nothing: five views, tabs and windows, by a viewer and an analyst', async () => {
    const before = runCount();
    const views: [string, unknown][] = [
      ['1', {}],
      ['2', {}],
      ['1', { window: { id: '24h' } }],
      ['1', { variant: 'limit-before-sort' }],
      ['2', { window: { id: 'custom', from: '2025-12-25', to: '2026-01-01' } }],
    ];
    for (const as of ['viewer', 'analyst'] as const) {
      for (const [n, body] of views) {
        const response = await call(runRoute, as, body, writeHeaders(), n);
        expect(response.status).toBe(200);
        const answer = (await response.json()) as RunResponse & { savedRun?: unknown; notSaved?: unknown };
        expect(answer.ok).toBe(true);
        expect(answer).not.toHaveProperty('savedRun');
        expect(answer).not.toHaveProperty('notSaved');
      }
    }
    expect(runCount()).toBe(before);
  });

  it('a viewer may not save a run: 403 with the refusal, nothing saved', async () => {
    const before = runCount();
    const response = await call(saveRoute, 'viewer', {});
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: { kind: 'forbidden', message: 'Your role (viewer) cannot save runs for the review.' } });
    expect(runCount()).toBe(before);
  });

  it('a save without the CSRF token is refused before anything runs', async () => {
    const before = runCount();
    const response = await call(saveRoute, 'analyst', {}, { ...writeHeaders(), 'x-huntboard-csrf': '' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(runCount()).toBe(before);
  });

  it('an analyst’s save records exactly one run of the view the page shows, trigger page', async () => {
    const before = runCount();
    const body = { window: { id: 'custom', from: '2026-01-01T12:00:00Z', to: '2026-01-08T12:00:00Z' } };
    const response = await call(saveRoute, 'analyst', body, writeHeaders(), '2');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as SaveRunResponse;
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.notSaved).toBeUndefined();
    // What is saved is what the page shows for the same view.
    const viewed = (await (await call(runRoute, 'analyst', body, writeHeaders(), '2')).json()) as RunResponse;
    if (!viewed.ok) throw new Error(viewed.error.message);
    expect(answer.result.values).toEqual(viewed.result.values);
    expect(answer.result.values.map((r) => r[2])).toEqual(expect.arrayContaining(expectedFindings('rootOnly')));
    expect(runCount()).toBe(before + 1);
    expect(getRun(serverAppState(), answer.savedRun!)).toMatchObject({ values: viewed.result.values });
    expect(getRun(serverAppState(), answer.savedRun!)).toMatchObject({
      trigger: 'page',
      huntId: HUNT,
      queryNumber: 2,
      status: 'ok',
      params: [{ _tstart: '2026-01-01T12:00:00.000Z' }, { _tend: '2026-01-08T12:00:00.000Z' }],
      rowCount: answer.result.values.length,
      window: { id: 'custom', from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' },
    });
  });

  it('a save that cannot run answers the error and saves nothing', async () => {
    const before = runCount();
    const missing = await call(saveRoute, 'analyst', {}, writeHeaders(), '9');
    expect(missing.status).toBe(404);
    const invalid = await call(saveRoute, 'analyst', { window: { id: 'custom', from: '2026-01-02', to: '2026-01-01' } });
    expect(invalid.status).toBe(400);
    expect(runCount()).toBe(before);
  });
});
