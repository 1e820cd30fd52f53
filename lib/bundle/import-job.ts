/**
 * The import as a worker thread runs it: its own connection to the app state file (SQLite
 * connections are not shared between threads), the job, the connection closed.
 */
import { openAppState } from '../appstate/db';
import { importBundleNow, type ImportOptions, type ImportResult } from './import';

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
