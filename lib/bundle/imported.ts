/** What the pages read of imported bundles: the list, the bundle a run came from, a finding's saved events, first seen. */
import 'server-only';
import { bundleEventRow, bundleFirstSeenJson, bundleOfRunRow, bundleRunIdReader, bundlesNewestFirst, type StoredBundle } from '../appstate/bundles';
import type { AppDatabase } from '../appstate/database';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import type { BundleFirstSeen } from './format';

export type ImportedBundle = StoredBundle;

export type SavedEvents =
  | { kind: 'events'; columns: EsqlColumn[]; values: EsqlValue[][]; truncated: boolean }
  | { kind: 'error'; message: string };

/** Newest import first, each with the local ids of its runs. */
export function listBundles(db: AppDatabase): (ImportedBundle & { runIds: number[] })[] {
  const runIdsOf = bundleRunIdReader(db);
  return bundlesNewestFirst(db).map((b) => ({ ...b, runIds: runIdsOf(b.id) }));
}

/** The bundle a run was imported from; undefined for a run made here. */
export function bundleOfRun(db: AppDatabase, runId: number): ImportedBundle | undefined {
  return bundleOfRunRow(db, runId);
}

export function bundleEvents(db: AppDatabase, runId: number, findingKey: string): SavedEvents | undefined {
  const row = bundleEventRow(db, runId, findingKey);
  if (!row) return undefined;
  if (row.error !== null) return { kind: 'error', message: row.error };
  return { kind: 'events', columns: JSON.parse(row.columnsJson) as EsqlColumn[], values: JSON.parse(row.valuesJson) as EsqlValue[][], truncated: row.truncated };
}

/** First seen of an imported run's findings as the source answered; undefined for a run made here (or a version 1 bundle's). */
export function bundleFirstSeen(db: AppDatabase, runId: number): BundleFirstSeen['answer'] | undefined {
  const json = bundleFirstSeenJson(db, runId);
  return json === undefined ? undefined : (JSON.parse(json) as BundleFirstSeen['answer']);
}
