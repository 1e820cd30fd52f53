/**
 * Fault (issue 5): a cluster that answers `is_partial: true` (shards failed or timed out). The hunt
 * run API must pass it on — the page marks the table "partial result" — rather than present an
 * incomplete table as the whole answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveRunResponse } from '../../model/api';
import { getRun } from '../../appstate/runs';
import { resetBackend } from '../../backends';
import { serverAppState } from '../process/app-state';
import { startFakeElasticsearch, type FakeElasticsearch } from '../../backends/testing/fake-elasticsearch';
import { runRoute, saveRoute } from './hunts';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const HUNT = 'low_volume_external_network_connections_from_process';
const KEY = 'partial-test-key';
const saved = { ...process.env };
const COLUMNS = [
  { name: 'connection_count', type: 'long' },
  { name: 'unique_agent_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
];

async function run(route: typeof runRoute = runRoute): Promise<{ status: number; body: SaveRunResponse }> {
  const response = await route(new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: '{}' }), { params: Promise.resolve({ id: HUNT, n: '1' }) });
  return { status: response.status, body: (await response.json()) as SaveRunResponse };
}

describe('a partial answer from the cluster', () => {
  let fake: FakeElasticsearch;
  let dir: string;
  let partial = true;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-partial-'));
    fake = await startFakeElasticsearch({ apiKey: KEY, handler: () => ({ columns: COLUMNS, values: [[1, 1, 'kworkerds']], is_partial: partial }) });
    await resetBackend();
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, ELASTICSEARCH_URL: fake.url, ELASTICSEARCH_API_KEY: KEY, ELASTICSEARCH_REQUEST_TIMEOUT_MS: '2000', HUNTBOARD_QUERY_TIMEOUT_MS: '3000' };
    delete process.env.ELASTICSEARCH_CLOUD_ID;
  });

  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is answered 200 with is_partial true, the rows it has, and saved as partial', async () => {
    const { status, body } = await run();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, result: { is_partial: true, values: [[1, 1, 'kworkerds']] } });
    // The weekly review reads saved runs ("Save as run"): the flag must survive there too.
    const saved = await run(saveRoute);
    expect(saved.body).toMatchObject({ ok: true, result: { is_partial: true } });
    const savedRun = saved.body.ok ? saved.body.savedRun : undefined;
    expect(savedRun).toBeTypeOf('number');
    expect(getRun(serverAppState(), savedRun ?? -1)).toMatchObject({ isPartial: true });
  });

  it('a complete answer is not marked partial', async () => {
    partial = false;
    const { body } = await run();
    expect(body).toMatchObject({ ok: true, result: { is_partial: false } });
  });
});
