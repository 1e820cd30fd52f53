/**
 * A run's `now`, pinned in its own text: every `now()` becomes `TO_DATETIME(?_nowN)` with the
 * resolved instant as a named param. Elasticsearch folds now() from its own clock (the request
 * cannot set it; docs/esql-semantics.md §9), so only a param makes a saved run's text mean the same thing when it is run
 * again: for its drill-down, its first seen, its bundle. TO_DATETIME of a keyword param is valid
 * date arithmetic on 8.15+ and 9.x; a bare string param in `? - 7 day` is not before 9.x.
 *
 * The rewrite splices the text (spans from the parser) rather than printing the AST: the text as
 * written (comments, spelling of unnamed BY expressions, which name the result columns) stays.
 */
import type { EsqlValue } from '../../model/esql';
import type { Expression, FunctionCall, Param, Query } from '../ast';
import { parse } from '../parser/parse';
import { collect, transformExpressions } from './walker';
import { freshParamNames, NO_SPAN, param } from './build';

/** Pinned-now params are `_now1`, `_now2`, …: the first name the query does not already use. */
const BASE = '_now';
const PINNED_NAME = /^_now\d+$/;

const isNowCall = (n: { kind: string }): n is FunctionCall => n.kind === 'function' && (n as FunctionCall).name === 'now';

export interface PinnedText {
  text: string;
  /** The param the text now reads its `now` from. */
  name: string;
}

/** The param name a pinned query reads its now from (not yet used by `query`). */
export function nowParamName(query: Query): string {
  return freshParamNames(query, BASE, 1)[0];
}

/** `text` with each now() call replaced by `TO_DATETIME(?_nowN)`; undefined when it has none (or does not parse). */
export function pinNowInText(text: string): PinnedText | undefined {
  const parsed = parse(text);
  if (!parsed.ok) return undefined;
  const calls = collect<FunctionCall>(parsed.query, isNowCall).sort((a, b) => b.span.start - a.span.start);
  if (calls.length === 0) return undefined;
  const name = nowParamName(parsed.query);
  let out = text;
  for (const call of calls) out = `${out.slice(0, call.span.start)}TO_DATETIME(?${name})${out.slice(call.span.end)}`;
  return { text: out, name };
}

/** The same rewrite on the AST (spans of the other nodes kept), for the query the use case builds on. */
export function pinNowInQuery(query: Query, name: string): Query {
  const pinned: Expression = { kind: 'function', name: 'to_datetime', args: [param(name)], span: NO_SPAN };
  return transformExpressions(query, (e) => (isNowCall(e) ? pinned : undefined));
}

/** The instant a saved run's params pinned its now to, if they did. */
export function pinnedNow(query: Query, params: readonly Record<string, EsqlValue>[]): string | undefined {
  const read = new Set(collect<Param>(query, (n) => n.kind === 'param').map((p) => p.name));
  for (const p of params) {
    for (const [name, value] of Object.entries(p)) if (PINNED_NAME.test(name) && read.has(name) && typeof value === 'string') return value;
  }
  return undefined;
}

export function hasNowCall(query: Query): boolean {
  return collect(query, isNowCall).length > 0;
}
