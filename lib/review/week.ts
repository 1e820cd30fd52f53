/**
 * The lead's week: Monday 00:00 UTC to the next Monday (the weekly schedule runs Monday 06:00,
 * inside the week it reviews). What ran, what it found, what is still untriaged, how fast triage
 * was, who reviewed, and whether the week is signed off. Reads the app state; no clock of its own.
 */
import type { EsqlValue } from '../backends/types';
import type { AppDatabase } from '../appstate/db';
import { activeAllowEntries, suppressingEntry, type AllowEntry } from '../appstate/allow-list';
import { earlierRuns, getRun, type SavedRun } from '../appstate/runs';
import { getTriage, triageHistory, TRIAGE_STATUSES, type TriageStatus } from '../appstate/triage';
import { DIFF_HISTORY, diffRuns, findingKeysOf } from './diff';
import { FIRST_SEEN_FIELD } from './first-seen';
import { standingSignOff, type WeekSignOff } from './week-migration';

const DAY_MS = 86_400_000;
/** Earlier runs a finding is compared against: the same depth as the run page (lib/server/review.ts). */

export interface WeekBounds {
  /** The Monday, YYYY-MM-DD. */
  start: string;
  /** ISO instants: from inclusive, to exclusive. */
  from: string;
  to: string;
}

export type WeekParse = { ok: true; week: WeekBounds } | { ok: false; message: string };

function boundsAt(mondayMs: number): WeekBounds {
  const from = new Date(mondayMs).toISOString();
  return { start: from.slice(0, 10), from, to: new Date(mondayMs + 7 * DAY_MS).toISOString() };
}

/** The week an instant falls in. */
export function weekContaining(at: Date): WeekBounds {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return boundsAt(midnight - sinceMonday * DAY_MS);
}

export function shiftWeek(week: WeekBounds, weeks: number): WeekBounds {
  return boundsAt(Date.parse(week.from) + weeks * 7 * DAY_MS);
}

/** `YYYY-MM-DD` naming a real Monday; anything else is refused with the reason. */
export function parseWeekStart(text: string): WeekParse {
  const shown = text.slice(0, 40);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { ok: false, message: `[${shown}] is not a date (YYYY-MM-DD).` };
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== text) return { ok: false, message: `[${shown}] is not a calendar date.` };
  if (new Date(ms).getUTCDay() !== 1) return { ok: false, message: `[${shown}] is not a Monday: a week starts on Monday.` };
  return { ok: true, week: boundsAt(ms) };
}

/** What the catalogue says about a hunt: its name and the labels of its runnable queries. */
export interface HuntRef {
  id: string;
  name: string;
  queries: { number: number; label: string }[];
}

type OkRun = Extract<SavedRun, { status: 'ok' }>;

export type RunOutcome = { kind: 'ok'; rows: number } | { kind: 'truncated'; rows: number } | { kind: 'failed'; message: string };

interface QueryName {
  huntId: string;
  huntName: string;
  queryNumber: number;
  queryLabel: string;
}

export type QueryWeek =
  | (QueryName & { kind: 'ran'; runCount: number; latest: { runId: number; startedAt: string; outcome: RunOutcome } })
  | (QueryName & { kind: 'did-not-run' });

export interface WeekFinding extends QueryName {
  runId: number;
  key: string;
  keyValues: Record<string, EsqlValue>;
  diffStatus: 'new' | 'recurring';
  triage: TriageStatus;
  assignee: string | null;
  /** Still `new` and nobody has touched it. */
  untriaged: boolean;
}

export interface TimeToTriage {
  count: number;
  medianHours: number | null;
  maxHours: number | null;
}

export type SignOffState = { kind: 'unsigned' } | { kind: 'signed'; signOff: WeekSignOff };

export interface WeekSummary {
  week: WeekBounds;
  queries: QueryWeek[];
  findings: WeekFinding[];
  perTriageStatus: Record<TriageStatus, number>;
  perDiffStatus: { new: number; recurring: number };
  /** Findings hidden by the allow-list, as on the run page (not in `findings` nor the counts). */
  suppressed: number;
  untriaged: WeekFinding[];
  timeToTriage: TimeToTriage;
  reviewers: { who: string; changes: number }[];
  signOff: SignOffState;
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
function runsOfWeek(db: AppDatabase, week: WeekBounds): SavedRun[] {
  const ids = db.prepare('SELECT id FROM runs WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id').all(...looseRange(week)) as { id: number }[];
  return ids
    .map((r) => getRun(db, r.id))
    .filter((r): r is SavedRun => r !== undefined && inWeek(week, r.startedAt))
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

function outcomeOf(run: SavedRun): RunOutcome {
  if (run.status === 'failed') return { kind: 'failed', message: run.error.message };
  return run.truncated || run.isPartial ? { kind: 'truncated', rows: run.rowCount } : { kind: 'ok', rows: run.rowCount };
}

function queriesOfWeek(byQuery: Map<string, SavedRun[]>, hunts: readonly HuntRef[], name: ReturnType<typeof namer>): QueryWeek[] {
  const out: QueryWeek[] = [];
  for (const runs of byQuery.values()) {
    const latest = runs[runs.length - 1];
    out.push({ ...name(latest.huntId, latest.queryNumber), kind: 'ran', runCount: runs.length, latest: { runId: latest.id, startedAt: latest.startedAt, outcome: outcomeOf(latest) } });
  }
  for (const hunt of hunts) for (const q of hunt.queries) if (!byQuery.has(queryId(hunt.id, q.number))) out.push({ ...name(hunt.id, q.number), kind: 'did-not-run' });
  return out.sort((a, b) => compareText(a.huntId, b.huntId) || a.queryNumber - b.queryNumber);
}

/**
 * The run page knows a finding's agents from a first-seen query to the backend; the week does not
 * query the backend, so an entry limited to one agent applies only when the BY values name the agent.
 * Erring this way shows a finding rather than hiding it.
 */
function isAllowed(entries: readonly AllowEntry[], huntId: string, keyValues: Record<string, EsqlValue>): boolean {
  const name = keyValues[FIRST_SEEN_FIELD];
  const agent = keyValues['agent.id'];
  return suppressingEntry(entries, { huntId, processName: typeof name === 'string' ? name : null, agentIds: typeof agent === 'string' ? [agent] : [] }) !== undefined;
}

function findingsOf(db: AppDatabase, run: OkRun, name: QueryName, allowed: readonly AllowEntry[]): { shown: WeekFinding[]; suppressed: number } {
  let suppressed = 0;
  const shown = diffRuns(run, earlierRuns(db, run, DIFF_HISTORY)).flatMap((f): WeekFinding[] => {
    if (f.status === 'gone') return [];
    if (isAllowed(allowed, run.huntId, f.keyValues)) {
      suppressed++;
      return [];
    }
    const ref = { huntId: run.huntId, queryNumber: run.queryNumber, findingKey: f.key };
    const triage = getTriage(db, ref);
    const untriaged = triage.status === 'new' && triageHistory(db, ref).length === 0;
    return [{ ...name, runId: run.id, key: f.key, keyValues: f.keyValues, diffStatus: f.status, triage: triage.status, assignee: triage.assignee, untriaged }];
  });
  return { shown, suppressed };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Hours from a finding's first run of the week to its first triage, for findings first triaged after that run. */
function timeToTriage(db: AppDatabase, byQuery: Map<string, SavedRun[]>): TimeToTriage {
  const hours: number[] = [];
  for (const runs of byQuery.values()) {
    const firstSeen = new Map<string, number>();
    for (const run of runs) if (run.status === 'ok') for (const key of findingKeysOf(run)) if (!firstSeen.has(key)) firstSeen.set(key, Date.parse(run.startedAt));
    for (const [key, seenMs] of firstSeen) {
      const first = triageHistory(db, { huntId: runs[0].huntId, queryNumber: runs[0].queryNumber, findingKey: key })[0];
      const triagedMs = first ? Date.parse(first.at) : NaN;
      if (triagedMs >= seenMs) hours.push((triagedMs - seenMs) / 3_600_000);
    }
  }
  return { count: hours.length, medianHours: median(hours), maxHours: hours.length ? Math.max(...hours) : null };
}

function reviewersOf(db: AppDatabase, week: WeekBounds): { who: string; changes: number }[] {
  const rows = db.prepare('SELECT who, at FROM triage_history WHERE at >= ? AND at < ?').all(...looseRange(week)) as { who: string; at: string }[];
  const counts = new Map<string, number>();
  for (const r of rows) if (inWeek(week, r.at)) counts.set(r.who, (counts.get(r.who) ?? 0) + 1);
  return [...counts].map(([who, changes]) => ({ who, changes })).sort((a, b) => b.changes - a.changes || compareText(a.who, b.who));
}

function signOffState(db: AppDatabase, week: WeekBounds): SignOffState {
  const signOff = standingSignOff(db, week.start);
  return signOff ? { kind: 'signed', signOff } : { kind: 'unsigned' };
}

/**
 * `hunts`: the catalogue's hunts with their runnable queries; those without a run this week are
 * listed as not run. `now`: the allow-list entries active then hide findings, as on the run page.
 */
export function summarizeWeek(db: AppDatabase, week: WeekBounds, hunts: readonly HuntRef[], now: string): WeekSummary {
  const name = namer(hunts);
  const allowed = activeAllowEntries(db, now);
  let suppressed = 0;
  const byQuery = new Map<string, SavedRun[]>();
  for (const run of runsOfWeek(db, week)) {
    const id = queryId(run.huntId, run.queryNumber);
    const runs = byQuery.get(id);
    if (runs) runs.push(run);
    else byQuery.set(id, [run]);
  }
  const findings: WeekFinding[] = [];
  for (const runs of byQuery.values()) {
    const latestOk = runs.filter((r): r is OkRun => r.status === 'ok').at(-1);
    if (!latestOk) continue;
    const found = findingsOf(db, latestOk, name(latestOk.huntId, latestOk.queryNumber), allowed);
    findings.push(...found.shown);
    suppressed += found.suppressed;
  }
  const diffOrder = { new: 0, recurring: 1 };
  findings.sort((a, b) => compareText(a.huntId, b.huntId) || a.queryNumber - b.queryNumber || diffOrder[a.diffStatus] - diffOrder[b.diffStatus] || compareText(a.key, b.key));
  const perTriageStatus = Object.fromEntries(TRIAGE_STATUSES.map((s) => [s, 0])) as Record<TriageStatus, number>;
  const perDiffStatus = { new: 0, recurring: 0 };
  for (const f of findings) {
    perTriageStatus[f.triage]++;
    perDiffStatus[f.diffStatus]++;
  }
  return {
    week,
    queries: queriesOfWeek(byQuery, hunts, name),
    findings,
    perTriageStatus,
    perDiffStatus,
    suppressed,
    untriaged: findings.filter((f) => f.untriaged),
    timeToTriage: timeToTriage(db, byQuery),
    reviewers: reviewersOf(db, week),
    signOff: signOffState(db, week),
  };
}
