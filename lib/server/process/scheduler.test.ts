import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns } from '../../appstate/runs';
import { resetBackend } from '../../backends';
import { writeDemo } from '../../demo';
import { DEFAULT_SCHEDULE } from '../../review/schedule';
import { openStore } from '../../store';
import { serverAppState } from './app-state';
import { runScheduleIfDue } from './scheduler';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const saved = { ...process.env };

describe('the weekly schedule in the server', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-schedule-'));
    await writeDemo(openStore(dir), { now: NOW, scale: 0.02 });
    await resetBackend();
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_NOW: NOW.toISOString(), HUNTBOARD_HUNTS_DIR: '' };
    delete process.env.ELASTICSEARCH_URL;
    delete process.env.ELASTICSEARCH_CLOUD_ID;
  });
  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every hunt query once per slot, a missed slot at the next check', async () => {
    expect(await runScheduleIfDue(DEFAULT_SCHEDULE, NOW)).toBe(2);
    const runs = listRuns(serverAppState());
    expect(runs.map((r) => `${r.trigger}:${r.queryNumber}:${r.status}`).sort()).toEqual(['schedule:1:ok', 'schedule:2:ok']);
    // The same week: already done.
    expect(await runScheduleIfDue(DEFAULT_SCHEDULE, NOW)).toBe(0);
    // Runs start at the server's (pinned) now; a check a week later finds the next slot due.
    const nextWeek = new Date(NOW.getTime() + 7 * 864e5);
    expect(await runScheduleIfDue(DEFAULT_SCHEDULE, nextWeek)).toBe(2);
  });
});
