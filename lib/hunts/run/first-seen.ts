/**
 * First seen for a saved run's findings: one lookback query on the configured backend, from the
 * run's own window end (its now, for a relative window) and never later than its window start,
 * with no upper bound (first-seen-query.ts). Findings not keyed by process name have nothing to
 * look up; a failing backend is a message on the page, never a failed review.
 */
import 'server-only';
import type { OkRunHeader, RunHeader } from '../../appstate/runs';
import type { Backend } from '../../backends/types';
import { parse } from '../../esql';
import { buildFirstSeenQuery, DEFAULT_LOOKBACK_DAYS, firstSeenByName } from '../first-seen-query';
import type { FirstSeenAnswer } from '../../model/review';


/** The week a run covers: its window, or the 7 days before it started when the window was not resolved. */
export function runWeek(run: RunHeader): { start: string; end: string } {
  const end = run.window.to ?? run.startedAt;
  const start = run.window.from ?? new Date(Date.parse(end) - 7 * 864e5).toISOString();
  return { start, end };
}

export async function firstSeenForRun(backend: Backend, run: OkRunHeader, names: readonly string[], lookbackDays?: number, signal?: AbortSignal): Promise<FirstSeenAnswer> {
  if (names.length === 0) return { kind: 'not-applicable' };
  const parsed = parse(run.queryText);
  if (!parsed.ok) return { kind: 'not-applicable' };
  const week = runWeek(run);
  const built = buildFirstSeenQuery(parsed.query, names, new Date(week.end), lookbackDays, new Date(week.start));
  if (!built.ok) return { kind: 'failed', message: built.reason };
  const result = await backend.query({ query: built.text, params: built.params, ...(signal ? { signal } : {}) });
  if (!result.ok) return { kind: 'failed', message: result.error.message };
  const since = built.params.find((p) => 'fs_from' in p)?.fs_from;
  return {
    kind: 'found',
    byName: firstSeenByName(result.response.columns, result.response.values, week.start),
    lookbackDays: lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
    since: typeof since === 'string' ? since : week.start,
  };
}
