/**
 * Exports a week: the runs saved in it, for each finding the raw events behind it (the drill-down
 * query of the run page's "Events" link, over the run's own window, not today's), and the triage
 * of those findings. A finding whose events cannot be read keeps the reason instead of failing
 * the whole export: a bundle with nine findings' events beats no bundle.
 */
import type { AppDatabase } from '../appstate/db';
import { backendLabel } from '../hunts/run/record';
import { getRun, type SavedRun } from '../appstate/runs';
import { getTriage, triageHistory } from '../appstate/triage';
import { type FindingRef } from '../model/triage';
import type { Backend } from '../backends/types';
import type { EsqlValue } from '../model/esql';
import type { Hunt } from '../hunts/types';
import { findingKeysOf } from '../review/diff';
import { runEvents } from '../hunts/run/events';
import { prepareHuntQuery } from '../hunts/run/prepare';
import type { WindowSpec } from '../hunts/run/window-spec';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_EVENTS_PER_FINDING, type Bundle, type BundleEvents, type BundleHistoryEntry, type BundleTriage } from './format';

export type HuntLookup = (huntId: string) => Hunt | undefined;

type OkRun = Extract<SavedRun, { status: 'ok' }>;

/** Runs whose start is in [start, end), oldest first. */
export function runsStartedIn(db: AppDatabase, week: { start: string; end: string }): SavedRun[] {
  const ids = db.prepare('SELECT id FROM runs WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id').all(week.start, week.end) as { id: number }[];
  return ids.map(({ id }) => getRun(db, id)).filter((r): r is SavedRun => r !== undefined);
}

/** The window the run page's drill-down link uses: the run's resolved bounds when it has them. */
function drilldownWindow(run: OkRun): { window: WindowSpec; now: Date } {
  if (run.window.from && run.window.to) return { window: { id: 'custom', from: run.window.from, to: run.window.to }, now: new Date(run.window.to) };
  return { window: { id: 'hunt' }, now: new Date(run.startedAt) };
}

export async function findingEvents(backend: Backend, hunt: Hunt | undefined, run: OkRun, findingKey: string, signal?: AbortSignal): Promise<BundleEvents> {
  const base = { runId: run.id, findingKey };
  if (!hunt) return { ...base, error: `Hunt [${run.huntId}] is not in this Huntboard’s catalogue, so its events could not be read.` };
  const { window, now } = drilldownWindow(run);
  const prepared = prepareHuntQuery(hunt, run.queryNumber, { window, now });
  if (!prepared.ok) return { ...base, error: prepared.error.message };
  const key = JSON.parse(findingKey) as EsqlValue[];
  const answer = await runEvents(backend, prepared.prepared, key, undefined, now, signal);
  if (!answer.ok) return { ...base, error: answer.error.message };
  const { columns, values } = answer.result;
  return {
    ...base,
    columns,
    values: values.slice(0, MAX_EVENTS_PER_FINDING),
    truncated: answer.truncated || values.length > MAX_EVENTS_PER_FINDING,
  };
}

function findingRefs(runs: readonly SavedRun[]): FindingRef[] {
  const seen = new Map<string, FindingRef>();
  for (const run of runs) {
    if (run.status !== 'ok') continue;
    for (const findingKey of findingKeysOf(run)) {
      const ref = { huntId: run.huntId, queryNumber: run.queryNumber, findingKey };
      seen.set(JSON.stringify([ref.huntId, ref.queryNumber, findingKey]), ref);
    }
  }
  return [...seen.values()];
}

/** The triaged findings among `refs` (a never-triaged one has nothing to carry) and their histories. */
function triageOf(db: AppDatabase, refs: readonly FindingRef[]): { triage: BundleTriage[]; history: BundleHistoryEntry[] } {
  const triage: BundleTriage[] = [];
  const history: BundleHistoryEntry[] = [];
  for (const ref of refs) {
    const state = getTriage(db, ref);
    if (state.version === 0 || state.updatedAt === null || state.updatedBy === null) continue;
    triage.push({ ...state, updatedAt: state.updatedAt, updatedBy: state.updatedBy });
    for (const entry of triageHistory(db, ref)) history.push({ ...ref, ...entry });
  }
  return { triage, history };
}

export interface ExportOptions {
  signal?: AbortSignal;
}

export async function exportWeek(
  db: AppDatabase,
  backend: Backend,
  huntOf: HuntLookup,
  week: { start: string; end: string },
  now: Date,
  options: ExportOptions = {},
): Promise<Bundle> {
  const runs = runsStartedIn(db, week);
  const events: BundleEvents[] = [];
  for (const run of runs) {
    if (run.status !== 'ok') continue;
    const hunt = huntOf(run.huntId);
    // One finding at a time: a week's export must not crowd out the analysts' own queries.
    for (const key of findingKeysOf(run)) {
      // Nobody is waiting for the file any more: stop querying the backend for it.
      options.signal?.throwIfAborted();
      events.push(await findingEvents(backend, hunt, run, key, options.signal));
    }
  }
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    week: { start: week.start, end: week.end },
    source: { backendLabel: await backendLabel(backend) },
    runs,
    ...triageOf(db, findingRefs(runs)),
    events,
  };
}
