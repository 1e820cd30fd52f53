/**
 * What an import is asked and what it answers, shared by the import (lib/bundle/import), its
 * writer (import-write), the thread and worker that run it, and the command line that words it.
 */
import 'server-only';
import type { BundleLimits } from './limits';

export interface ImportOptions {
  /** As the uploader named it: reduced to a display name (lib/bundle/file-name) before use. */
  fileName: string;
  who: string;
  now: Date;
  maxUncompressed?: number;
  limits?: BundleLimits;
}

export interface ImportSummary {
  bundleId: number;
  fileName: string;
  week: { start: string; end: string };
  sourceLabel: string;
  exportedAt: string;
  /** The bundle's run ids and the local ids they were given. */
  runs: { bundleRunId: number; runId: number; huntId: string; queryNumber: number; status: 'ok' | 'failed' }[];
  events: { findings: number; rows: number; failed: number };
  triage: { inserted: number; updated: number; kept: number; historyAdded: number };
  /** Earlier runs the week's diffs compare with: written, or already here from an earlier import. */
  baselines: { added: number; alreadyHere: number };
  allowList: { added: number; kept: number };
  /** The source's sign-off of the week: recorded, or this Huntboard's own standing one kept. */
  signOff: 'added' | 'kept' | 'none';
}

export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; reason: 'invalid' | 'duplicate' | 'disk_full'; message: string };
