/**
 * The bundle tables: bundles (one row per imported file), runs.bundle_id (the runs it brought),
 * bundle_events (each imported finding's saved events) and bundle_first_seen (the source's first
 * seen of an imported run). lib/bundle decides what an import writes and when; the JSON columns
 * arrive serialised and leave as text, so their shapes stay lib/bundle's.
 */
import 'server-only';
import type { AppDatabase } from './database';

export interface StoredBundle {
  id: number;
  fileName: string;
  week: { start: string; end: string };
  exportedAt: string;
  sourceLabel: string;
  importedAt: string;
  importedBy: string;
}

/** A bundle to record: its file's sha256 is how the same file is refused a second time. */
export type NewBundle = Omit<StoredBundle, 'id'> & { fileSha256: string };

/** A finding's events as bundle_events keeps them; serialised before any write (most of an import's CPU). */
export interface BundleEventRow {
  findingKey: string;
  columnsJson: string;
  valuesJson: string;
  truncated: boolean;
  /** Why the source could not read the events; null when it could. */
  error: string | null;
}

/** Tables holding a staged run's rows by run_id besides the runs' own: discarded with a staged run (lib/appstate/staged-runs). */
export const BUNDLE_RUN_TABLES: readonly string[] = ['bundle_events'];

interface BundleRow {
  id: number;
  file_name: string;
  week_start: string;
  week_end: string;
  exported_at: string;
  source_label: string;
  imported_at: string;
  imported_by: string;
}

const fromRow = (r: BundleRow): StoredBundle => ({
  id: r.id,
  fileName: r.file_name,
  week: { start: r.week_start, end: r.week_end },
  exportedAt: r.exported_at,
  sourceLabel: r.source_label,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
});

/** The bundle imported from a file with that sha256, if one was. */
export function bundleByDigest(db: AppDatabase, fileSha256: string): StoredBundle | undefined {
  const row = db.prepare('SELECT * FROM bundles WHERE file_sha256 = ?').get(fileSha256) as BundleRow | undefined;
  return row && fromRow(row);
}

/** Newest import first. */
export function bundlesNewestFirst(db: AppDatabase): StoredBundle[] {
  return (db.prepare('SELECT * FROM bundles ORDER BY imported_at DESC, id DESC').all() as BundleRow[]).map(fromRow);
}

/** Local ids of the runs a bundle brought, oldest first; one statement for many bundles. */
export function bundleRunIdReader(db: AppDatabase): (bundleId: number) => number[] {
  const ids = db.prepare('SELECT id FROM runs WHERE bundle_id = ? ORDER BY started_at, id').pluck();
  return (bundleId) => ids.all(bundleId) as number[];
}

/** The bundle a run was imported from; undefined for a run made here. */
export function bundleOfRunRow(db: AppDatabase, runId: number): StoredBundle | undefined {
  const row = db.prepare('SELECT b.* FROM runs r JOIN bundles b ON b.id = r.bundle_id WHERE r.id = ?').get(runId) as BundleRow | undefined;
  return row && fromRow(row);
}

/** Inserts the bundle's row; its id. A file imported before breaks the UNIQUE sha256 (callers hold the import's transaction). */
export function insertBundle(db: AppDatabase, bundle: NewBundle): number {
  const info = db
    .prepare(
      `INSERT INTO bundles (file_name, file_sha256, week_start, week_end, exported_at, source_label, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(bundle.fileName, bundle.fileSha256, bundle.week.start, bundle.week.end, bundle.exportedAt, bundle.sourceLabel, bundle.importedAt, bundle.importedBy);
  return Number(info.lastInsertRowid);
}

/** Marks the runs as brought by the bundle. */
export function linkRunsToBundle(db: AppDatabase, bundleId: number, runIds: readonly number[]): void {
  const mark = db.prepare('UPDATE runs SET bundle_id = ? WHERE id = ?');
  for (const id of runIds) mark.run(bundleId, id);
}

/**
 * Writes events rows, one statement for a run's many findings. A staged run's id has no runs row
 * until the import's final transaction: the caller writes with foreign keys off (lib/appstate/piecewise).
 */
export function bundleEventWriter(db: AppDatabase): (runId: number, row: BundleEventRow) => void {
  const insert = db.prepare('INSERT INTO bundle_events (run_id, finding_key, columns_json, values_json, truncated, error) VALUES (?, ?, ?, ?, ?, ?)');
  return (runId, row) => {
    insert.run(runId, row.findingKey, row.columnsJson, row.valuesJson, row.truncated ? 1 : 0, row.error);
  };
}

export function bundleEventRow(db: AppDatabase, runId: number, findingKey: string): BundleEventRow | undefined {
  const row = db.prepare('SELECT finding_key, columns_json, values_json, truncated, error FROM bundle_events WHERE run_id = ? AND finding_key = ?').get(runId, findingKey) as
    | { finding_key: string; columns_json: string; values_json: string; truncated: number; error: string | null }
    | undefined;
  return row && { findingKey: row.finding_key, columnsJson: row.columns_json, valuesJson: row.values_json, truncated: row.truncated === 1, error: row.error };
}

/** The source's first seen of imported runs, as JSON text, by local run id (callers hold the import's transaction). */
export function insertBundleFirstSeen(db: AppDatabase, answers: readonly { runId: number; answerJson: string }[]): void {
  const insert = db.prepare('INSERT INTO bundle_first_seen (run_id, answer_json) VALUES (?, ?)');
  for (const a of answers) insert.run(a.runId, a.answerJson);
}

/** The JSON text of an imported run's first seen; undefined for a run made here (or a version 1 bundle's). */
export function bundleFirstSeenJson(db: AppDatabase, runId: number): string | undefined {
  return db.prepare('SELECT answer_json FROM bundle_first_seen WHERE run_id = ?').pluck().get(runId) as string | undefined;
}
