/**
 * The server's import runs off the request thread: a big bundle leaves the event loop answering,
 * a failure half way changes nothing, a killed import leaves nothing behind, the file name is a
 * display name, and the limits reach the caller as a message.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppState } from '../appstate/db';
import type { AppDatabase } from '../appstate/database';
import { bigBundleBytes } from './testing/big-bundle';
import { longestStall } from './testing/stall';
import { importBundle } from './import-thread';
import { listBundles } from './imported';
import { tempDir } from './testing/fixture';

const NOW = new Date('2026-01-09T09:00:00.000Z');
let dir: string | undefined;
let db: AppDatabase | undefined;

function fresh(): AppDatabase {
  dir = tempDir('bundle-thread');
  db = openAppState(dir);
  return db;
}

afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
});

function counts(state: AppDatabase) {
  const n = (table: string) => (state.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { runs: n('runs'), bundles: n('bundles'), events: n('bundle_events'), triage: n('triage'), history: n('triage_history') };
}


describe('importing off the request thread', () => {
  it('imports 200,000 findings and 20,000 triaged ones while the event loop keeps answering (longest stall < 250 ms)', async () => {
    const state = fresh();
    const bytes = bigBundleBytes({ findings: 200_000, triage: 20_000, eventFindings: 5_000, tag: 'big' });
    const { value: result, stallMs } = await longestStall(() => importBundle(state, bytes, { fileName: 'big.gz', who: 'lead', now: NOW }));
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.triage).toEqual({ inserted: 20_000, updated: 0, kept: 0, historyAdded: 20_000 });
    expect(result.summary.events).toEqual({ findings: 5_000, rows: 5_000, failed: 0 });
    expect(counts(state)).toMatchObject({ runs: 1, bundles: 1, events: 5_000, triage: 20_000, history: 20_000 });
    expect(stallMs).toBeLessThan(250);
  }, 120_000);

  it('changes nothing when a write fails half way through the triage', async () => {
    const state = fresh();
    const before = counts(state);
    state.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON triage WHEN NEW.finding_key = '["proc-1500.exe","agent-45"]' BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const result = await importBundle(state, bigBundleBytes({ findings: 5_000, triage: 3_000, eventFindings: 100 }), { fileName: 'f.gz', who: 'x', now: NOW });
    expect(result).toEqual({ ok: false, reason: 'invalid', message: expect.stringMatching(/nothing was changed: disk says no/) });
    expect(counts(state)).toEqual(before);
  }, 60_000);

  it('refuses a bundle over a limit with the limit and the count, changing nothing', async () => {
    const state = fresh();
    const limits = { runs: 10, findingsPerRun: 1_000, eventFindings: 10, eventRows: 10, triage: 10, triageHistory: 10, allowEntries: 10 };
    const result = await importBundle(state, bigBundleBytes({ findings: 1_001 }), { fileName: 'l.gz', who: 'x', now: NOW, limits });
    expect(result).toEqual({ ok: false, reason: 'invalid', message: 'The bundle is too large to import: run 1 holds 1,001 findings; Huntboard imports at most 1,000 findings per run.' });
    expect(counts(state).bundles).toBe(0);
  });

  it('stores a display name, never the path or control characters it was uploaded with', async () => {
    const state = fresh();
    const result = await importBundle(state, bigBundleBytes({ findings: 3, tag: 'name' }), { fileName: '../../hostile\u001b[2J\u202E.gz', who: 'x', now: NOW });
    expect(result.ok && result.summary.fileName).toBe('hostile[2J.gz');
    expect(listBundles(state).map((b) => b.fileName)).toEqual(['hostile[2J.gz']);
  });

  it('imports on the calling thread when the worker cannot start', async () => {
    const state = fresh();
    const result = await importBundle(state, bigBundleBytes({ findings: 3, tag: 'fallback' }), { fileName: 'x.gz', who: 'x', now: NOW }, { workerFile: path.join(dir!, 'no-such-worker.mjs') });
    expect(result.ok).toBe(true);
    expect(counts(state).runs).toBe(1);
  });

  it('leaves nothing of an import killed (SIGKILL) while writing, and the app state opens cleanly after', async () => {
    dir = tempDir('bundle-kill');
    const wal = path.join(dir, 'huntboard.sqlite-wal');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing', 'import-kill.ts'), dir, '400000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Killed once rows are going into the WAL: mid-transaction.
    const started = Date.now();
    while (!(out.includes('importing') && existsSync(wal) && statSync(wal).size > 4 * 1024 * 1024)) {
      if (Date.now() - started > 60_000 || out.includes('finished')) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(out).not.toContain('finished');
    db = openAppState(dir);
    expect(counts(db)).toEqual({ runs: 0, bundles: 0, events: 0, triage: 0, history: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // What its pieces wrote is there, read by nothing, until the next import removes it.
    const rowsOf = (state: AppDatabase) => state.prepare('SELECT COUNT(*) FROM run_findings').pluck().get() as number;
    expect(rowsOf(db)).toBeGreaterThan(0);
    const next = await importBundle(db, bigBundleBytes({ findings: 10, tag: 'after the kill' }), { fileName: 'next.gz', who: 'x', now: NOW });
    expect(next.ok).toBe(true);
    expect(rowsOf(db)).toBe(10);
    expect(db.prepare('SELECT COUNT(*) FROM staged_runs').pluck().get()).toBe(0);
  }, 120_000);
});
