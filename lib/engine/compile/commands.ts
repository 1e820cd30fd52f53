/**
 * Commands after the source, each over the previous relation (docs/esql-semantics.md §6): WHERE, EVAL, SORT,
 * LIMIT, KEEP/DROP/RENAME (name rebinding only), MV_EXPAND, DISSECT, GROK. STATS is in stats.ts.
 */
import 'server-only';
import { type AnalyzedStep, type Command, type EvalCommand, type Expression, type MvExpandCommand, type RenameCommand, type SortCommand, walk } from '../../esql';
import { CompileFailure } from './context';
import { compileExpr, scalarOf } from './expressions';
import { foldConst } from './constants';
import { compileStats } from './stats';
import { compileDissect, compileGrok } from './extract';
import type { Pipeline } from './pipeline';
import { rebind } from './rebind';
import { versionKey } from './version-order';

export function compileCommand(p: Pipeline, command: Command, step: AnalyzedStep): void {
  const ctx = p.ctx;
  switch (command.kind) {
    case 'where': {
      const cond = scalarOf(ctx, command.condition, command.condition.span);
      p.add(`SELECT * FROM ${p.current} WHERE ${cond}`);
      return;
    }
    case 'eval':
      return compileEval(p, command, step);
    case 'stats':
      return compileStats(p, command, step);
    case 'sort':
      return compileSort(p, command);
    case 'limit':
      p.add(`SELECT * FROM ${p.current}${p.orderBy()} LIMIT ${command.count}`);
      return;
    case 'keep':
    case 'drop':
      return rebind(p, step, ctx.columns);
    case 'renameCommand':
      return compileRename(p, command, step);
    case 'mvExpand':
      return compileMvExpand(p, command, step);
    case 'dissect':
      return compileDissect(p, command, step);
    case 'grok':
      return compileGrok(p, command, step);
    case 'enrich':
      throw new CompileFailure(command.span, 'ENRICH is not supported by the embedded engine (it needs an Elasticsearch cluster)');
    default:
      throw new CompileFailure(command.span, `[${command.kind}] is not supported here`);
  }
}

function compileEval(p: Pipeline, command: EvalCommand, step: AnalyzedStep): void {
  const ctx = p.ctx;
  const types = new Map(step.output.map((c) => [c.name, c.type]));
  const bindings = new Map(ctx.columns);
  let selects: string[] = [];
  // Names this EVAL has computed in `selects` but no CTE holds yet.
  const pending = new Set<string>();
  const flush = () => {
    p.add(`SELECT *, ${selects.join(', ')} FROM ${p.current}`);
    selects = [];
    pending.clear();
  };
  for (const field of command.fields) {
    const name = ctx.analyzed.names.get(field) ?? ctx.sourceText(field.span);
    // A field that reads an earlier one of the same EVAL reads it from a CTE: inlining its SQL
    // instead made a chain of n such fields O(n²) SQL nested n deep (issue 13: 5,000 took seconds).
    if (pending.size > 0 && readsAny(field.expression, pending)) flush();
    ctx.columns = bindings;
    // A plain copy (`EVAL z = y`) is the same column, as in Elasticsearch: a STATS over both keys
    // must not split a multi-value twice.
    const copied = field.expression.kind === 'column' ? bindings.get(field.expression.name) : undefined;
    if (copied) {
      bindings.set(name, { ...copied, type: types.get(name) ?? copied.type });
      continue;
    }
    const val = compileExpr(ctx, field.expression);
    const type = types.get(name) ?? ctx.typeOf(field.expression);
    const scalar = ctx.fresh();
    pending.add(name);
    if (val.kind === 'scalar') {
      selects.push(`${val.sql} AS ${scalar}`);
      const folded = foldConst(ctx, field.expression);
      bindings.set(name, { type, scalar, ...(folded?.kind === 'value' ? { constant: { type: folded.type, value: folded.value, fromParam: folded.fromParam } } : {}) });
      continue;
    }
    const mv = ctx.fresh('m');
    const s = val.kind === 'mvcol' ? val.scalar : `(CASE WHEN len(${val.sql}) = 1 THEN (${val.sql})[1] END)`;
    const m = val.kind === 'mvcol' ? val.mv : `(CASE WHEN len(${val.sql}) > 1 THEN ${val.sql} END)`;
    selects.push(`${s} AS ${scalar}`, `${m} AS ${mv}`);
    bindings.set(name, { type, scalar, mv });
  }
  if (selects.length > 0) flush();
  rebind(p, step, bindings);
}

function readsAny(e: Expression, names: ReadonlySet<string>): boolean {
  let found = false;
  walk(e, (node) => {
    if (found) return 'skip';
    if (node.kind === 'column' && names.has(node.name)) found = true;
  });
  return found;
}

function compileSort(p: Pipeline, command: SortCommand): void {
  const ctx = p.ctx;
  const extra: string[] = [];
  const terms: string[] = [];
  for (const order of command.orders) {
    const desc = order.direction === 'desc';
    const nulls = order.nulls ?? (desc ? 'first' : 'last');
    // Versions sort by their semantic key (./version-order.ts), not their text.
    const isVersion = ctx.typeOf(order.expression) === 'version';
    const sortKey = isVersion ? versionKey : (x: string) => x;
    const val = compileExpr(ctx, order.expression);
    // A multi-valued key sorts by its minimum ascending, its maximum descending (docs/esql-semantics.md §12).
    const extreme = (list: string) => `${desc ? 'list_max' : 'list_min'}(${isVersion ? `list_transform(${list}, lambda __k: ${versionKey('__k')})` : list})`;
    let key: string;
    if (val.kind === 'scalar') key = sortKey(val.sql);
    else if (val.kind === 'mvcol') key = `coalesce(${sortKey(val.scalar)}, ${extreme(val.mv)})`;
    else key = extreme(val.sql);
    if (!/^[a-z]\w*$/.test(key)) {
      const alias = ctx.fresh('o');
      extra.push(`${key} AS ${alias}`);
      key = alias;
    }
    terms.push(`${key} ${desc ? 'DESC' : 'ASC'} NULLS ${nulls.toUpperCase()}`);
  }
  if (extra.length) p.add(`SELECT *, ${extra.join(', ')} FROM ${p.current}`);
  // Earlier order breaks ties, so equal keys keep a deterministic order (docs/esql-semantics.md §12).
  p.order = [...terms, ...p.order];
}

function compileRename(p: Pipeline, command: RenameCommand, step: AnalyzedStep): void {
  const columns = new Map(p.ctx.columns);
  for (const r of command.renames) {
    if (r.from.pattern.includes('*')) throw new CompileFailure(r.from.span, 'RENAME with a wildcard is not supported by the embedded engine');
    const b = columns.get(r.from.pattern);
    if (!b) continue;
    columns.delete(r.from.pattern);
    columns.set(r.to.name, b);
  }
  rebind(p, step, columns);
}

function compileMvExpand(p: Pipeline, command: MvExpandCommand, step: AnalyzedStep): void {
  const ctx = p.ctx;
  const b = ctx.columns.get(command.column.name);
  if (!b) throw new CompileFailure(command.column.span, `Unknown column [${command.column.name}]`, 'verification');
  if (!b.mv) return rebind(p, step, ctx.columns);
  const alias = ctx.fresh();
  p.add(`SELECT *, unnest(CASE WHEN ${b.mv} IS NOT NULL THEN ${b.mv} ELSE [${b.scalar}] END) AS ${alias} FROM ${p.current}`);
  const columns = new Map(ctx.columns);
  columns.set(command.column.name, { type: b.type, scalar: alias });
  // Expanded rows share the earlier order keys; the value breaks the tie deterministically.
  if (p.order.length) p.order = [...p.order, `${alias} ASC NULLS LAST`];
  rebind(p, step, columns);
}
