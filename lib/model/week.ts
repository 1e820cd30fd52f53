/**
 * The lead's week as the week page shows it: its bounds, what ran, what it found, how fast triage
 * was, the sign-off, and what changed since signing. Browser-safe: lib/review computes these from
 * the app state; the week page's components render them.
 */
import type { EsqlValue } from './esql';
import type { TriageStatus } from './triage';

/**
 * A week: Monday 00:00 UTC to the next Monday, the one shape every layer uses (lib/review/week-bounds
 * computes it). `monday` names the week (URLs, sign-offs, file names); `from` and `to` bound it.
 */
export interface WeekBounds {
  /** The Monday, YYYY-MM-DD. */
  monday: string;
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive: the next Monday. */
  to: string;
}

export interface QueryName {
  huntId: string;
  huntName: string;
  queryNumber: number;
  queryLabel: string;
}

export interface WeekFinding extends QueryName {
  runId: number;
  key: string;
  keyValues: Record<string, EsqlValue>;
  diffStatus: 'new' | 'recurring' | 'gone';
  triage: TriageStatus;
  assignee: string | null;
  /** Still `new` and nobody has touched it. */
  untriaged: boolean;
}

/** A query's latest successful run of the week and how many of its findings each list holds. */
export interface FindingRun extends QueryName {
  runId: number;
  findings: number;
  untriaged: number;
}

export interface WeekFindings {
  findings: WeekFinding[];
  findingCount: number;
  untriaged: WeekFinding[];
  untriagedCount: number;
  findingRuns: FindingRun[];
  perTriageStatus: Record<TriageStatus, number>;
  perDiffStatus: { new: number; recurring: number };
  suppressed: number;
  /** Listed last week, not this week (the allow-list applied as to the others). */
  gone: WeekFinding[];
  goneCount: number;
  /** The first findings the allow-list hides (new and recurring), for the sign-off's snapshot. */
  hidden: WeekFinding[];
}

export interface TimeToTriage {
  count: number;
  medianHours: number | null;
  maxHours: number | null;
}

export interface WeekSignOff {
  /** The sign-off's row: its snapshot (lib/review/week-snapshot) is keyed by it. */
  id: number;
  weekStart: string;
  signedBy: string;
  signedAt: string;
  note: string;
}

/** A sign-off withdrawn so the week could be signed again: kept as the record of what was signed. */
export interface RevokedSignOff extends WeekSignOff {
  revokedBy: string;
  revokedAt: string;
}

export type RunOutcome = { kind: 'ok'; rows: number } | { kind: 'truncated'; rows: number } | { kind: 'failed'; message: string };

export type QueryWeek =
  | (QueryName & { kind: 'ran'; runCount: number; latest: { runId: number; startedAt: string; outcome: RunOutcome } })
  | (QueryName & { kind: 'did-not-run' });

/** `snapshot`: what was frozen at signing (absent for a sign-off made before snapshots were kept). */
export type SignOffState = { kind: 'unsigned' } | { kind: 'signed'; signOff: WeekSignOff; snapshot?: { sha256: string; untriagedAtSigning: number } };

/** A run of the week, as the sign-off's snapshot records it: a run saved later is a change. */
export interface WeekRun {
  id: number;
  startedAt: string;
  huntId: string;
  queryNumber: number;
}

/**
 * `findings` and `untriaged` list the first WEEK_LIST_LIMIT; `findingCount`, `untriagedCount`
 * and the per-status counts cover every finding. `suppressed`: hidden by the allow-list, as on
 * the run page (in none of the lists or counts).
 */
export interface WeekSummary extends WeekFindings {
  week: WeekBounds;
  /** Every run started in the week, oldest first. */
  runs: WeekRun[];
  queries: QueryWeek[];
  timeToTriage: TimeToTriage;
  reviewers: { who: string; changes: number }[];
  signOff: SignOffState;
}

export type ChangedField = 'presence' | 'change' | 'suppression' | 'triage' | 'assignee';

/** A finding of a signed week whose state moved since signing, each field with its from → to. */
export interface WeekFindingChange {
  /** The finding as it is now, or as it was signed when it has left the week. */
  finding: WeekFinding;
  fields: { field: ChangedField; from: string; to: string }[];
}

export interface WeekChanges {
  findings: WeekFindingChange[];
  /** Runs of the week saved after the sign-off (a late schedule, an import, a CLI run). */
  lateRuns: WeekRun[];
  /** Runs the snapshot lists that the week no longer holds. */
  missingRuns: WeekRun[];
  figures: { name: string; from: number; to: number }[];
  /** A side lists only its first findings: presence is compared only where both sides are whole. */
  partial: boolean;
}
