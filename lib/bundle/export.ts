/**
 * Exports a week: the runs saved in it, for each finding the raw events behind it (the drill-down
 * of the run page's "Events" link: the run's own predicate and now, not today's), and the triage
 * of those findings. A finding whose events cannot be read keeps the reason instead of failing
 * the whole export: a bundle with nine findings' events beats no bundle.
 */
import 'server-only';
import { allowEntriesInForceDuring } from '../appstate/allow-list-transfer';
import type { AppDatabase } from '../appstate/database';
import { baselineRuns } from './baselines';
import { signOffForBundle } from './sign-off';
import { firstSeenForBundle } from './first-seen';
import { DEFAULT_LOOKBACK_DAYS } from '../hunts/first-seen-query';
import { backendLabel } from '../hunts/run/record';
import { getRun, runIdsStartedIn, type SavedRun } from '../appstate/runs';
import { getTriage, triageHistory } from '../appstate/triage';
import { type FindingRef } from '../model/triage';
import type { WeekBounds } from '../model/week';
import type { Backend } from '../backends/types';
import { findingKeysOf } from '../review/diff';
import { parseFindingKey, runFindingEvents } from '../hunts/run/run-events';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_EVENTS_PER_FINDING, type Bundle, type BundleEvents, type BundleFirstSeen, type BundleHistoryEntry, type BundleTriage } from './format';

type OkRun = Extract<SavedRun, { status: 'ok' }>;

/** Runs whose start is in the week, oldest first. */
export function runsStartedIn(db: AppDatabase, week: WeekBounds): SavedRun[] {
  return runIdsStartedIn(db, week.from, week.to)
    .map((id) => getRun(db, id))
    .filter((r): r is SavedRun => r !== undefined);
}

/** The events behind one finding, read as the review reads them: the run's own text, params and now. */
export async function findingEvents(backend: Backend, run: OkRun, findingKey: string, signal?: AbortSignal): Promise<BundleEvents> {
  const base = { runId: run.id, findingKey };
  const key = parseFindingKey(findingKey);
  if (!key) return { ...base, error: `The finding key ${findingKey.slice(0, 100)} is not a list of BY values.` };
  const answer = await runFindingEvents(backend, run, key, undefined, signal);
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
      const ref = { huntId: run.huntId, queryNumber: run.triageQuery, findingKey }; // triage lives under the run's group
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
  /** How far back first seen looks (HUNTBOARD_FIRST_SEEN_DAYS where the caller reads it). */
  firstSeenLookbackDays?: number;
}

export async function exportWeek(
  db: AppDatabase,
  backend: Backend,
  week: WeekBounds,
  now: Date,
  options: ExportOptions = {},
): Promise<Bundle> {
  const runs = runsStartedIn(db, week);
  const events: BundleEvents[] = [];
  const firstSeen: BundleFirstSeen[] = [];
  for (const run of runs) {
    if (run.status !== 'ok') continue;
    firstSeen.push({ runId: run.id, answer: await firstSeenForBundle(db, backend, run, options.firstSeenLookbackDays ?? DEFAULT_LOOKBACK_DAYS, options.signal) });
    // One finding at a time: a week's export must not crowd out the analysts' own queries.
    for (const key of findingKeysOf(run)) {
      // Nobody is waiting for the file any more: stop querying the backend for it.
      options.signal?.throwIfAborted();
      events.push(await findingEvents(backend, run, key, options.signal));
    }
  }
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    week: { start: week.from, end: week.to },
    source: { backendLabel: await backendLabel(backend) },
    runs,
    baselines: baselineRuns(db, runs),
    ...triageOf(db, findingRefs(runs)),
    events,
    firstSeen,
    // In force during the week (what hid its findings) or since (what a signed week's changes since sign-off name).
    allowList: allowEntriesInForceDuring(db, week.from, now.toISOString() > week.to ? now.toISOString() : week.to),
    signOff: signOffForBundle(db, week.monday),
  };
}
