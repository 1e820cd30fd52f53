/**
 * The server's handle on the app state (one SQLite connection per process), and the page's "Save
 * as run" recording. Saving is best effort for the analyst in front of the page: a run that
 * succeeded is shown even if the app state cannot be written, and says it was not saved (the
 * details go to the server log).
 */
import 'server-only';
import type { RunResponse } from '../../model/api';
import { openAppState, storageFailure } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { recordRun } from '../../hunts/run/record';
import { triageGroupOf } from '../../hunts/finding-group';
import { DEFAULT_DATA_DIR } from '../../backends/config';
import type { Backend } from '../../backends/types';
import type { PreparedQuery } from '../../hunts/run/prepare';

let cached: { dir: string; db: AppDatabase } | undefined;

/** HUNTBOARD_DATA_DIR, blank meaning the default: the embedded store and the app state live there. */
export function serverDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.HUNTBOARD_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
}

export function serverAppState(env: Record<string, string | undefined> = process.env): AppDatabase {
  const dir = serverDataDir(env);
  if (cached?.dir !== dir) {
    cached?.db.close();
    cached = { dir, db: openAppState(dir) };
  }
  return cached.db;
}

/** The run's id once saved; else why not, worded for the page (`this run was not saved: …`). */
export type PageRunRecord = { saved: true; id: number } | { saved: false; notSaved: string };

/** Records a successful run as a review run with trigger 'page' (saved from the page). */
export async function recordPageRun(backend: Backend, prepared: PreparedQuery, response: Extract<RunResponse, { ok: true }>, startedAt: Date, durationMs: number): Promise<PageRunRecord> {
  try {
    const saved = await recordRun(
      serverAppState(),
      backend,
      { huntId: prepared.hunt.id, queryNumber: prepared.number, triageQuery: triageGroupOf(prepared.hunt, prepared.number), text: prepared.text, params: prepared.params, window: prepared.window },
      response,
      { startedAt, durationMs, trigger: 'page' },
    );
    return { saved: true, id: saved.id };
  } catch (e) {
    console.error('huntboard: could not save the run in the app state:', (e as Error).message);
    const cause = storageFailure(e)?.cause ?? 'the app state could not be written (the server log has the details)';
    return { saved: false, notSaved: `this run was not saved: ${cause}` };
  }
}
