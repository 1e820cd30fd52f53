/**
 * What the run pages show: saved runs, and one run's findings against the runs before it, with
 * triage, first seen, and the allow-list applied (suppressed findings counted, not dropped).
 */
import { activeAllowEntries, allowListCandidates, applyAllowList, type AllowEntry } from '../appstate/allow-list';
import { earlierRuns, getRun, listRuns, type SavedRun } from '../appstate/runs';
import { bundleOfRun, type ImportedBundle } from '../bundle/imported';
import { getTriage, type TriageState } from '../appstate/triage';
import { DIFF_HISTORY, diffRuns, type FindingDiff } from '../review/diff';
import { DEFAULT_LOOKBACK_DAYS, FIRST_SEEN_FIELD } from '../review/first-seen';
import { serverAppState } from './app-state';
import { firstSeenForRun, processNamesOf, type FirstSeenAnswer } from './first-seen-run';
import { serverNow } from './now';
import { backendOrError } from './respond';

export type ReviewedFinding = FindingDiff & { triage: TriageState; processName: string | null; agentIds: string[]; huntId: string };

export interface RunReview {
  run: SavedRun;
  previous?: SavedRun;
  /** Earlier comparable runs considered for "runs seen". */
  compared: number;
  findings: ReviewedFinding[];
  suppressed: { finding: ReviewedFinding; entry: AllowEntry }[];
  firstSeen: FirstSeenAnswer;
  /** The bundle an imported run came in: its events are in the bundle, not on this backend. */
  bundle?: ImportedBundle;
  /** Findings of this query marked benign run after run: worth an allow-list entry. */
  candidates: { findingKey: string; runsInARow: number }[];
}


export function recentRuns(limit = 100): SavedRun[] {
  return listRuns(serverAppState(), { limit });
}

export async function reviewRun(id: number): Promise<RunReview | undefined> {
  const db = serverAppState();
  const run = getRun(db, id);
  if (!run) return undefined;
  const bundle = bundleOfRun(db, run.id);
  const imported = bundle ? { bundle } : {};
  if (run.status !== 'ok') return { run, ...imported, compared: 0, findings: [], suppressed: [], firstSeen: { kind: 'not-applicable' }, candidates: [] };
  const history = earlierRuns(db, run, DIFF_HISTORY);
  const order = { new: 0, recurring: 1, gone: 2 };
  const diffs = diffRuns(run, history);
  const firstSeen: FirstSeenAnswer = bundle ? { kind: 'not-applicable' } : await lookUpFirstSeen(run, processNamesOf(diffs.map((f) => f.keyValues)));
  const findings = diffs
    .map((f): ReviewedFinding => {
      const name = f.keyValues[FIRST_SEEN_FIELD];
      const processName = typeof name === 'string' ? name : null;
      const agentIds = (processName !== null && firstSeen.kind === 'found' && firstSeen.byName.get(processName)?.agentsThisWeek) || [];
      return { ...f, huntId: run.huntId, processName, agentIds, triage: getTriage(db, { huntId: run.huntId, queryNumber: run.queryNumber, findingKey: f.key }) };
    })
    .sort((a, b) => order[a.status] - order[b.status] || a.key.localeCompare(b.key));
  const { shown, suppressed } = applyAllowList(activeAllowEntries(db, serverNow().toISOString()), findings);
  const candidates = allowListCandidates(db, undefined, { huntId: run.huntId, queryNumber: run.queryNumber })
    .filter((c) => shown.some((f) => f.key === c.findingKey))
    .map(({ findingKey, runsInARow }) => ({ findingKey, runsInARow }));
  return { run, ...imported, ...(history[0] ? { previous: history[0] } : {}), compared: history.length, findings: shown, suppressed, firstSeen, candidates };
}

async function lookUpFirstSeen(run: Extract<SavedRun, { status: 'ok' }>, names: string[]): Promise<FirstSeenAnswer> {
  if (names.length === 0) return { kind: 'not-applicable' };
  const backend = backendOrError();
  if (!backend.ok) return { kind: 'failed', message: backend.error.message };
  return firstSeenForRun(backend.backend, run, names, firstSeenLookbackDays());
}

/** HUNTBOARD_FIRST_SEEN_DAYS: how far back "first seen" looks (default 30; a bad value falls back to it). */
export function firstSeenLookbackDays(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.HUNTBOARD_FIRST_SEEN_DAYS);
  return Number.isSafeInteger(days) && days > 0 && days <= 3660 ? days : DEFAULT_LOOKBACK_DAYS;
}
