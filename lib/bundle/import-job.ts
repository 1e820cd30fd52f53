/**
 * The import as a worker thread runs it: its own connection to the app state file (SQLite
 * connections are not shared between threads), the job, the connection closed.
 */
import 'server-only';
import { openAppState } from '../appstate/db';
import { importBundleNow } from './import';
import type { ImportOptions, ImportResult } from './import-result';

export interface ImportJob {
  dataDir: string;
  bytes: Uint8Array;
  options: ImportOptions;
}

export async function runImportJob(job: ImportJob): Promise<ImportResult> {
  const db = openAppState(job.dataDir);
  try {
    return await importBundleNow(db, job.bytes, job.options);
  } finally {
    db.close();
  }
}
