/** What the pages read of imported bundles: the list, the bundle a run came from, a finding's saved events, first seen. */
import type { AppDatabase } from '../appstate/db';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import type { BundleFirstSeen } from './format';

export interface ImportedBundle {
  id: number;
  fileName: string;
  week: { start: string; end: string };
  exportedAt: string;
  sourceLabel: string;
  importedAt: string;
  importedBy: string;
}

export type SavedEvents =
  | { kind: 'events'; columns: EsqlColumn[]; values: EsqlValue[][]; truncated: boolean }
  | { kind: 'error'; message: string };

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

const fromRow = (r: BundleRow): ImportedBundle => ({
  id: r.id,
  fileName: r.file_name,
  week: { start: r.week_start, end: r.week_end },
  exportedAt: r.exported_at,
  sourceLabel: r.source_label,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
});

/** Newest import first, each with the local ids of its runs. */
export function listBundles(db: AppDatabase): (ImportedBundle & { runIds: number[] })[] {
  const rows = db.prepare('SELECT * FROM bundles ORDER BY imported_at DESC, id DESC').all() as BundleRow[];
  const runs = db.prepare('SELECT id FROM runs WHERE bundle_id = ? ORDER BY started_at, id');
  return rows.map((r) => ({ ...fromRow(r), runIds: (runs.all(r.id) as { id: number }[]).map((x) => x.id) }));
}

/** The bundle a run was imported from; undefined for a run made here. */
export function bundleOfRun(db: AppDatabase, runId: number): ImportedBundle | undefined {
  const row = db.prepare('SELECT b.* FROM runs r JOIN bundles b ON b.id = r.bundle_id WHERE r.id = ?').get(runId) as BundleRow | undefined;
  return row && fromRow(row);
}

export function bundleEvents(db: AppDatabase, runId: number, findingKey: string): SavedEvents | undefined {
  const row = db.prepare('SELECT columns_json, values_json, truncated, error FROM bundle_events WHERE run_id = ? AND finding_key = ?').get(runId, findingKey) as
    | { columns_json: string; values_json: string; truncated: number; error: string | null }
    | undefined;
  if (!row) return undefined;
  if (row.error !== null) return { kind: 'error', message: row.error };
  return { kind: 'events', columns: JSON.parse(row.columns_json) as EsqlColumn[], values: JSON.parse(row.values_json) as EsqlValue[][], truncated: row.truncated === 1 };
}

/** First seen of an imported run's findings as the source answered; undefined for a run made here (or a version 1 bundle's). */
export function bundleFirstSeen(db: AppDatabase, runId: number): BundleFirstSeen['answer'] | undefined {
  const json = db.prepare('SELECT answer_json FROM bundle_first_seen WHERE run_id = ?').pluck().get(runId) as string | undefined;
  return json === undefined ? undefined : (JSON.parse(json) as BundleFirstSeen['answer']);
}
