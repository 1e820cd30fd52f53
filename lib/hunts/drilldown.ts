/**
 * Drill-down: the raw events behind one row of a `STATS … BY` hunt. The hunt's pipeline up to its
 * last STATS, filtered to the row's BY keys (as named params, never spliced), newest first.
 */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import { type ColumnSchema, type Command, type Query, type StatsKey, and, column, equals, freshParamNames, isNull, NO_SPAN, param, parseExpression, splitAtLastStats, withoutSpans } from '../esql';

export { DRILLDOWN_COLUMNS, DRILLDOWN_LIMIT } from '../view/hunts/drilldown-columns';
import { DRILLDOWN_COLUMNS, DRILLDOWN_LIMIT } from '../view/hunts/drilldown-columns';

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
