/**
 * How much one bundle may hold. Checked on the parsed document before the full validation, so a
 * bundle over a limit is refused quickly, with the limit and the count it has. The uncompressed
 * size (format.ts) bounds everything else; these bound the work and the rows one import writes.
 */
import 'server-only';

export const BUNDLE_LIMITS = {
  /** A week of runs of record, and the earlier runs their diffs compare with. */
  runs: 10_000,
  /** One run's rows; a hunt query with no LIMIT on the embedded engine can return this many. */
  findingsPerRun: 1_000_000,
  /** Findings with saved events (one row of the app state each). */
  eventFindings: 1_000_000,
  /** Event rows over all findings (each finding holds at most 10,000: format.ts). */
  eventRows: 2_000_000,
  /**
   * Triaged findings (triage carries over weeks, so a week's findings bring their older triage).
   * Merging costs ~50 µs a finding inside the write transaction: this bounds it to a few seconds.
   */
  triage: 100_000,
  triageHistory: 500_000,
  /** Entries in force during the week: a team's allow-list is hundreds, not more. */
  allowEntries: 100_000,
} as const;

export type BundleLimits = { [K in keyof typeof BUNDLE_LIMITS]: number };

const fmt = (n: number) => n.toLocaleString('en-US');

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function over(count: number, limit: number, what: string): string | undefined {
  return count > limit ? `it holds ${fmt(count)} ${what}; Huntboard imports at most ${fmt(limit)}` : undefined;
}

/**
 * The first limit the document breaks, as a sentence; undefined when within them. Reads only
 * array lengths: the shape itself is the schema's to check afterwards.
 */
export function overLimit(document: unknown, limits: BundleLimits = BUNDLE_LIMITS): string | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const doc = document as Record<string, unknown>;
  const runs = [...arrayOf(doc.runs), ...arrayOf(doc.baselines)];
  const events = arrayOf(doc.events);
  const tooMany =
    over(runs.length, limits.runs, 'runs') ??
    over(arrayOf(doc.triage).length, limits.triage, 'triage entries') ??
    over(arrayOf(doc.history).length, limits.triageHistory, 'triage history entries') ??
    over(arrayOf(doc.allowList).length, limits.allowEntries, 'allow-list entries') ??
    over(arrayOf(doc.firstSeen).length, limits.runs, 'first-seen answers') ??
    over(events.length, limits.eventFindings, 'findings with events');
  if (tooMany) return tooMany;
  for (const run of runs) {
    const rows = arrayOf((run as { values?: unknown } | null)?.values).length;
    if (rows > limits.findingsPerRun) {
      const id = String((run as { id?: unknown }).id).slice(0, 20);
      return `run ${id} holds ${fmt(rows)} findings; Huntboard imports at most ${fmt(limits.findingsPerRun)} findings per run`;
    }
  }
  let eventRows = 0;
  for (const e of events) eventRows += arrayOf((e as { values?: unknown } | null)?.values).length;
  return over(eventRows, limits.eventRows, 'event rows');
}
