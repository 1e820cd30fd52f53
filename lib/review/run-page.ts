/**
 * One page of a run's review: the page's bounds, and its stored findings turned
 * into what diffRuns gives (key values, the row, the counts that changed since the previous run).
 */
import 'server-only';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import type { AppDatabase } from '../appstate/database';
import type { StoredFinding } from '../appstate/run-diff-read';
import type { DiffCounts, FindingStatus } from '../appstate/run-diff';
import { findingKeyReader, lastRowsWithKeys } from '../appstate/run-findings';
import type { FindingDiff } from '../model/review';
import type { ReviewFilter } from '../view/review/review-url';

export const REVIEW_PAGE_SIZE = 100;

export { parseReviewQuery, reviewHref, REVIEW_FILTERS, type ReviewFilter, type ReviewQuery } from '../view/review/review-url';

export function statusesOf(filter: ReviewFilter): FindingStatus[] {
  return filter === 'all' || filter === 'hidden' ? ['new', 'recurring', 'gone'] : [filter];
}

export const sumOf = (counts: DiffCounts, statuses: readonly FindingStatus[]) => statuses.reduce((n, s) => n + counts[s], 0);

export interface PageBounds {
  number: number;
  size: number;
  pages: number;
  total: number;
  offset: number;
}

/** The page asked for, moved inside 1…pages (an empty list has one, empty, page). */
export function pageBounds(total: number, asked: number, size = REVIEW_PAGE_SIZE): PageBounds {
  const pages = Math.max(1, Math.ceil(total / size));
  const number = Math.min(Math.max(1, asked), pages);
  return { number, size, pages, total, offset: (number - 1) * size };
}

interface RunColumns {
  id: number;
  queryText: string;
  columns: EsqlColumn[];
}

/**
 * Stored findings as diffRuns shapes them. Keys are the current run's; a gone finding's row is the
 * previous run's (read by column name); changes compare with the previous run's last row of the key.
 */
export function toFindingDiffs(db: AppDatabase, run: RunColumns, previous: RunColumns | undefined, stored: readonly StoredFinding[]): FindingDiff[] {
  const current = findingKeyReader(run.queryText, run.columns);
  const keys = current.keys;
  const before = previous ? findingKeyReader(previous.queryText, previous.columns) : undefined;
  const recurring = stored.filter((f) => f.status === 'recurring').map((f) => f.key);
  const previousRows = previous && recurring.length > 0 ? lastRowsWithKeys(db, previous.id, recurring) : new Map<string, EsqlValue[]>();
  const names = run.columns.map((c) => c.name);
  return stored.map((f): FindingDiff => {
    const values = JSON.parse(f.valuesJson) as EsqlValue[];
    const row = f.rowRunId === run.id || !before ? current.record(values) : before.record(values);
    const keyValues = Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
    const prior = previousRows.get(f.key);
    const then = prior && before ? before.record(prior) : undefined;
    const changes = then
      ? names.filter((c) => !keys.includes(c) && JSON.stringify(then[c]) !== JSON.stringify(row[c])).map((c) => ({ column: c, before: then[c] ?? null, after: row[c] ?? null }))
      : [];
    return { key: f.key, keyValues, status: f.status, runsSeen: f.runsSeen, row, changes };
  });
}
