/**
 * Drill-down: the raw events behind one row of a `STATS … BY` hunt. The hunt's pipeline up to its
 * last STATS, filtered to the row's BY keys (as named params, never spliced), newest first.
 */
import type { EsqlValue } from '../model/esql';
import { type ColumnSchema, type Command, type Expression, type Field, type Param, type Query, type Span, type StatsCommand, parseExpression, print, collect, withoutSpans } from '../esql';

export { DRILLDOWN_COLUMNS, DRILLDOWN_LIMIT } from './drilldown-columns';
import { DRILLDOWN_COLUMNS, DRILLDOWN_LIMIT } from './drilldown-columns';

/** One BY key of a STATS: the result column it names and the expression it groups by. */
export interface StatsKey {
  name: string;
  expression: Expression;
  field: Field;
}

export interface StatsSplit {
  /** The commands before the last STATS: the events the STATS aggregates. */
  before: Command[];
  stats: StatsCommand;
  keys: StatsKey[];
}

export const NO_SPAN: Span = { start: 0, end: 0 };

/**
 * Splits a query at its last STATS … BY. `text` (the query's source) names unnamed expression
 * keys exactly as the result columns are named; without it they are named by their printed form.
 */
export function splitAtLastStats(query: Query, text?: string): StatsSplit | { reason: string } {
  const at = query.commands.map((c) => c.kind).lastIndexOf('stats');
  if (at < 0) return { reason: 'The query has no STATS … BY, so its rows are already events.' };
  const stats = query.commands[at] as StatsCommand;
  if (stats.groupings.length === 0) return { reason: 'The query’s STATS has no BY keys, so a row does not identify a set of events.' };
  if (usesUnnamedParams(query)) return { reason: 'The query uses ? or ?1 params; Elasticsearch does not mix them with the named params a drill-down adds.' };
  const keys = stats.groupings.map((field) => ({ name: keyName(field, text), expression: field.expression, field }));
  // A RENAME after the STATS changes the column the result row holds the key in.
  for (const c of query.commands.slice(at + 1)) {
    if (c.kind !== 'renameCommand') continue;
    for (const r of c.renames) for (const key of keys) if (key.name === r.from.pattern) key.name = r.to.name;
  }
  return { before: query.commands.slice(0, at), stats, keys };
}

export function usesUnnamedParams(query: Query): boolean {
  return collect<Param>(query, (n) => n.kind === 'param').some((p) => p.style !== 'named');
}

function keyName(field: Field, text: string | undefined): string {
  if (field.name) return field.name.name;
  if (field.expression.kind === 'column') return field.expression.name;
  const written = text?.slice(field.expression.span.start, field.expression.span.end);
  return written || print(field.expression);
}

/**
 * The row's value for a key: by column name, else (for an expression key) by a row column whose
 * name parses to the same expression (`ends_with(x, "a")` vs `ENDS_WITH(x, "a")`).
 */
export function keyValue(row: Record<string, EsqlValue>, key: StatsKey): { found: true; value: EsqlValue } | { found: false } {
  if (Object.hasOwn(row, key.name) && row[key.name] !== undefined) return { found: true, value: row[key.name] };
  if (key.field.name || key.expression.kind === 'column') return { found: false };
  const wanted = JSON.stringify(withoutSpans(key.expression), bigints);
  for (const column of Object.keys(row)) {
    const parsed = parseExpression(column);
    if (parsed.ok && row[column] !== undefined && JSON.stringify(withoutSpans(parsed.expression), bigints) === wanted) return { found: true, value: row[column] };
  }
  return { found: false };
}

const bigints = (_: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);

/** `count` param names `<base>1`, `<base>2`, … that the query does not already use. */
export function freshParamNames(query: Query, base: string, count: number): string[] {
  const used = new Set(collect<Param>(query, (n) => n.kind === 'param').map((p) => p.name));
  const names: string[] = [];
  for (let i = 1; names.length < count; i++) if (!used.has(`${base}${i}`)) names.push(`${base}${i}`);
  return names;
}

export const param = (name: string): Param => ({ kind: 'param', style: 'named', name, span: NO_SPAN });
export const column = (name: string): Expression => ({ kind: 'column', name, span: NO_SPAN });
export function and(parts: Expression[]): Expression {
  return parts.reduce((left, right) => ({ kind: 'binary', op: 'and', left, right, span: NO_SPAN }));
}
export function equals(left: Expression, right: Expression): Expression {
  return { kind: 'binary', op: '==', left, right, span: NO_SPAN };
}
export const isNull = (operand: Expression): Expression => ({ kind: 'isNull', operand, negated: false, span: NO_SPAN });

export interface DrilldownOptions {
  /** The query's source text, to match unnamed expression keys by the name the result gave them. */
  text?: string;
  /** The columns entering the last STATS (from analyze()); enables the default KEEP and guards the SORT. */
  columns?: ColumnSchema[];
  /** KEEP the DRILLDOWN_COLUMNS (and column keys) present in `columns`; default true when `columns` is given. */
  keepDefault?: boolean;
}

export type DrilldownResult = { ok: true; query: Query; params: Record<string, EsqlValue>[] } | { ok: false; reason: string };

export function buildDrilldown(query: Query, row: Record<string, EsqlValue>, options: DrilldownOptions = {}): DrilldownResult {
  const split = splitAtLastStats(query, options.text);
  if ('reason' in split) return { ok: false, reason: split.reason };
  const values: EsqlValue[] = [];
  for (const key of split.keys) {
    const v = keyValue(row, key);
    if (!v.found) return { ok: false, reason: `The row has no value for the BY key [${key.name}].` };
    if (Array.isArray(v.value)) return { ok: false, reason: `The row's value for [${key.name}] is multi-valued; a STATS key is one value.` };
    values.push(v.value);
  }
  const names = freshParamNames(query, 'k', values.filter((v) => v !== null).length);
  const params: Record<string, EsqlValue>[] = [];
  const conditions = split.keys.map((key, i) => {
    if (values[i] === null) return isNull(key.expression);
    const name = names[params.length];
    params.push({ [name]: values[i] });
    return equals(key.expression, param(name));
  });
  const columns = options.columns?.map((c) => c.name);
  const commands: Command[] = [...split.before, { kind: 'where', condition: and(conditions), span: NO_SPAN }];
  if (!columns || columns.includes('@timestamp')) {
    const order = { kind: 'order', expression: column('@timestamp'), direction: 'desc', span: NO_SPAN } as const;
    commands.push({ kind: 'sort', orders: [order], span: NO_SPAN });
  }
  commands.push({ kind: 'limit', count: DRILLDOWN_LIMIT, span: NO_SPAN });
  const keep = columns && (options.keepDefault ?? true) ? keepColumns(columns, split.keys) : [];
  if (keep.length > 0) {
    commands.push({ kind: 'keep', columns: keep.map((pattern) => ({ kind: 'columnPattern', pattern, span: NO_SPAN })), span: NO_SPAN });
  }
  return { ok: true, query: { ...query, commands }, params };
}

/** The default columns present, then the column keys not among them (the analyst drilled into those). */
function keepColumns(present: string[], keys: StatsKey[]): string[] {
  const have = new Set(present);
  const keep: string[] = DRILLDOWN_COLUMNS.filter((c) => have.has(c));
  for (const key of keys) {
    const name = key.expression.kind === 'column' ? key.expression.name : undefined;
    if (name && have.has(name) && !keep.includes(name)) keep.push(name);
  }
  return keep;
}
