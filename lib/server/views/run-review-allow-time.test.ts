import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAllowEntry } from '../../appstate/allow-list';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { seedWeeks } from '../../review/testing/week';

// A run's review judges it by the allow-list entries in force at the run's start.
const state = vi.hoisted(() => ({ db: undefined as AppDatabase | undefined }));
vi.mock('../process/app-state', () => ({
  serverAppState: () => {
    if (!state.db) throw new Error('no test state');
    return state.db;
  },
}));

const { reviewRun } = await import('./run-review');
const saved = { ...process.env };

describe('a run’s review and the allow-list over time', () => {
  let dir: string;
  let ids: number[];
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-review-allow-time-'));
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_NOW: '2026-11-29T04:45:00Z', HUNTBOARD_HUNTS_DIR: '' };
    delete process.env.ELASTICSEARCH_URL;
    delete process.env.ELASTICSEARCH_CLOUD_ID;
    state.db = openAppState(path.join(dir, 'state'));
    ({ ids } = seedWeeks(state.db));
  });
  afterAll(() => {
    process.env = saved;
    state.db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides a finding only in runs started once the entry was in force, and counts it there', async () => {
    // Runs of query 1: ids[1] started 11-23 06:00 and ids[2] 11-25 10:00; both list sshd.
    const entry = addAllowEntry(state.db!, { processName: 'sshd', agentId: null, huntId: null, owner: 'ana', reason: 'known', createdAt: '2026-11-24T00:00:00.000Z', expiresAt: '2026-12-20T00:00:00.000Z' });
    expect(entry.ok).toBe(true);
    const before = (await reviewRun(ids[1]))!;
    const after = (await reviewRun(ids[2]))!;
    expect(before.counts.hidden).toBe(0);
    expect(before.findings.map((f) => f.processName)).toContain('sshd');
    expect(after.counts.hidden).toBe(1);
    expect(after.findings.map((f) => f.processName)).not.toContain('sshd');
    expect(after.suppressed.map((s) => s.finding.processName)).toEqual(['sshd']);
  });
});
