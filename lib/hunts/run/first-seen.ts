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


/** What a run looked at: its window, or the 7 days before it started when the window was not resolved. */
function runSpan(run: RunHeader): { from: string; to: string } {
  const to = run.window.to ?? run.startedAt;
  const from = run.window.from ?? new Date(Date.parse(to) - 7 * 864e5).toISOString();
  return { from, to };
}

export async function firstSeenForRun(backend: Backend, run: OkRunHeader, names: readonly string[], lookbackDays?: number, signal?: AbortSignal): Promise<FirstSeenAnswer> {
  if (names.length === 0) return { kind: 'not-applicable' };
  const parsed = parse(run.queryText);
  if (!parsed.ok) return { kind: 'not-applicable' };
  const span = runSpan(run);
  const built = buildFirstSeenQuery(parsed.query, names, new Date(span.to), lookbackDays, new Date(span.from));
  if (!built.ok) return { kind: 'failed', message: built.reason };
  const result = await backend.query({ query: built.text, params: built.params, ...(signal ? { signal } : {}) });
  if (!result.ok) return { kind: 'failed', message: result.error.message };
  const since = built.params.find((p) => 'fs_from' in p)?.fs_from;
  return {
    kind: 'found',
    byName: firstSeenByName(result.response.columns, result.response.values, span.from),
    lookbackDays: lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
    since: typeof since === 'string' ? since : span.from,
  };
}
