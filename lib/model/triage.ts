/** Triage of a finding: its status, assignee, note and history, as every layer sees it. Browser-safe. */

export const TRIAGE_STATUSES = ['new', 'investigating', 'benign', 'suspicious', 'escalated'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/**
 * A finding: its hunt, a query and its BY values. Triage belongs to the hunt and the BY values,
 * shared by the hunt's queries with the same key columns (lib/hunts/finding-group): before any
 * triage read or write the query number is resolved to its triage group, the lowest-numbered such
 * query, and triage is stored and returned under that number.
 */
export interface FindingRef {
  huntId: string;
  queryNumber: number;
  /** JSON of the finding's BY values (lib/review/diff's `key`). */
  findingKey: string;
}

export interface TriageState extends FindingRef {
  status: TriageStatus;
  assignee: string | null;
  note: string;
  /** 0 for a finding nobody has triaged yet. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** A query whose triage a finding shares (the panel says so: a change here shows there). */
export interface TriageShare {
  queryNumber: number;
  label: string;
}

export interface TriageHistoryEntry {
  at: string;
  who: string;
  fromStatus: TriageStatus | null;
  toStatus: TriageStatus;
  fromAssignee: string | null;
  toAssignee: string | null;
  note: string;
}
