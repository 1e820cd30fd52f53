/**
 * From a hunt query and the analyst's choices (window, safer variant) to the exact ES|QL that
 * runs: rewritten through the AST, printed, with the window bounds and the resolved `now` as
 * named params (pin-now.ts), so the text means the same on a cluster's clock and when re-run.
 */
import 'server-only';
import { apiError, type ApiError, type ApiFinding, type WindowInfo } from '../../model/api';
import type { EsqlValue } from '../../model/esql';
import { type Query, formatErrors, lintQuery, type LintFinding, print } from '../../esql';
import { splitAtLastStats } from '../../esql';
import type { Hunt } from '../types';
import { notEsqlMessage, PICK_A_HUNT } from './errors';
import { effectiveQuery } from './effective-query';
import { describeWindow, timeWindowOf, type WindowSpec } from './window-spec';

/** The lint rewrites the page offers as variants, by finding code. */
export const VARIANTS = ['limit-before-sort'] as const;
export type VariantId = (typeof VARIANTS)[number];

export interface PrepareOptions {
  window: WindowSpec;
  variant?: VariantId;
  now: Date;
}

export interface PreparedQuery {
  hunt: Hunt;
  number: number;
  /** The hunt's query as written (parsed). */
  original: Query;
  originalText: string;
  /** What runs: window, variant and pinned now applied. */
  query: Query;
  text: string;
  params: Record<string, EsqlValue>[];
  window: WindowInfo;
  /** Findings on the query as written, with variants printed. */
  findings: ApiFinding[];
  /** Result columns naming the last STATS' BY keys; empty when rows are not drillable. */
  keys: string[];
}

export type PrepareResult = { ok: true; prepared: PreparedQuery } | { ok: false; error: ApiError };

export function prepareHuntQuery(hunt: Hunt, number: number, options: PrepareOptions): PrepareResult {
  const entry = hunt.queries.find((q) => q.number === number);
  if (!entry) return { ok: false, error: apiError('not_found', `Hunt [${hunt.id}] has no query ${number}.`, PICK_A_HUNT) };
  if (entry.language !== 'ES|QL') {
    return { ok: false, error: apiError('unsupported', notEsqlMessage(hunt, number, entry.language)) };
  }
  if (!entry.parsed.ok) return { ok: false, error: apiError('parsing', formatErrors(entry.parsed.errors), 'The hunt file’s query is not valid ES|QL: fix the hunt file.') };
  const original = entry.parsed.query;
  const lint = lintQuery(original, entry.text);
  let query = original;
  if (options.variant) {
    const fix = lint.find((f) => f.code === options.variant)?.fix;
    if (!fix) return { ok: false, error: apiError('bad_request', `Query ${number} has no “${options.variant}” variant to run.`) };
    query = fix.query;
  }
  const effective = effectiveQuery(query, query === original ? entry.text : undefined, timeWindowOf(options.window), options.now);
  if (!effective.ok) return { ok: false, error: apiError('bad_request', effective.reason) };
  const { windowed, applied } = effective.effective;
  // Column names of unnamed BY expressions come from the text as written; a variant keeps them.
  const split = splitAtLastStats(windowed, entry.text);
  return {
    ok: true,
    prepared: {
      hunt,
      number,
      original,
      originalText: entry.text,
      query: effective.effective.query,
      text: effective.effective.text,
      params: effective.effective.params,
      window: describeWindow(options.window, original, options.now, applied),
      findings: lint.map(toApiFinding),
      keys: 'reason' in split ? [] : split.keys.map((k) => k.name),
    },
  };
}

export function toApiFinding(f: LintFinding): ApiFinding {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    line: f.line,
    column: f.column,
    ...(f.fix ? { variant: { label: f.fix.label, query: print(f.fix.query) } } : {}),
  };
}
