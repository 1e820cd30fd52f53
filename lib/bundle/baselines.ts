/**
 * The earlier runs a week's diffs were computed against. A run's new / recurring / gone and "seen N
 * runs" come from the runs of the same query text before it (lib/appstate/run-diff): a bundle that
 * carries them lets the importer compute the same diff, by the same code, instead of calling every
 * finding "new" in a Huntboard that never saw the earlier weeks.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { historyIds } from '../appstate/run-diff';
import { getRun, type SavedRun } from '../appstate/runs';

/** The history runs of the week's successful runs that are not in the week, oldest first. */
export function baselineRuns(db: AppDatabase, week: readonly SavedRun[]): SavedRun[] {
  const inWeek = new Set(week.map((r) => r.id));
  const wanted = new Set<number>();
  for (const run of week) {
    if (run.status !== 'ok') continue;
    const ref = { id: run.id, hunt_id: run.huntId, query_number: run.queryNumber, query_hash: run.queryHash, started_at: run.startedAt };
    for (const id of historyIds(db, ref)) if (!inWeek.has(id)) wanted.add(id);
  }
  return [...wanted]
    .map((id) => getRun(db, id))
    .filter((r): r is SavedRun => r !== undefined)
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id - b.id));
}
