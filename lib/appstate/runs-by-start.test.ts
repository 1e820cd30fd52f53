/** Reads of runs by their start and identity: what a week's export and a bundle's baselines ask. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppState } from './db';
import type { AppDatabase } from './database';
import { queryHash, runIdsStartedIn, runsNotHeld, saveRun, type NewRun } from './runs';

let dir: string;
let db: AppDatabase;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-runs-by-start-'));
  db = openAppState(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY host.name';
const run = (startedAt: string): NewRun => ({
  huntId: 'h',
  queryNumber: 1,
  queryText: TEXT,
  params: [],
  window: { id: '7d' },
  backend: { kind: 'embedded', label: 'test' },
  trigger: 'cli',
  startedAt,
  durationMs: 1,
  status: 'failed',
  error: { kind: 'internal', message: 'not needed here' },
});

describe('runIdsStartedIn', () => {
  it('holds [from, to): the start instant in, the end instant out, oldest first and by id at a tie', () => {
    const late = saveRun(db, run('2026-01-11T00:00:00.000Z')).id;
    const atStart = saveRun(db, run('2026-01-05T00:00:00.000Z')).id;
    const tie = saveRun(db, run('2026-01-05T00:00:00.000Z')).id;
    saveRun(db, run('2026-01-12T00:00:00.000Z'));
    saveRun(db, run('2026-01-04T23:59:59.999Z'));
    expect(runIdsStartedIn(db, '2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z')).toEqual([atStart, tie, late]);
    expect(runIdsStartedIn(db, '2026-02-01T00:00:00.000Z', '2026-02-08T00:00:00.000Z')).toEqual([]);
  });
});

describe('runsNotHeld', () => {
  it('keeps the runs held under no run with the same id, query hash and start', () => {
    const saved = saveRun(db, run('2026-01-05T00:00:00.000Z'));
    const same = { id: saved.id, queryHash: queryHash(TEXT), startedAt: saved.startedAt };
    const otherText = { ...same, queryHash: queryHash(`${TEXT} | LIMIT 1`) };
    const otherStart = { ...same, startedAt: '2026-01-06T00:00:00.000Z' };
    const otherId = { ...same, id: saved.id + 1 };
    expect(runsNotHeld(db, [same, otherText, otherStart, otherId])).toEqual([otherText, otherStart, otherId]);
  });
});
