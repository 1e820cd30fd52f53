/**
 * Context columns for a STATS hunt's result: for the rows on screen, which hosts, agents and users
 * were involved and when, computed by re-aggregating the hunt's events restricted to those rows'
 * BY keys. Key values enter as named params (`?p1` …), never spliced.
 */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import type { ColumnSchema, AggregateField, Command, Expression, Query } from '../esql';
import { keyValue } from './drilldown';
import { and, column, equals, freshParamNames, isNull, NO_SPAN, param, splitAtLastStats, type StatsKey } from '../esql';

/** The context aggregates: result column, function, field. Only those whose field exists are used. */
export const CONTEXT_AGGREGATES = [
  { name: 'host_names', fn: 'values', field: 'host.name' },
  { name: 'agent_ids', fn: 'values', field: 'agent.id' },
  { name: 'first_seen', fn: 'min', field: '@timestamp' },
  { name: 'last_seen', fn: 'max', field: '@timestamp' },
  { name: 'destinations', fn: 'count_distinct', field: 'destination.ip' },
  { name: 'ports', fn: 'count_distinct', field: 'destination.port' },
  { name: 'users', fn: 'values', field: 'user.name' },
] as const;

export const CONTEXT_MAX_ROWS = 100;

export type ContextQueryResult =
  | { ok: true; query: Query; params: Record<string, EsqlValue>[]; aggregates: string[] }
  | { ok: false; reason: string };

export interface ContextOptions {
  /** The query's source text, so unnamed expression keys match the result's column names. */
  text?: string;
}

/**
 * `columns` are the columns entering the hunt's last STATS (from analyze()). Rows beyond the
 * first 100 are ignored; duplicate key tuples are sent once.
 */
export function buildContextQuery(
  query: Query,
  rows: Record<string, EsqlValue>[],
  columns: ColumnSchema[],
  options: ContextOptions = {},
): ContextQueryResult {
  const split = splitAtLastStats(query, options.text);
  if ('reason' in split) return { ok: false, reason: split.reason };
  const tuples = keyTuples(rows.slice(0, CONTEXT_MAX_ROWS), split.keys);
  if ('reason' in tuples) return tuples;
  if (tuples.length === 0) return { ok: false, reason: 'There are no result rows to add context to.' };

  const present = new Set(columns.map((c) => c.name));
  const keyNames = new Set(split.keys.map((k) => k.name));
  const chosen = CONTEXT_AGGREGATES.filter((a) => present.has(a.field) && !keyNames.has(a.name));
  if (chosen.length === 0) return { ok: false, reason: 'None of the context fields (host.name, agent.id, @timestamp, …) exist in the hunt’s events.' };

  const nonNull = tuples.flat().filter((v) => v !== null).length;
  const names = freshParamNames(query, 'p', nonNull);
  const params: Record<string, EsqlValue>[] = [];
  const bind = (value: EsqlValue): Expression => {
    const name = names[params.length];
    params.push({ [name]: value });
    return param(name);
  };
  const condition = split.keys.length === 1 ? oneKey(split.keys[0].expression, tuples.map((t) => t[0]), bind) : manyKeys(split.keys, tuples, bind);
  const aggregates: AggregateField[] = chosen.map((a) => ({
    kind: 'field',
    name: { kind: 'column', name: a.name, span: NO_SPAN },
    expression: { kind: 'function', name: a.fn, args: [column(a.field)], span: NO_SPAN },
    span: NO_SPAN,
  }));
  const commands: Command[] = [
    ...split.before,
    { kind: 'where', condition, span: NO_SPAN },
    // The hunt's own grouping fields: the result columns keep the names the hunt's rows have.
    { kind: 'stats', aggregates, groupings: split.stats.groupings, span: NO_SPAN },
  ];
  return { ok: true, query: { ...query, commands }, params, aggregates: chosen.map((a) => a.name) };
}

type Bind = (value: EsqlValue) => Expression;

/** Distinct key tuples in row order; a row missing a key or holding a multi-value is an error. */
function keyTuples(rows: Record<string, EsqlValue>[], keys: StatsKey[]): EsqlValue[][] | { ok: false; reason: string } {
  const seen = new Set<string>();
  const tuples: EsqlValue[][] = [];
  for (const row of rows) {
    const tuple: EsqlValue[] = [];
    for (const key of keys) {
      const v = keyValue(row, key);
      if (!v.found) return { ok: false, reason: `A row has no value for the BY key [${key.name}].` };
      if (Array.isArray(v.value)) return { ok: false, reason: `A row's value for [${key.name}] is multi-valued; a STATS key is one value.` };
      tuple.push(v.value);
    }
    const id = JSON.stringify(tuple);
    if (!seen.has(id)) {
      seen.add(id);
      tuples.push(tuple);
    }
  }
  return tuples;
}

/** `key IN (?p1, ?p2)`, `OR key IS NULL` when a row's key is null (IN never matches null). */
function oneKey(key: Expression, values: EsqlValue[], bind: Bind): Expression {
  const nonNull = values.filter((v) => v !== null);
  const parts: Expression[] = [];
  if (nonNull.length > 0) parts.push({ kind: 'in', operand: key, list: nonNull.map(bind), negated: false, span: NO_SPAN });
  if (nonNull.length < values.length) parts.push(isNull(key));
  return parts.reduce((left, right) => ({ kind: 'binary', op: 'or', left, right, span: NO_SPAN }));
}

/** Several keys: `(k1 == ?p1 AND k2 == ?p2) OR …`, exactly the rows' tuples (not their cross product). */
function manyKeys(keys: StatsKey[], tuples: EsqlValue[][], bind: Bind): Expression {
  const perRow = tuples.map((tuple) => and(keys.map((k, i) => (tuple[i] === null ? isNull(k.expression) : equals(k.expression, bind(tuple[i]))))));
  return perRow.reduce((left, right) => ({ kind: 'binary', op: 'or', left, right, span: NO_SPAN }));
}
