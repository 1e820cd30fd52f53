import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHeaders } from '../testing/write-headers';
import type { TriageResponse } from '../../model/api';
import { getTriageRoute, postTriageRoute } from './triage';

const saved = { ...process.env };
const finding = { huntId: 'seed', queryNumber: 1, findingKey: '["kworkerds"]' };
const post = (body: unknown, origin: string | null = 'http://127.0.0.1:3000') =>
  postTriageRoute(
    new Request('http://127.0.0.1:3000/api/triage', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...writeHeaders(origin) },
    }),
  );

describe('triage API', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-triage-api-'));
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_USER: 'alice' };
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads, writes with the version read, and answers a stale write with 409 and the newer state', async () => {
    const url = `http://127.0.0.1:3000/api/triage?hunt=seed&query=1&key=${encodeURIComponent(finding.findingKey)}`;
    const first = (await (await getTriageRoute(new Request(url))).json()) as TriageResponse;
    expect(first).toMatchObject({ ok: true, state: { status: 'new', version: 0 }, history: [] });
    const write = await post({ ...finding, expectedVersion: 0, status: 'investigating', assignee: 'alice', note: 'looks like a miner' });
    expect(write.status).toBe(200);
    expect(await write.json()).toMatchObject({ ok: true, state: { status: 'investigating', version: 1, updatedBy: 'alice' }, history: [{ toStatus: 'investigating', note: 'looks like a miner' }] });
    const stale = await post({ ...finding, expectedVersion: 0, status: 'benign' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ ok: false, conflict: true, state: { status: 'investigating', version: 1 } });
  });

  it('refuses cross-origin writes and bad input', async () => {
    expect((await post({ ...finding, expectedVersion: 1, status: 'benign' }, 'http://evil.example')).status).toBe(403);
    expect((await post({ ...finding, expectedVersion: 1, status: 'benign' }, null)).status).toBe(403);
    expect((await post({ ...finding, expectedVersion: 1, status: 'closed' })).status).toBe(400);
    expect((await post({ ...finding, expectedVersion: 1, status: 'new' })).status).toBe(400);
    expect((await post({ ...finding, expectedVersion: -1 })).status).toBe(400);
    expect((await getTriageRoute(new Request('http://127.0.0.1:3000/api/triage?hunt=seed'))).status).toBe(400);
  });
  it('shares a finding’s triage across the seed hunt’s queries with the same keys: set under “All users”, read and changed under “Root only”', async () => {
    const seed = 'low_volume_external_network_connections_from_process';
    const key = '["shared-proc"]';
    const read = async (query: number) =>
      (await (await getTriageRoute(new Request(`http://127.0.0.1:3000/api/triage?hunt=${seed}&query=${query}&key=${encodeURIComponent(key)}`))).json()) as TriageResponse;
    const first = await post({ huntId: seed, queryNumber: 1, findingKey: key, expectedVersion: 0, status: 'escalated', note: 'C2 beacon' });
    expect(first.status).toBe(200);
    const underRoot = await read(2);
    expect(underRoot).toMatchObject({ ok: true, state: { status: 'escalated', version: 1 }, history: [{ toStatus: 'escalated', note: 'C2 beacon' }] });
    expect(underRoot.ok && underRoot.sharedBy).toEqual([{ queryNumber: 1, label: 'All users' }, { queryNumber: 2, label: 'Root only' }]);
    // One state, one version: a write under query 2 against version 1 lands, and query 1 reads it.
    expect((await post({ huntId: seed, queryNumber: 2, findingKey: key, expectedVersion: 1, status: 'benign' })).status).toBe(200);
    expect(await read(1)).toMatchObject({ ok: true, state: { status: 'benign', version: 2 } });
    expect((await post({ huntId: seed, queryNumber: 2, findingKey: key, expectedVersion: 1, status: 'suspicious' })).status).toBe(409);
  });
});
