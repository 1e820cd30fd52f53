/**
 * The hunt page's histogram: the events a hunt's last STATS aggregates (the drill-down's pipeline
 * without a row's keys), counted per time bucket over the window, so the analyst sees when the
 * rare processes were active. One query: the prepared pipeline before its last STATS, then
 * `STATS … BY bucket = BUCKET(@timestamp, <span>) | SORT bucket`. The window, now and the hunt's
 * own values stay the prepared query's params.
 *
 * The span is a literal built as an AST node from the fixed STEPS list (not user text): the
 * embedded engine runs BUCKET with a span only, and a span cannot be an ES|QL param. It is chosen
 * from the window's length by the drill-down timeline's own rule, so both charts bucket alike.
 */
import 'server-only';
import { apiError, type HistogramResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { EsqlValue } from '../../model/esql';
import { type Command, type Expression, type Field, type Query, type TimeUnit, column, NO_SPAN, print, splitAtLastStats } from '../../esql';
import { chooseStep, toEpochMs, windowRange, type BucketStep, type TimeRange } from '../../view/events/timeline';
import { toApiError } from './errors';
import type { PreparedQuery } from './prepare';
import { statsInputColumns, usedParams } from './stats-input';

const TIMESTAMP = '@timestamp';
/** Far more than the ~120 buckets a step allows: events outside the window may widen the axis. */
const BUCKET_LIMIT = 1000;

export type HistogramSource = Pick<PreparedQuery, 'query' | 'params' | 'originalText' | 'window'>;

export type BuiltHistogram = { ok: true; query: Query; params: Record<string, EsqlValue>[] } | { ok: false; reason: string };

const UNITS: Record<string, { unit: TimeUnit; text: string }> = {
  s: { unit: 'second', text: 'seconds' },
  m: { unit: 'minute', text: 'minutes' },
  h: { unit: 'hour', text: 'hours' },
  d: { unit: 'day', text: 'days' },
};

/** A step (`3h`, `7d`) as an ES|QL time span: durations below a day, calendar days (7 days is a Monday week) above. */
export function stepSpan(step: BucketStep): Expression {
  const match = /^(\d+)([smhd])$/.exec(step.label);
  if (!match) throw new Error(`No ES|QL span for the bucket step ${step.label}`);
  const { unit, text } = UNITS[match[2]];
  return { kind: 'timeSpan', quantity: Number(match[1]), unit, unitText: text, span: NO_SPAN };
}

const call = (name: string, args: Expression[], star = false): Expression => ({ kind: 'function', name, args, ...(star ? { star } : {}), span: NO_SPAN });
const named = (name: string, expression: Expression): Field => ({ kind: 'field', name: { kind: 'column', name, span: NO_SPAN }, expression, span: NO_SPAN });

/** The pipeline before the query's last STATS, with `tail` in place of that STATS and what follows it. */
function beforeLastStats(source: HistogramSource, tail: Command[]): BuiltHistogram {
  const split = splitAtLastStats(source.query, source.originalText);
  if ('reason' in split) return { ok: false, reason: split.reason };
  const query: Query = { ...source.query, commands: [...split.before, ...tail] };
  return { ok: true, query, params: usedParams(query, source.params) };
}

/** Events per bucket, with each bucket's first and last event time, oldest bucket first. */
export function buildHistogramQuery(source: HistogramSource, step: BucketStep): BuiltHistogram {
  const stats: Command = {
    kind: 'stats',
    aggregates: [
      named('count', call('count', [], true)),
      named('first_seen', call('min', [column(TIMESTAMP)])),
      named('last_seen', call('max', [column(TIMESTAMP)])),
    ],
    groupings: [named('bucket', call('bucket', [column(TIMESTAMP), stepSpan(step)]))],
    span: NO_SPAN,
  };
  const sort: Command = { kind: 'sort', orders: [{ kind: 'order', expression: column('bucket'), span: NO_SPAN }], span: NO_SPAN };
  return beforeLastStats(source, [stats, sort, { kind: 'limit', count: BUCKET_LIMIT, span: NO_SPAN }]);
}

/** The first and last event time, for a window with no bounds (a hunt run over all its data). */
export function buildRangeQuery(source: HistogramSource): BuiltHistogram {
  const stats: Command = {
    kind: 'stats',
    aggregates: [named('first_seen', call('min', [column(TIMESTAMP)])), named('last_seen', call('max', [column(TIMESTAMP)]))],
    groupings: [],
    span: NO_SPAN,
  };
  return beforeLastStats(source, [stats]);
}

type Ask = (built: Extract<BuiltHistogram, { ok: true }>) => ReturnType<Backend['query']>;

export async function runHistogram(backend: Backend, source: HistogramSource, now: Date, signal?: AbortSignal): Promise<HistogramResponse> {
  const input = await statsInputColumns(backend, source.query, source.params, now, signal);
  if (!input.ok) return { ok: false, error: 'reason' in input ? apiError('bad_request', input.reason) : toApiError(input.result.error, backend.kind) };
  if (!input.columns.some((c) => c.name === TIMESTAMP && (c.type === 'date' || c.type === 'date_nanos'))) {
    return { ok: false, error: apiError('bad_request', 'The events this query aggregates have no @timestamp date to chart.') };
  }
  const ask: Ask = (built) => backend.query({ query: print(built.query), ...(built.params.length ? { params: built.params } : {}), now, ...(signal ? { signal } : {}) });

  let range: TimeRange | undefined = windowRange(source.window);
  if (!range) {
    const built = buildRangeQuery(source);
    if (!built.ok) return { ok: false, error: apiError('bad_request', built.reason) };
    const result = await ask(built);
    if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
    const [first, last] = (result.response.values[0] ?? []).map((v) => toEpochMs(v ?? null));
    // No dated event at all: any step will do, the chart is empty.
    range = first != null && last != null ? { from: first, to: last + 1 } : { from: now.getTime() - 1, to: now.getTime() };
  }
  const step = chooseStep(range.from, range.to - 1);
  const built = buildHistogramQuery(source, step);
  if (!built.ok) return { ok: false, error: apiError('bad_request', built.reason) };
  const result = await ask(built);
  if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
  return { ok: true, effectiveQuery: print(built.query), params: built.params, window: source.window, step: { label: step.label, ms: step.ms }, ...readBuckets(result.response) };
}

type Read = Pick<Extract<HistogramResponse, { ok: true }>, 'buckets' | 'undated' | 'first' | 'last'>;

/** The answer's rows by column name (a cluster may order them its own way); events with no timestamp are `undated`. */
function readBuckets(response: { columns: { name: string }[]; values: EsqlValue[][] }): Read {
  const at = (name: string) => response.columns.findIndex((c) => c.name === name);
  const [bucket, count, first, last] = [at('bucket'), at('count'), at('first_seen'), at('last_seen')];
  const out: Read = { buckets: [], undated: 0, first: null, last: null };
  for (const row of response.values) {
    const n = Number(row[count] ?? 0);
    const start = toEpochMs(row[bucket] ?? null);
    if (start === null) {
      out.undated += n;
      continue;
    }
    out.buckets.push({ start, count: n });
    const lo = toEpochMs(row[first] ?? null);
    const hi = toEpochMs(row[last] ?? null);
    if (lo !== null && (out.first === null || lo < out.first)) out.first = lo;
    if (hi !== null && (out.last === null || hi > out.last)) out.last = hi;
  }
  out.buckets.sort((a, b) => a.start - b.start);
  return out;
}
