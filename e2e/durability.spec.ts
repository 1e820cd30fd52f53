import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { rawWriteHeaders } from './support/csrf';
import { startSecondServer, type SecondServer } from './support/second-server';

/**
 * A restart loses no committed state, even when the server is killed with SIGKILL in the middle
 * of triage writes: every write the server answered 200 to is there after the restart, with its
 * history, and the app state passes its integrity check (the reopen would fail otherwise).
 */
const PORT = 3111;
const BASE = `http://127.0.0.1:${PORT}`;
const ENV = { HUNTBOARD_USER: 'durable-dana' };

const finding = (i: number) => ({ huntId: 'durability', queryNumber: 1, findingKey: JSON.stringify([`proc-${i}`]) });

async function write(i: number, version: number): Promise<boolean> {
  const response = await fetch(`${BASE}/api/triage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...rawWriteHeaders(BASE) },
    body: JSON.stringify({ ...finding(i), expectedVersion: version, status: version % 2 === 0 ? 'investigating' : 'suspicious', note: `write ${version + 1}` }),
  });
  return response.status === 200;
}

test('kill -9 during triage writes: every acknowledged write survives the restart', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-durability-'));
  let server: SecondServer | undefined = await startSecondServer(PORT, dataDir, ENV);
  try {
    // Eight findings written concurrently, each version after version, until the kill.
    const acknowledged = new Map<number, number>();
    let killed = false;
    let failure: Error | undefined;
    const writer = async (i: number) => {
      for (let version = 0; !killed && !failure; version++) {
        try {
          if (!(await write(i, version))) throw new Error(`write ${i}@${version} refused`);
          acknowledged.set(i, version + 1);
        } catch (e) {
          if (!killed) failure = e as Error;
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, i) => writer(i));
    while (!failure && [...acknowledged.values()].reduce((a, b) => a + b, 0) < 200) await new Promise((r) => setTimeout(r, 5));
    if (failure) throw failure;
    killed = true;
    server.process.kill('SIGKILL');
    await Promise.all(writers);
    await server.exited;

    server = await startSecondServer(PORT, dataDir, ENV);
    let total = 0;
    for (const [i, versions] of acknowledged) {
      const query = new URLSearchParams({ hunt: 'durability', query: '1', key: finding(i).findingKey });
      const body = (await (await fetch(`${BASE}/api/triage?${query}`)).json()) as { state: { version: number; updatedBy: string }; history: { note: string }[] };
      // The write in flight at the kill may or may not have committed; nothing acknowledged is missing.
      expect(body.state.version).toBeGreaterThanOrEqual(versions);
      expect(body.state.version).toBeLessThanOrEqual(versions + 1);
      expect(body.history).toHaveLength(body.state.version);
      expect(body.history.slice(0, versions).map((h) => h.note)).toEqual(Array.from({ length: versions }, (_, v) => `write ${v + 1}`));
      expect(body.state.updatedBy).toBe('durable-dana');
      total += versions;
    }
    expect(total).toBeGreaterThanOrEqual(200);
    test.info().annotations.push({ type: 'acknowledged writes', description: String(total) });
  } finally {
    server?.process.kill('SIGKILL');
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
