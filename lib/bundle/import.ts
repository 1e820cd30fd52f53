/**
 * Imports a bundle into the app state, all or nothing: the runs (with new local ids, marked with
 * their bundle), each finding's saved events, and the triage merged (lib/bundle/triage-merge).
 * The same file (by sha256) is imported once. Reads for the pages are in lib/bundle/imported.
 */
import type { AppDatabase } from '../appstate/db';
import { saveRun, type NewRun } from '../appstate/runs';
import { bundleDigest, decodeBundle, type Bundle, type BundleRun } from './format';
import { mergeTriage } from './triage-merge';

export interface ImportOptions {
  fileName: string;
  who: string;
  now: Date;
  maxUncompressed?: number;
}

export interface ImportSummary {
  bundleId: number;
  fileName: string;
  week: { start: string; end: string };
  sourceLabel: string;
  exportedAt: string;
  /** The bundle's run ids and the local ids they were given. */
  runs: { bundleRunId: number; runId: number; huntId: string; queryNumber: number; status: 'ok' | 'failed' }[];
  events: { findings: number; rows: number; failed: number };
  triage: { inserted: number; updated: number; kept: number; historyAdded: number };
}

export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; reason: 'invalid' | 'duplicate'; message: string };

/** What zod cannot see: references between the bundle's parts. */
function inconsistency(bundle: Bundle): string | undefined {
  const runIds = new Set<number>();
  for (const run of bundle.runs) {
    if (runIds.has(run.id)) return `run ${run.id} appears twice`;
    runIds.add(run.id);
  }
  const eventKeys = new Set<string>();
  for (const e of bundle.events) {
    if (!runIds.has(e.runId)) return `events of finding ${e.findingKey.slice(0, 80)} name run ${e.runId}, which the bundle does not hold`;
    const key = JSON.stringify([e.runId, e.findingKey]);
    if (eventKeys.has(key)) return `the events of finding ${e.findingKey.slice(0, 80)} of run ${e.runId} appear twice`;
    eventKeys.add(key);
  }
  const triaged = new Set<string>();
  for (const t of bundle.triage) {
    const key = JSON.stringify([t.huntId, t.queryNumber, t.findingKey]);
    if (triaged.has(key)) return `the triage of finding ${t.findingKey.slice(0, 80)} appears twice`;
    triaged.add(key);
  }
  return undefined;
}

function asNewRun(run: BundleRun): NewRun {
  const { id: _id, queryHash: _hash, rowCount: _rows, ...rest } = run;
  return rest;
}

function alreadyImported(db: AppDatabase, digest: string): { id: number; imported_at: string; file_name: string } | undefined {
  return db.prepare('SELECT id, imported_at, file_name FROM bundles WHERE file_sha256 = ?').get(digest) as { id: number; imported_at: string; file_name: string } | undefined;
}

function write(db: AppDatabase, bundle: Bundle, digest: string, options: ImportOptions): ImportSummary {
  const info = db
    .prepare(
      `INSERT INTO bundles (file_name, file_sha256, week_start, week_end, exported_at, source_label, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(options.fileName, digest, bundle.week.start, bundle.week.end, bundle.exportedAt, bundle.source.backendLabel, options.now.toISOString(), options.who);
  const bundleId = Number(info.lastInsertRowid);
  const mark = db.prepare('UPDATE runs SET bundle_id = ? WHERE id = ?');
  const localId = new Map<number, number>();
  const runs: ImportSummary['runs'] = [];
  for (const run of bundle.runs) {
    const saved = saveRun(db, asNewRun(run));
    mark.run(bundleId, saved.id);
    localId.set(run.id, saved.id);
    runs.push({ bundleRunId: run.id, runId: saved.id, huntId: run.huntId, queryNumber: run.queryNumber, status: run.status });
  }
  const insertEvents = db.prepare('INSERT INTO bundle_events (run_id, finding_key, columns_json, values_json, truncated, error) VALUES (?, ?, ?, ?, ?, ?)');
  const events = { findings: 0, rows: 0, failed: 0 };
  for (const e of bundle.events) {
    const runId = localId.get(e.runId);
    if (runId === undefined) continue; // inconsistency() refused this already
    events.findings++;
    if ('error' in e) {
      events.failed++;
      insertEvents.run(runId, e.findingKey, '[]', '[]', 0, e.error);
    } else {
      events.rows += e.values.length;
      insertEvents.run(runId, e.findingKey, JSON.stringify(e.columns), JSON.stringify(e.values), e.truncated ? 1 : 0, null);
    }
  }
  const triage = { inserted: 0, updated: 0, kept: 0, historyAdded: 0 };
  for (const state of bundle.triage) {
    const history = bundle.history.filter((h) => h.huntId === state.huntId && h.queryNumber === state.queryNumber && h.findingKey === state.findingKey);
    const merged = mergeTriage(db, state, history);
    triage[merged.outcome]++;
    triage.historyAdded += merged.historyAdded;
  }
  return {
    bundleId,
    fileName: options.fileName,
    week: bundle.week,
    sourceLabel: bundle.source.backendLabel,
    exportedAt: bundle.exportedAt,
    runs,
    events,
    triage,
  };
}

export function importBundle(db: AppDatabase, bytes: Uint8Array, options: ImportOptions): ImportResult {
  const digest = bundleDigest(bytes);
  const before = alreadyImported(db, digest);
  if (before) return { ok: false, reason: 'duplicate', message: `This bundle was already imported on ${before.imported_at} (bundle #${before.id}, ${before.file_name}).` };
  const decoded = decodeBundle(bytes, options.maxUncompressed);
  if (!decoded.ok) return { ok: false, reason: 'invalid', message: decoded.message };
  const wrong = inconsistency(decoded.bundle);
  if (wrong) return { ok: false, reason: 'invalid', message: `The bundle is damaged: ${wrong}.` };
  try {
    return { ok: true, summary: db.transaction(() => write(db, decoded.bundle, digest, options)).immediate() };
  } catch (e) {
    // A constraint the bundle broke (the transaction rolled back: nothing was imported).
    const again = alreadyImported(db, digest);
    if (again) return { ok: false, reason: 'duplicate', message: `This bundle was already imported on ${again.imported_at} (bundle #${again.id}).` };
    return { ok: false, reason: 'invalid', message: `The bundle could not be imported, nothing was changed: ${(e as Error).message}` };
  }
}
