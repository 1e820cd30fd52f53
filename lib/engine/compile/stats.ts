/**
 * STATS … BY (docs/esql-semantics.md §6.5): aggregates in order,
 * then the grouping keys. Null is a key like any other; a
 * multi-valued key puts the row into every value's group (one UNNEST per such key, so several give
 * the cartesian product) while aggregates still read the original columns. Without BY, empty input
 * still yields one row. The output is ordered by the keys so that a later LIMIT is deterministic.
 * A BY name read outside an aggregate call is the group's key; inside one (and in a filter), the
 * key expression's value on the row. Of keys sharing a name only the rightmost groups.
 */
import 'server-only';
import type { AnalyzedStep, Span, StatsCommand } from '../../esql';
import { asScalar, CompileFailure, type Binding, type CompileContext } from './context';
import { compileExpr, scalarOf } from './expressions';
import { compileInlineJoin } from './inline-stats';
import { bindProduced } from './produced';
import type { Pipeline } from './pipeline';

export function compileStats(p: Pipeline, command: StatsCommand, step: AnalyzedStep): void {
  const ctx = p.ctx;
  if (command.aggregates.length === 0 && command.groupings.length === 0) {
    throw new CompileFailure(command.span, 'At least one aggregation or grouping expression required in [STATS]', 'verification');
  }
  const keySqls: string[] = [];
  const keyNames: string[] = [];
  const preSelects: string[] = [];
  // Inside aggregate calls and filters a BY name reads the key expression's value on each row (before any split).
  const rowBindings = new Map<string, Binding>();
  const unnested = new Map<string, string>();
  for (const g of effectiveGroupings(ctx, command)) {
    const name = ctx.analyzed.names.get(g) ?? ctx.sourceText(g.span);
    const type = ctx.typeOf(g.expression);
    const val = compileExpr(ctx, g.expression);
    if (val.kind === 'scalar' && /^[a-z]\w*$/.test(val.sql)) {
      keySqls.push(val.sql);
      rowBindings.set(name, { type, scalar: val.sql });
    } else if (val.kind === 'scalar') {
      const alias = ctx.fresh('k');
      preSelects.push(`${val.sql} AS ${alias}`);
      keySqls.push(alias);
      rowBindings.set(name, { type, scalar: alias });
    } else {
      if (command.inline) throw new CompileFailure(g.span, `INLINE STATS by a multi-valued key [${ctx.sourceText(g.span)}] is not supported by the embedded engine`);
      // Each multi-valued key gets its own UNNEST (one CTE each) so several keys multiply.
      const list = val.kind === 'mvcol' ? `CASE WHEN ${val.mv} IS NOT NULL THEN ${val.mv} ELSE [${val.scalar}] END` : `coalesce(${val.sql}, [NULL])`;
      rowBindings.set(
        name,
        val.kind === 'mvcol'
          ? { type, scalar: val.scalar, mv: val.mv }
          : { type, scalar: `(CASE WHEN len(${val.sql}) = 1 THEN (${val.sql})[1] END)`, mv: `(CASE WHEN len(${val.sql}) > 1 THEN ${val.sql} END)` },
      );
      if (preSelects.length) {
        p.add(`SELECT *, ${preSelects.splice(0).join(', ')} FROM ${p.current}`);
      }
      // The same column under two names (`EVAL z = y`) is one key split once, as in Elasticsearch.
      const alias = unnested.get(list) ?? ctx.fresh('k');
      if (!unnested.has(list)) p.add(`SELECT *, unnest(${list}) AS ${alias} FROM ${p.current}`);
      unnested.set(list, alias);
      keySqls.push(alias);
    }
    keyNames.push(name);
  }
  if (preSelects.length) p.add(`SELECT *, ${preSelects.join(', ')} FROM ${p.current}`);
  // INLINE STATS joins the groups back to these rows, which lose their insertion order in the join.
  const rowNumber = command.inline && p.order.length === 0 ? ctx.fresh('r') : undefined;
  if (rowNumber) p.add(`SELECT *, row_number() OVER () AS ${rowNumber} FROM ${p.current}`);
  const keyed = p.current;

  const inputColumns = ctx.columns;
  ctx.columns = new Map([...inputColumns, ...rowBindings]);
  ctx.groupKeys = new Map(keyNames.map((n, i) => [n, { type: rowBindings.get(n)?.type ?? 'null', scalar: keySqls[i] }]));
  const selects: string[] = [];
  const produced: { name: string; alias: string; list: boolean }[] = [];
  const checks: { span: Span; column: string; reason: string }[] = [];
  try {
    for (const agg of command.aggregates) {
      const name = ctx.analyzed.names.get(agg) ?? ctx.sourceText(agg.span);
      ctx.aggregateFilter = agg.filter ? scalarOf(ctx, agg.filter, agg.filter.span) : undefined;
      ctx.aggregateMode = true;
      let sql: string;
      let list = false;
      try {
        const val = compileExpr(ctx, agg.expression);
        list = val.kind === 'list';
        sql = val.kind === 'scalar' ? val.sql : val.kind === 'list' ? val.sql : asScalar(ctx, val, agg.span);
      } finally {
        ctx.aggregateMode = false;
        ctx.aggregateFilter = undefined;
      }
      const alias = ctx.fresh('a');
      selects.push(`${sql} AS ${alias}`);
      produced.push({ name, alias, list });
    }
    // Failures decided per group become columns of the aggregated row, which the warning probes read.
    for (const check of ctx.aggregateChecks.splice(0)) {
      const column = ctx.fresh('f');
      selects.push(`(${check.condition}) AS ${column}`);
      checks.push({ span: check.span, column, reason: check.reason });
    }
  } finally {
    ctx.groupKeys = undefined;
    ctx.columns = inputColumns;
  }
  keySqls.forEach((k, i) => {
    const alias = ctx.fresh('g');
    selects.push(`${k} AS ${alias}`);
    produced.push({ name: keyNames[i], alias, list: false });
  });
  // Without BY, `GROUP BY ()` keeps the select an aggregate even when every field folded to a constant (SUM(null)).
  const groupBy = keySqls.length ? ` GROUP BY ${keySqls.join(', ')}` : ' GROUP BY ()';
  const aggregated = p.add(`SELECT ${selects.join(', ')} FROM ${p.current}${groupBy}`);
  for (const c of checks) ctx.probes.push({ span: c.span, condition: c.column, relation: aggregated, reason: c.reason });
  if (command.inline) {
    const groupAliases = produced.filter((c) => c.alias.startsWith('g')).map((c) => c.alias);
    const keys = keySqls.map((k, i) => ({ keyed: k, aggregated: groupAliases[i] }));
    compileInlineJoin(p, step, { keyed, aggregated, keys, produced, inputColumns, rowNumber });
    return;
  }

  const columns = bindProduced(p, step, produced);
  // Elasticsearch leaves group order undefined; ordering by the keys makes LIMIT deterministic.
  p.order = produced.filter((c) => c.alias.startsWith('g')).map((c) => `${c.alias} ASC NULLS LAST`);
  const next = new Map<string, Binding>();
  for (const col of step.output) {
    const b = columns.get(col.name);
    if (b) next.set(col.name, b);
  }
  ctx.columns = next;
}

/** The BY keys that group: of several keys of one name only the rightmost does (the others are shadowed, docs/esql-semantics.md §6.5). */
function effectiveGroupings(ctx: CompileContext, command: StatsCommand): StatsCommand['groupings'] {
  const names = command.groupings.map((g) => ctx.analyzed.names.get(g) ?? ctx.sourceText(g.span));
  return command.groupings.filter((_, i) => names.lastIndexOf(names[i]) === i);
}
