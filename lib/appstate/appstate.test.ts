import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppStateError, migrate, openAppState } from './db';
import type { AppDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { earlierRuns, getRun, lastRunAt, listRuns, queryHash, saveRun, type NewRun } from './runs';

let dir: string;
let db: AppDatabase | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-appstate-'));
});
afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const run = (over: Partial<NewRun> = {}): NewRun =>
  ({
    huntId: 'seed',
    queryNumber: 1,
    queryText: 'FROM logs-* | STATS c = COUNT(*) BY process.name',
    params: [{ _tstart: '2026-01-01T00:00:00.000Z' }],
    window: { id: '7d', from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' },
    backend: { kind: 'embedded', label: '/data' },
    trigger: 'cli',
    startedAt: '2026-01-08T12:00:00.000Z',
    durationMs: 12.5,
    status: 'ok',
    columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }],
    values: [[1, '<img src=x onerror=alert(1)>'], [2, '\u202Egnp.sh']],
    warnings: ['No limit defined, adding default limit of [1000]'],
    truncated: false,
    isPartial: false,
    ...over,
  }) as NewRun;

describe('app state', () => {
  it('applies the migrations once and records them', () => {
    db = openAppState(dir);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
    db = openAppState(dir);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('applies a later migration to an existing file and refuses a file from a newer Huntboard', () => {
    db = openAppState(dir);
    saveRun(db, run());
    const next = [...MIGRATIONS, { version: 99, name: 'test column', sql: 'ALTER TABLE runs ADD COLUMN note TEXT' }];
    expect(migrate(db, next)).toBe(99);
    expect(listRuns(db)).toHaveLength(1);
    expect(() => migrate(db!, MIGRATIONS)).toThrow(AppStateError);
    expect(() => migrate(db!, MIGRATIONS)).toThrow(/schema version 99, newer than this Huntboard knows/);
  });

  it('keeps a run exactly: text and its hash, params, bounds, backend, rows with hostile values, warnings', () => {
    db = openAppState(dir);
    const saved = saveRun(db, run());
    expect(saved.queryHash).toBe(queryHash(run().queryText));
    expect(saved.rowCount).toBe(2);
    expect(getRun(db, saved.id)).toEqual(saved);
    const failed = saveRun(db, run({ status: 'failed', error: { kind: 'unknown_index', message: 'line 1:6: Unknown index [x]' }, startedAt: '2026-01-09T00:00:00.000Z' } as Partial<NewRun>));
    expect(getRun(db, failed.id)).toMatchObject({ status: 'failed', rowCount: 0, error: { kind: 'unknown_index' } });
    expect(listRuns(db).map((r) => r.id)).toEqual([failed.id, saved.id]);
    expect(listRuns(db, { huntId: 'other' })).toEqual([]);
  });

  it('finds the previous successful run of the same query text', () => {
    db = openAppState(dir);
    const week1 = saveRun(db, run({ startedAt: '2026-01-01T06:00:00.000Z' }));
    saveRun(db, run({ startedAt: '2026-01-05T06:00:00.000Z', queryText: 'FROM other' }));
    saveRun(db, run({ startedAt: '2026-01-06T06:00:00.000Z', status: 'failed', error: { kind: 'timeout', message: 'slow' } } as Partial<NewRun>));
    const week2 = saveRun(db, run({ startedAt: '2026-01-08T06:00:00.000Z' }));
    expect(earlierRuns(db, week2, 10).map((r) => r.id)).toEqual([week1.id]);
    expect(earlierRuns(db, week1, 10)).toEqual([]);
    expect(lastRunAt(db, 'cli')?.toISOString()).toBe('2026-01-08T06:00:00.000Z');
    expect(lastRunAt(db, 'schedule')).toBeUndefined();
  });

  it('loses no acknowledged run when the writer is killed with SIGKILL mid-write', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing', 'kill-during-write.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: number[] = [];
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line) acknowledged.push(Number(line));
        if (acknowledged.length >= 20 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    db = openAppState(dir);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(listRuns(db, { limit: 100_000 }).map((r) => r.id));
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
    expect(getRun(db, acknowledged[acknowledged.length - 1])).toMatchObject({ status: 'ok', rowCount: 2000 });
  });
});
