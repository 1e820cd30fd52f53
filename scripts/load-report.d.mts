// Types for scripts/load-report.mjs (plain JS so `node` runs it with no build), for its tests.
export declare const KINDS: readonly string[];
export declare const HEAVY_KINDS: readonly string[];
export declare const MAX_P95_RATIO: number;
export declare function percentile(sorted: number[], p: number): number;
export interface KindSummary {
  kind: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
export interface LatencyStats {
  record(kind: string, ms: number, error?: string): void;
  summary(): KindSummary[];
  errors(): string[];
}
export declare function collectLatency(kinds?: readonly string[]): LatencyStats;
export declare function compareP95(quiet: LatencyStats, busy: LatencyStats): { rows: { kind: string; quiet: number; busy: number; ratio: number }[]; ratio: number; ok: boolean };
export declare function heavyUserReport(report: {
  users: number;
  seconds: number;
  bigRunFindings: number;
  importFindings: number;
  quiet: LatencyStats;
  busy: LatencyStats;
  heavy: LatencyStats;
  rss: { peak: number };
}): string;
export declare function markdownReport(report: {
  date: string;
  machine: string;
  users: number;
  seconds: number;
  elapsedS: number;
  networkEvents: string | undefined;
  scale: number;
  buildStale: boolean;
  stats: LatencyStats;
  warmErrors: string[];
  rss: { start: number; end: number; peak: number; count: number };
  flight: { calls: number; executions: number } | undefined;
}): string;
