/**
 * A saved run's findings as the review shows them: each one new, recurring or gone against the
 * runs before it, with its triage and when its process was first seen. Browser-safe: the run page
 * renders these; lib/review, lib/hunts and lib/server compute them.
 */
import type { EsqlValue } from './esql';
import type { TriageState } from './triage';

export type FindingStatus = 'new' | 'recurring' | 'gone';

/** A column whose value moved since the previous run. */
export interface FindingChange {
  column: string;
  before: EsqlValue;
  after: EsqlValue;
}

export interface FindingDiff {
  /** JSON of the BY values: stable across runs, the identity triage hangs on. */
  key: string;
  keyValues: Record<string, EsqlValue>;
  status: FindingStatus;
  /** How many of the runs compared (this one and those before it) list this finding. */
  runsSeen: number;
  /** The row now, or (for a gone finding) as last seen. */
  row: Record<string, EsqlValue>;
  changes: FindingChange[];
}

export type ReviewedFinding = FindingDiff & { triage: TriageState; processName: string | null; agentIds: string[]; huntId: string };

export interface FirstSeen {
  /** Earliest event of the process on any agent in the lookback. */
  fleet: string | null;
  /** Earliest event per agent. */
  perAgent: Record<string, string>;
  /** First seen fleet-wide inside the current week (the run's window start or later). */
  newThisWeek: boolean;
  /** Agents that ran it inside the week: the finding's own agents. */
  agentsThisWeek: string[];
}

/** A backend that fails is a message on the page, never a failed review. */
export type FirstSeenAnswer =
  | { kind: 'found'; byName: Map<string, FirstSeen>; lookbackDays: number; since: string }
  | { kind: 'not-applicable' }
  | { kind: 'failed'; message: string };
