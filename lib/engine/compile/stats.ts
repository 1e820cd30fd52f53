/**
 * STATS … BY (docs/esql-semantics.md §6.5): aggregates in order,
 * then the grouping keys. Null is a key like any other; a
 * multi-valued key puts the row into every value's group (one UNNEST per such key, so several give
 * the cartesian product) while aggregates still read the original columns. Without BY, empty input
 * still yields one row. The output is ordered by the keys so that a later LIMIT is deterministic.
 */
import 'server-only';
import { type AnalyzedStep, type StatsCommand, leftSpine } from '../../esql';
import { asScalar, CompileFailure, type Binding } from './context';
import { compileExpr, scalarOf } from './expressions';
import { isAggregateName } from './aggregates';
import type { Pipeline } from './pipeline';

export function compileStats(p: Pipeline, command: StatsCommand, step: AnalyzedStep): void {
  const ctx = p.ctx;
  if (command.aggregates.length === 0 && command.groupings.length === 0) {
    throw new CompileFailure(command.span, 'At least one aggregation or grouping expression required in [STATS]', 'verification');
  }
  const keySqls: string[] = [];
  const keyNames: string[] = [];
  const preSelects: string[] = [];
  for (const g of command.groupings) {
    const name = ctx.analyzed.names.get(g) ?? ctx.sourceText(g.span);
    const val = compileExpr(ctx, g.expression);
    if (val.kind === 'scalar' && /^[a-z]\w*$/.test(val.sql)) {
      keySqls.push(val.sql);
    } else if (val.kind === 'scalar') {
      const alias = ctx.fresh('k');
      preSelects.push(`${val.sql} AS ${alias}`);
      keySqls.push(alias);
    } else {
      // Each multi-valued key gets its own UNNEST (one CTE each) so several keys multiply.
      const list = val.kind === 'mvcol' ? `CASE WHEN ${val.mv} IS NOT NULL THEN ${val.mv} ELSE [${val.scalar}] END` : `coalesce(${val.sql}, [NULL])`;
      if (preSelects.length) {
        p.add(`SELECT *, ${preSelects.splice(0).join(', ')} FROM ${p.current}`);
      }
      const alias = ctx.fresh('k');
      p.add(`SELECT *, unnest(${list}) AS ${alias} FROM ${p.current}`);
      keySqls.push(alias);
    }
    keyNames.push(name);
  }
  if (preSelects.length) p.add(`SELECT *, ${preSelects.join(', ')} FROM ${p.current}`);

  const selects: string[] = [];
  const produced: { name: string; alias: string; list: boolean }[] = [];
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
      if (!containsAggregate(agg.expression)) {
        throw new CompileFailure(agg.span, `expected an aggregate function but found [${ctx.sourceText(agg.expression.span)}]`, 'verification');
      }
    } finally {
      ctx.aggregateMode = false;
      ctx.aggregateFilter = undefined;
    }
    const alias = ctx.fresh('a');
    selects.push(`${sql} AS ${alias}`);
    produced.push({ name, alias, list });
  }
  keySqls.forEach((k, i) => {
    const alias = ctx.fresh('g');
    selects.push(`${k} AS ${alias}`);
    produced.push({ name: keyNames[i], alias, list: false });
  });
  const groupBy = keySqls.length ? ` GROUP BY ${keySqls.join(', ')}` : '';
  p.add(`SELECT ${selects.join(', ')} FROM ${p.current}${groupBy}`);

  const columns = new Map<string, Binding>();
  const types = new Map(step.output.map((c) => [c.name, c.type]));
  const listSplits: string[] = [];
  for (const col of produced) {
    const type = types.get(col.name) ?? 'null';
    if (col.list) {
      const scalar = ctx.fresh();
      const mv = ctx.fresh('m');
      listSplits.push(`(CASE WHEN len(${col.alias}) = 1 THEN ${col.alias}[1] END) AS ${scalar}`, `(CASE WHEN len(${col.alias}) > 1 THEN ${col.alias} END) AS ${mv}`);
      columns.set(col.name, { type, scalar, mv });
    } else {
      columns.set(col.name, { type, scalar: col.alias });
    }
  }
  if (listSplits.length) p.add(`SELECT *, ${listSplits.join(', ')} FROM ${p.current}`);
  // Elasticsearch leaves group order undefined; ordering by the keys makes LIMIT deterministic.
  p.order = produced.filter((c) => c.alias.startsWith('g')).map((c) => `${c.alias} ASC NULLS LAST`);
  const next = new Map<string, Binding>();
  for (const col of step.output) {
    const b = columns.get(col.name);
    if (b) next.set(col.name, b);
  }
  ctx.columns = next;
}

function containsAggregate(e: StatsCommand['aggregates'][number]['expression']): boolean {
  if (e.kind === 'function') {
    if (isAggregateName(e.name.toLowerCase())) return true;
    return e.args.some(containsAggregate);
  }
  if (e.kind === 'binary') {
    const { leaf, chain } = leftSpine(e);
    return containsAggregate(leaf) || chain.some((b) => containsAggregate(b.right));
  }
  if (e.kind === 'unary' || e.kind === 'cast' || e.kind === 'isNull') return containsAggregate(e.operand);
  return false;
}
