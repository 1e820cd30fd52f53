/**
 * Week over week: each finding of a run (a row, keyed by hunt, query and its BY values) is new,
 * recurring (with how many of the compared runs saw it), or gone since the previous run; counts
 * that changed are listed. Runs compare only when their query text is the same (same hash).
 * The pages read these answers stored at save time (lib/appstate/run-diff, in SQL); diffRuns is
 * the rules' reference in memory, and stored-diff.property.test.ts holds the two equal.
 */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import type { SavedRun } from '../appstate/runs';
import { findingKeyColumns } from '../esql';
import type { FindingDiff } from '../model/review';

export { DIFF_HISTORY } from '../appstate/run-diff';


type OkRun = Extract<SavedRun, { status: 'ok' }>;

function records(run: OkRun): Record<string, EsqlValue>[] {
  return run.values.map((row) => Object.fromEntries(run.columns.map((c, i) => [c.name, row[i]])));
}

function keyOf(keys: readonly string[], row: Record<string, EsqlValue>): string {
  return JSON.stringify(keys.map((k) => row[k] ?? null));
}

/** The keys of every finding a run lists. */
export function findingKeysOf(run: OkRun): Set<string> {
  const keys = findingKeyColumns(run.queryText, run.columns.map((c) => c.name));
  return new Set(records(run).map((row) => keyOf(keys, row)));
}

/**
 * `history` holds earlier successful runs of the same query, newest first; the first is "the
 * previous run". Runs of another query text are ignored (their findings do not compare).
 */
export function diffRuns(current: OkRun, history: readonly OkRun[]): FindingDiff[] {
  const keys = findingKeyColumns(current.queryText, current.columns.map((c) => c.name));
  const comparable = history.filter((r) => r.queryHash === current.queryHash);
  const seen = new Map<string, number>();
  for (const run of comparable) for (const row of records(run)) seen.set(keyOf(keys, row), (seen.get(keyOf(keys, row)) ?? 0) + 1);
  const previous = new Map((comparable[0] ? records(comparable[0]) : []).map((row) => [keyOf(keys, row), row]));
  const out: FindingDiff[] = [];
  const now = new Set<string>();
  for (const row of records(current)) {
    const key = keyOf(keys, row);
    if (now.has(key)) continue;
    now.add(key);
    const before = previous.get(key);
    const keyValues = Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
    const changes = before
      ? current.columns.map((c) => c.name).filter((c) => !keys.includes(c) && JSON.stringify(before[c]) !== JSON.stringify(row[c])).map((c) => ({ column: c, before: before[c] ?? null, after: row[c] ?? null }))
      : [];
    out.push({ key, keyValues, status: (seen.get(key) ?? 0) > 0 ? 'recurring' : 'new', runsSeen: (seen.get(key) ?? 0) + 1, row, changes });
  }
  for (const [key, row] of previous) {
    if (now.has(key)) continue;
    out.push({ key, keyValues: Object.fromEntries(keys.map((k) => [k, row[k] ?? null])), status: 'gone', runsSeen: seen.get(key) ?? 1, row, changes: [] });
  }
  return out;
}
