/** Triage of a finding: its status, assignee, note and history, as every layer sees it. Browser-safe. */

export const TRIAGE_STATUSES = ['new', 'investigating', 'benign', 'suspicious', 'escalated'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

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

export interface TriageHistoryEntry {
  at: string;
  who: string;
  fromStatus: TriageStatus | null;
  toStatus: TriageStatus;
  fromAssignee: string | null;
  toAssignee: string | null;
  note: string;
}
