/** What the run pages show: saved runs, and one run's findings against the runs before it, with triage. */
import { earlierRuns, getRun, listRuns, type SavedRun } from '../appstate/runs';
import { getTriage, type TriageState } from '../appstate/triage';
import { diffRuns, type FindingDiff } from '../review/diff';
import { serverAppState } from './app-state';

export interface RunReview {
  run: SavedRun;
  previous?: SavedRun;
  /** Earlier comparable runs considered for "runs seen". */
  compared: number;
  findings: (FindingDiff & { triage: TriageState })[];
}

const HISTORY = 12;

export function recentRuns(limit = 100): SavedRun[] {
  return listRuns(serverAppState(), { limit });
}

export function reviewRun(id: number): RunReview | undefined {
  const db = serverAppState();
  const run = getRun(db, id);
  if (!run) return undefined;
  if (run.status !== 'ok') return { run, compared: 0, findings: [] };
  const history = earlierRuns(db, run, HISTORY);
  const order = { new: 0, recurring: 1, gone: 2 };
  const findings = diffRuns(run, history)
    .map((f) => ({ ...f, triage: getTriage(db, { huntId: run.huntId, queryNumber: run.queryNumber, findingKey: f.key }) }))
    .sort((a, b) => order[a.status] - order[b.status] || a.key.localeCompare(b.key));
  return { run, ...(history[0] ? { previous: history[0] } : {}), compared: history.length, findings };
}
