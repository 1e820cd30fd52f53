/**
 * A week exported from a Huntboard with data (the embedded engine over a demo store) and imported
 * into an empty one: the same runs, rows, triage and events; bad files change nothing.
 */
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../appstate/database';
import { getRun, listRuns } from '../appstate/runs';
import { getTriage, triageHistory, updateTriage } from '../appstate/triage';
import type { Backend } from '../backends/types';
import { findingKeysOf } from '../review/diff';
import { runEvents } from '../hunts/run/events';
import { prepareHuntQuery } from '../hunts/run/prepare';
import { exportWeek } from './export';
import { decodeBundle, encodeBundle, type Bundle } from './format';
import { importBundle } from './import-thread';
import { bundleEvents, bundleOfRun, listBundles } from './imported';
import { demoWeek, NOW, openWithBundles, tempDir, WEEK, type DemoWeek } from './testing/fixture';

const IMPORTED_AT = new Date('2026-01-09T09:00:00.000Z');

function counts(db: AppDatabase) {
  const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { runs: n('runs'), bundles: n('bundles'), events: n('bundle_events'), triage: n('triage'), history: n('triage_history') };
}

describe('bundle export and import', () => {
  let src: DemoWeek;
  let bundle: Bundle;
  let bytes: Buffer;
  let dest: { dir: string; db: AppDatabase };
  let triagedKey: string;

  beforeAll(async () => {
    src = await demoWeek();
    const run = getRun(src.db, src.runIds[0])!;
    if (run.status !== 'ok') throw new Error('the seed run failed');
    triagedKey = [...findingKeysOf(run)][0]!;
    const ref = { huntId: run.huntId, queryNumber: run.queryNumber, findingKey: triagedKey };
    updateTriage(src.db, ref, { expectedVersion: 0, status: 'investigating', assignee: 'ana', who: 'ana', at: '2026-01-08T13:00:00.000Z' });
    updateTriage(src.db, ref, { expectedVersion: 1, status: 'suspicious', note: 'talks to <b>=cmd|', who: 'lee', at: '2026-01-08T14:00:00.000Z' });
    bundle = await exportWeek(src.db, src.backend, WEEK, NOW);
    bytes = encodeBundle(bundle);
    const dir = tempDir('bundle-dest');
    dest = { dir, db: openWithBundles(dir) };
  }, 120_000);

  afterAll(async () => {
    dest.db.close();
    rmSync(dest.dir, { recursive: true, force: true });
    await src.cleanup();
  });

  it('exports the week’s runs only, every finding’s events exactly as the drill-down reads them, and the triage', async () => {
    expect(bundle.runs.map((r) => r.id)).toEqual(src.runIds);
    expect(bundle.source.backendLabel).toContain('embedded');
    const run = getRun(src.db, src.runIds[0])!;
    if (run.status !== 'ok') throw new Error('unreachable');
    const keys = [...findingKeysOf(run)];
    const mine = bundle.events.filter((e) => e.runId === run.id);
    expect(mine.map((e) => e.findingKey).sort()).toEqual(keys.sort());
    const first = mine.find((e) => e.findingKey === triagedKey)!;
    if ('error' in first) throw new Error(first.error);
    expect(first.values.length).toBeGreaterThan(0);
    // The drill-down page's own answer for the same finding and the run's window.
    const prepared = prepareHuntQuery(src.hunt, 1, { window: { id: 'custom', from: run.window.from!, to: run.window.to! }, now: NOW });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const page = await runEvents(src.backend, prepared.prepared, JSON.parse(triagedKey), undefined, NOW);
    if (!page.ok) throw new Error(page.error.message);
    expect(first.values).toEqual(page.result.values);
    expect(first.columns).toEqual(page.result.columns);
    expect(bundle.triage).toHaveLength(1);
    expect(bundle.triage[0]).toMatchObject({ findingKey: triagedKey, status: 'suspicious', version: 2, updatedBy: 'lee' });
    expect(bundle.history.map((h) => h.toStatus)).toEqual(['investigating', 'suspicious']);
  });

  it('round-trips through the file format', () => {
    const decoded = decodeBundle(bytes);
    expect(decoded).toEqual({ ok: true, bundle });
  });

  it('imports into an empty state: same runs, rows, triage and events, runs marked with their bundle', async () => {
    const result = await importBundle(dest.db, bytes, { fileName: 'huntboard-week-2026-01-05.huntboard.gz', who: 'lead-lee', now: IMPORTED_AT });
    if (!result.ok) throw new Error(result.message);
    const { summary } = result;
    expect(summary.runs).toHaveLength(2);
    // Into an empty state the runs keep the numbers the source's team knows them by.
    expect(summary.runs.map((r) => r.runId)).toEqual(summary.runs.map((r) => r.bundleRunId));
    expect(summary.triage).toEqual({ inserted: 1, updated: 0, kept: 0, historyAdded: 2 });
    for (const { bundleRunId, runId } of summary.runs) {
      const original = getRun(src.db, bundleRunId)!;
      const copy = getRun(dest.db, runId)!;
      expect({ ...copy, id: 0 }).toEqual({ ...original, id: 0 });
      expect(bundleOfRun(dest.db, runId)).toMatchObject({ id: summary.bundleId, importedBy: 'lead-lee', sourceLabel: bundle.source.backendLabel, week: { start: WEEK.from, end: WEEK.to } });
      for (const e of bundle.events.filter((x) => x.runId === bundleRunId)) {
        const saved = bundleEvents(dest.db, runId, e.findingKey);
        expect(saved).toEqual('error' in e ? { kind: 'error', message: e.error } : { kind: 'events', columns: e.columns, values: e.values, truncated: e.truncated });
      }
    }
    const ref = { huntId: src.hunt.id, queryNumber: 1, findingKey: triagedKey };
    expect(getTriage(dest.db, ref)).toEqual(getTriage(src.db, ref));
    expect(triageHistory(dest.db, ref)).toEqual(triageHistory(src.db, ref));
    // The bundle brought the week's runs and the earlier run their diffs compare with.
    expect(listBundles(dest.db)).toEqual([expect.objectContaining({ id: summary.bundleId, runIds: [...bundle.baselines.map((r) => r.id), ...summary.runs.map((r) => r.runId)] })]);
    expect(summary.events.rows).toBe(bundle.events.reduce((n, e) => n + ('values' in e ? e.values.length : 0), 0));
  });

  it('refuses the same file twice and changes nothing', async () => {
    const before = counts(dest.db);
    const again = await importBundle(dest.db, bytes, { fileName: 'renamed.gz', who: 'x', now: IMPORTED_AT });
    expect(again).toEqual({ ok: false, reason: 'duplicate', message: expect.stringContaining(`already imported on ${IMPORTED_AT.toISOString()}`) });
    expect(counts(dest.db)).toEqual(before);
  });

  it('refuses corrupt, truncated, oversized, foreign and inconsistent files with a clear message and changes nothing', async () => {
    const before = counts(dest.db);
    const other = { ...bundle, exportedAt: '2026-01-10T00:00:00.000Z' };
    const cases: [Uint8Array, RegExp, number?][] = [
      [Buffer.from('not a bundle at all'), /not gzip-compressed/],
      [bytes.subarray(0, Math.floor(bytes.length / 2)), /not gzip|not JSON|truncated/],
      [gzipSync('{"format":"something-else"}'), /not a Huntboard bundle/],
      [gzipSync(JSON.stringify({ ...other, version: 3 })), /version 3/],
      [gzipSync(JSON.stringify({ ...other, runs: [{ id: 'x' }] })), /damaged: runs\.0/],
      [gzipSync(JSON.stringify({ ...other, events: [{ runId: 999_999, findingKey: '["x"]', error: 'e' }] })), /run 999999/],
      [encodeBundle(other), /larger than 0 MB/, 1000],
    ];
    for (const [file, message, max] of cases) {
      const result = await importBundle(dest.db, file, { fileName: 'bad.gz', who: 'x', now: IMPORTED_AT, ...(max ? { maxUncompressed: max } : {}) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    expect(counts(dest.db)).toEqual(before);
  });

  it('rolls back everything when a write fails half way (runs already written are undone)', async () => {
    const before = counts(dest.db);
    dest.db.exec("CREATE TRIGGER refuse_events BEFORE INSERT ON bundle_events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    try {
      const failed = await importBundle(dest.db, encodeBundle({ ...bundle, exportedAt: '2026-01-12T00:00:00.000Z' }), { fileName: 'c.gz', who: 'x', now: IMPORTED_AT });
      expect(failed).toEqual({ ok: false, reason: 'invalid', message: expect.stringContaining('nothing was changed') });
      expect(counts(dest.db)).toEqual(before);
    } finally {
      dest.db.exec('DROP TRIGGER IF EXISTS refuse_events');
    }
  });

  it('keeps a finding’s error in the bundle when its events query fails, instead of failing the export', async () => {
    const failing: Backend = {
      kind: src.backend.kind,
      describe: () => src.backend.describe(),
      close: async () => undefined,
      query: async (request) =>
        /SORT @timestamp DESC/i.test(request.query) ? { ok: false, error: { kind: 'server', message: 'shard failure <script>' } } : src.backend.query(request),
    };
    const partial = await exportWeek(src.db, failing, WEEK, NOW);
    expect(partial.runs).toHaveLength(2);
    expect(partial.events.length).toBe(bundle.events.length);
    expect(partial.events.every((e) => 'error' in e && e.error === 'shard failure <script>')).toBe(true);
  });

  it('stops querying when the caller gave up (the download was cancelled)', async () => {
    const queries: string[] = [];
    const counting: Backend = { ...src.backend, kind: src.backend.kind, describe: () => src.backend.describe(), close: async () => undefined, query: async (r) => (queries.push(r.query), src.backend.query(r)) };
    const controller = new AbortController();
    controller.abort();
    await expect(exportWeek(src.db, counting, WEEK, NOW, { signal: controller.signal })).rejects.toThrow();
    expect(queries).toEqual([]);
  });

  it('an empty week exports an empty bundle that imports as such', async () => {
    const empty = await exportWeek(src.db, src.backend, { monday: '2020-01-06', from: '2020-01-06T00:00:00.000Z', to: '2020-01-13T00:00:00.000Z' }, NOW);
    expect(empty.runs).toEqual([]);
    const dir = tempDir('bundle-empty');
    const db = openWithBundles(dir);
    try {
      const result = await importBundle(db, encodeBundle(empty), { fileName: 'e.gz', who: 'x', now: IMPORTED_AT });
      expect(result.ok && result.summary.runs).toEqual([]);
      expect(listRuns(db)).toEqual([]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
