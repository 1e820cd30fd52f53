/**
 * From the analyst's text, params and window to the exact ES|QL that runs, by the step the hunt
 * runner prepares a hunt query with (lib/hunts/run/effective-query.ts): the window rewritten
 * through the AST with absolute bounds as named params, every now() pinned to a param holding the
 * request's now. What the analyst wrote is never spliced with a value. Differences, each said in
 * the answer's window: a ROW query and a FROM over indices with no `@timestamp` run without a window.
 */
import 'server-only';
import { apiError, type ApiError, type WindowInfo } from '../model/api';
import type { EsqlValue } from '../model/esql';
import { formatErrors, parse, type EsqlError, type Query } from '../esql';
import { effectiveQuery } from '../hunts/run/effective-query';
import { describeWindow, timeWindowOf } from '../hunts/run/window-spec';
import { MAX_QUERY_CHARS, type ExploreInput } from './request';

export interface PreparedExplore {
  /** What runs (parsed): window and pinned now applied. */
  query: Query;
  text: string;
  params: Record<string, EsqlValue>[];
  window: WindowInfo;
}

export type Parsed = { ok: true; query: Query } | { ok: false; error: ApiError };
export type PrepareResult = { ok: true; prepared: PreparedExplore } | { ok: false; error: ApiError };

/** The text parsed, or the positioned error Elasticsearch's parser would give (`line 1:19: …`). */
export function parseExplore(text: string): Parsed {
  if (text.length > MAX_QUERY_CHARS) {
    return { ok: false, error: apiError('bad_request', `The query has ${text.length.toLocaleString('en-US')} characters; Explore runs at most ${MAX_QUERY_CHARS.toLocaleString('en-US')}.`) };
  }
  if (text.trim() === '') return { ok: false, error: apiError('bad_request', 'Write a query to run: it starts with FROM or ROW.') };
  const parsed = parse(text);
  if (parsed.ok) return parsed;
  return { ok: false, error: apiError(kindOf(parsed.errors), formatErrors(parsed.errors), 'The query is not valid ES|QL: fix it at the line and column given.') };
}

function kindOf(errors: readonly EsqlError[]): 'parsing' | 'unsupported' | 'verification' {
  if (errors.some((e) => e.kind === 'unsupported')) return 'unsupported';
  return errors.every((e) => e.kind === 'parsing') ? 'parsing' : 'verification';
}

/** The FROM patterns the window's `@timestamp` check needs, when a window is to be applied. */
export function windowedPatterns(query: Query, input: ExploreInput): string[] | undefined {
  const first = query.commands[0];
  return first?.kind === 'from' && timeWindowOf(input.window) ? first.sources.map((s) => s.name) : undefined;
}

/**
 * `timestamped` says whether the FROM's columns include `@timestamp` (undefined: not known, the
 * window is applied and the backend judges).
 */
export function prepareExplore(original: Query, input: ExploreInput, now: Date, timestamped?: boolean): PrepareResult {
  const first = original.commands[0];
  let window: WindowInfo | undefined;
  let timeWindow = timeWindowOf(input.window);
  if (first?.kind === 'row') {
    window = { id: 'hunt', description: 'no time window: a ROW query reads no index' };
    timeWindow = undefined;
  } else if (timeWindow && timestamped === false) {
    window = { id: 'hunt', description: 'no time window: the indices searched have no @timestamp field' };
    timeWindow = undefined;
  }
  const effective = effectiveQuery(original, input.query, timeWindow, now);
  if (!effective.ok) return { ok: false, error: apiError('bad_request', effective.reason) };
  const { query, text, params, applied } = effective.effective;
  const twice = firstDuplicate(input.params);
  if (twice !== undefined) return { ok: false, error: apiError('bad_request', `The param [${twice}] is given twice.`) };
  // A param the analyst already binds to the same value (a hunt's text and params opened in Explore) is one binding.
  const given = new Map(input.params.flatMap((p) => Object.entries(p)).map(([name, value]) => [name, JSON.stringify(value)]));
  const own = params.filter((p) => Object.entries(p).some(([name, value]) => given.get(name) !== JSON.stringify(value)));
  const all = [...input.params, ...own];
  const clash = firstDuplicate(all);
  if (clash !== undefined) {
    return { ok: false, error: apiError('bad_request', `The param [${clash}] is Huntboard's own here (the window's bounds or the pinned now()): rename yours, or pick the window "as written".`) };
  }
  return {
    ok: true,
    prepared: { query, text, params: all, window: window ?? describeWindow(input.window, original, now, applied) },
  };
}

function firstDuplicate(params: readonly Record<string, EsqlValue>[]): string | undefined {
  const seen = new Set<string>();
  for (const p of params) {
    for (const name of Object.keys(p)) {
      if (seen.has(name)) return name;
      seen.add(name);
    }
  }
  return undefined;
}
