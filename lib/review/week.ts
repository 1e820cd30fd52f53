/**
 * The lead's week (lib/review/week-bounds: Monday 00:00 UTC to the next Monday; the weekly
 * schedule runs Monday 06:00, inside the week it reviews). What ran, what it found, what is still
 * untriaged, how fast triage was, who reviewed, and whether the week is signed off. Reads the app
 * state; no clock of its own.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { allowEntriesAt } from '../appstate/allow-list';
import { getRunHeader, runIdsStartedIn, type OkRunHeader, type RunHeader } from '../appstate/runs';
import { triageChangesIn } from '../appstate/triage';
import { standingSignOff } from '../appstate/week-signoffs';
import { weekSnapshotHeader } from '../appstate/week-snapshots';
import { timeToTriage, weekFindings } from './week-findings';
import type { QueryName, QueryWeek, RunOutcome, SignOffState, WeekBounds, WeekSummary } from '../model/week';

export { median, WEEK_LIST_LIMIT } from './week-findings';

const DAY_MS = 86_400_000;

/** What the catalogue says about a hunt: its name and the labels of its runnable queries. */
export interface HuntRef {
  id: string;
  name: string;
  queries: { number: number; label: string }[];
}


const inWeek = (week: WeekBounds, at: string) => {
  const ms = Date.parse(at);
  return ms >= Date.parse(week.from) && ms < Date.parse(week.to);
};

/** The SQL range is a day wider on each side (stored times may carry offsets); the exact test is inWeek. */
function looseRange(week: WeekBounds): [string, string] {
  return [new Date(Date.parse(week.from) - DAY_MS).toISOString().slice(0, 10), new Date(Date.parse(week.to) + DAY_MS).toISOString().slice(0, 10)];
}

/** Oldest first. */
function runsOfWeek(db: AppDatabase, week: WeekBounds): RunHeader[] {
  return runIdsStartedIn(db, ...looseRange(week))
    .map((id) => getRunHeader(db, id))
    .filter((r): r is RunHeader => r !== undefined && inWeek(week, r.startedAt))
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id - b.id);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const queryId = (huntId: string, n: number) => JSON.stringify([huntId, n]);

function namer(hunts: readonly HuntRef[]) {
  const byId = new Map(hunts.map((h) => [h.id, h]));
  return (huntId: string, queryNumber: number): QueryName => {
    const hunt = byId.get(huntId);
    const label = hunt?.queries.find((q) => q.number === queryNumber)?.label ?? `Query ${queryNumber}`;
    return { huntId, huntName: hunt?.name ?? huntId, queryNumber, queryLabel: label };
  };
}

function outcomeOf(run: RunHeader): RunOutcome {
  if (run.status === 'failed') return { kind: 'failed', message: run.error.message };
  return run.truncated || run.isPartial ? { kind: 'truncated', rows: run.rowCount } : { kind: 'ok', rows: run.rowCount };
}

function queriesOfWeek(byQuery: Map<string, RunHeader[]>, hunts: readonly HuntRef[], name: ReturnType<typeof namer>): QueryWeek[] {
  const out: QueryWeek[] = [];
  for (const runs of byQuery.values()) {
    const latest = runs[runs.length - 1];
    out.push({ ...name(latest.huntId, latest.queryNumber), kind: 'ran', runCount: runs.length, latest: { runId: latest.id, startedAt: latest.startedAt, outcome: outcomeOf(latest) } });
  }
  for (const hunt of hunts) for (const q of hunt.queries) if (!byQuery.has(queryId(hunt.id, q.number))) out.push({ ...name(hunt.id, q.number), kind: 'did-not-run' });
  return out.sort((a, b) => compareText(a.huntId, b.huntId) || a.queryNumber - b.queryNumber);
}

function reviewersOf(db: AppDatabase, week: WeekBounds): { who: string; changes: number }[] {
  const rows = triageChangesIn(db, ...looseRange(week));
  const counts = new Map<string, number>();
  for (const r of rows) if (inWeek(week, r.at)) counts.set(r.who, (counts.get(r.who) ?? 0) + 1);
  return [...counts].map(([who, changes]) => ({ who, changes })).sort((a, b) => b.changes - a.changes || compareText(a.who, b.who));
}

function signOffState(db: AppDatabase, week: WeekBounds): SignOffState {
  const signOff = standingSignOff(db, week.monday);
  if (!signOff) return { kind: 'unsigned' };
  const snapshot = weekSnapshotHeader(db, signOff.id);
  return snapshot ? { kind: 'signed', signOff, snapshot } : { kind: 'signed', signOff };
}

export interface SummaryOptions {
  /**
   * Which allow-list entries hide a run's findings: by default those in force at the run's own
   * start (what the week was, whenever it is looked at); an instant: those in force then (what
   * would be hidden now, for the changes since a sign-off).
   */
  allowAt?: string;
  /** How many findings each list holds (the counts cover them all). */
  listLimit?: number;
}

/**
 * `hunts`: the catalogue's hunts with their runnable queries; those without a run this week are
 * listed as not run.
 */
export function summarizeWeek(db: AppDatabase, week: WeekBounds, hunts: readonly HuntRef[], options: SummaryOptions = {}): WeekSummary {
  const name = namer(hunts);
  const byQuery = new Map<string, RunHeader[]>();
  const runs = runsOfWeek(db, week);
  for (const run of runs) {
    const id = queryId(run.huntId, run.queryNumber);
    const runs = byQuery.get(id);
    if (runs) runs.push(run);
    else byQuery.set(id, [run]);
  }
  const latest = [...byQuery.values()]
    .map((runs) => runs.filter((r): r is OkRunHeader => r.status === 'ok').at(-1))
    .filter((r): r is OkRunHeader => r !== undefined)
    .sort((a, b) => compareText(a.huntId, b.huntId) || a.queryNumber - b.queryNumber)
    .map((run) => ({ run, name: name(run.huntId, run.queryNumber) }));
  const entriesAt = allowEntriesAt(db);
  const at = options.allowAt;
  return {
    week,
    runs: runs.map((r) => ({ id: r.id, startedAt: r.startedAt, huntId: r.huntId, queryNumber: r.queryNumber })),
    queries: queriesOfWeek(byQuery, hunts, name),
    ...weekFindings(db, latest, (run) => entriesAt(at ?? run.startedAt), options.listLimit),
    timeToTriage: timeToTriage(db, byQuery.values()),
    reviewers: reviewersOf(db, week),
    signOff: signOffState(db, week),
  };
}
