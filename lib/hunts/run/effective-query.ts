/**
 * The step a hunt query and an Explore query share on their way to the backend: the window
 * rewritten through the AST with its bounds as named params, then every now() pinned to a param
 * holding the request's now (pin-now.ts), so the text means the same on a cluster's clock and when
 * re-run. Values are never spliced into the text.
 */
import 'server-only';
import type { EsqlValue } from '../../model/esql';
import { pinNowInQuery, pinNowInText, printMultiline, type Query } from '../../esql';
import { applyTimeWindow, windowParams, type TimeWindow } from '../window';

export interface EffectiveQuery {
  /** The query with the window applied, before now() is pinned. */
  windowed: Query;
  /** What runs, parsed and as text. */
  query: Query;
  text: string;
  params: Record<string, EsqlValue>[];
  /** The window as applied (its description and bound params), when one was. */
  applied?: { description: string; params: Record<string, string> };
}

/**
 * `written` is the text of `start` as the analyst or hunt file wrote it, kept when no rewrite
 * changed the query (its spacing and comments are what the page shows); absent, the query is printed.
 */
export function effectiveQuery(start: Query, written: string | undefined, window: TimeWindow | undefined, now: Date): { ok: true; effective: EffectiveQuery } | { ok: false; reason: string } {
  let windowed = start;
  let params: Record<string, EsqlValue>[] = [];
  let applied: EffectiveQuery['applied'];
  if (window) {
    const result = applyTimeWindow(start, window);
    if (!result.ok) return { ok: false, reason: result.reason };
    windowed = result.query;
    params = windowParams(result.params);
    applied = result;
  }
  const unpinned = windowed === start && written !== undefined ? written : printMultiline(windowed);
  const pinned = pinNowInText(unpinned);
  const query = pinned ? pinNowInQuery(windowed, pinned.name) : windowed;
  if (pinned) params = [...params, { [pinned.name]: now.toISOString() }];
  return { ok: true, effective: { windowed, query, text: pinned?.text ?? unpinned, params, ...(applied ? { applied } : {}) } };
}
