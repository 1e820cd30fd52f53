/**
 * CASE and COALESCE (docs/esql-semantics.md §8.3): conditions are single-valued, but the value chosen is returned whole,
 * multi-values included.
 */
import 'server-only';
import { isNumeric, type Expression, type FunctionCall } from '../../esql';
import { argScalars, scalar } from './arguments';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { constSql, foldConst } from './constants';
import { compileExpr } from './expressions';
import { sqlTypeOf } from '../sql';

export function compileConditional(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  switch (name) {
    case 'case':
      return compileCase(ctx, call);
    case 'clamp':
    case 'clamp_min':
    case 'clamp_max':
      return scalar(clampSql(ctx, call, name));
    case 'coalesce': {
      // COALESCE returns the first non-null value whole, a multi-value included. An argument is evaluated
      // only for the rows where every earlier one is null, so only those rows warn (docs/esql-semantics.md §8.3).
      const vals: Val[] = [];
      const earlierNull: string[] = [];
      for (const arg of call.args) {
        const val = earlierNull.length ? ctx.guarded(earlierNull.join(' AND '), () => widened(ctx, call, arg)) : widened(ctx, call, arg);
        vals.push(val);
        earlierNull.push(isNullSql(val));
      }
      if (vals.every((v) => v.kind === 'scalar')) return scalar(`coalesce(${vals.map((v) => (v as { sql: string }).sql).join(', ')})`);
      return { kind: 'list', sql: `coalesce(${vals.map(asList).join(', ')})` };
    }
  }
  return undefined;
}

/**
 * CASE: conditions are single-valued (a multi-value is false, plus a warning); the chosen value is returned
 * whole, multi-values included. Elasticsearch evaluates row by row, a condition only when the earlier ones
 * were not true and a value only when it is chosen, so each one's warnings are limited to those rows.
 */
function compileCase(ctx: CompileContext, call: FunctionCall): Val {
  const n = call.args.length;
  const notEarlier: string[] = [];
  const under = <T>(extra: string[], body: () => T): T => {
    const guard = [...notEarlier, ...extra];
    return guard.length ? ctx.guarded(guard.join(' AND '), body) : body();
  };
  const branches: { when: string; val: Val }[] = [];
  for (let i = 0; i + 1 < n; i += 2) {
    const when = under([], () => caseCondition(ctx, call, i));
    const chosen = `coalesce((${when}), false)`;
    branches.push({ when, val: under([chosen], () => widened(ctx, call, call.args[i + 1])) });
    notEarlier.push(`NOT ${chosen}`);
  }
  const otherwise = n % 2 === 1 ? under([], () => widened(ctx, call, call.args[n - 1])) : undefined;
  const all = otherwise ? [...branches.map((b) => b.val), otherwise] : branches.map((b) => b.val);
  const multi = all.some((v) => v.kind !== 'scalar');
  const value = (v: Val) => (multi ? asList(v) : (v as { sql: string }).sql);
  const parts = branches.map((b) => `WHEN ${b.when} THEN ${value(b.val)}`);
  const sql = `(CASE ${parts.join(' ')}${otherwise ? ` ELSE ${value(otherwise)}` : ''} END)`;
  return multi ? { kind: 'list', sql } : scalar(sql);
}

/** SQL true where a compiled value holds no value at all. */
function isNullSql(val: Val): string {
  switch (val.kind) {
    case 'scalar':
      return `(${val.sql}) IS NULL`;
    case 'mvcol':
      return `(${val.scalar} IS NULL AND ${val.mv} IS NULL)`;
    case 'list':
      return `(${val.sql}) IS NULL`;
  }
}

/** A CASE condition: a multi-value is false, and Elasticsearch's warning says so ("treating result as false"). */
function caseCondition(ctx: CompileContext, call: FunctionCall, i: number): string {
  const folded = foldConst(ctx, call.args[i]);
  if (folded?.kind === 'value') return constSql(ctx, folded);
  const val = compileExpr(ctx, call.args[i]);
  switch (val.kind) {
    case 'scalar':
      return val.sql;
    case 'mvcol':
      if (!ctx.aggregateMode) ctx.addProbe(call.span, `${val.mv} IS NOT NULL`, undefined, undefined, 'false');
      return val.scalar;
    case 'list':
      if (!ctx.aggregateMode) ctx.addProbe(call.span, `len(${val.sql}) > 1`, undefined, undefined, 'false');
      return `(CASE WHEN len(${val.sql}) = 1 THEN (${val.sql})[1] END)`;
  }
}

/**
 * CLAMP(field, min, max) is CLAMP_MAX(CLAMP_MIN(field, min), max), each null when an argument is null; mixed
 * numeric arguments compare as the widest type, which is the result's (docs/esql-semantics.md §8.3).
 */
function clampSql(ctx: CompileContext, call: FunctionCall, name: string): string {
  const type = ctx.typeOf(call);
  // Versions order semantically, not as their text.
  if (type === 'version') throw new CompileFailure(call.span, `[${name.toUpperCase()}] of version values is not supported by the embedded engine`);
  const numeric = type === 'integer' || type === 'long' || type === 'double';
  const s = argScalars(ctx, call);
  const arg = (i: number) => (numeric ? `CAST(${s(i)} AS ${sqlTypeOf(type)})` : s(i));
  const bound = (x: string, limit: string, keepWhen: '>=' | '<=') =>
    `(CASE WHEN (${x}) IS NULL OR (${limit}) IS NULL THEN NULL WHEN (${x}) ${keepWhen} (${limit}) THEN (${x}) ELSE (${limit}) END)`;
  if (name === 'clamp_min') return bound(arg(0), arg(1), '>=');
  if (name === 'clamp_max') return bound(arg(0), arg(1), '<=');
  return bound(bound(arg(0), arg(1), '>='), arg(2), '<=');
}

/**
 * A value argument of CASE, COALESCE, GREATEST or LEAST, cast to the call's type where
 * Elasticsearch casts mixed numeric arguments (TO_DOUBLE of an integer beside a double:
 * lib/esql/analysis/numeric-widening.ts, docs/esql-semantics.md §8.3); multi-values cast value by value.
 */
export function widened(ctx: CompileContext, call: FunctionCall, arg: Expression): Val {
  const val = compileExpr(ctx, arg);
  const to = ctx.typeOf(call);
  const from = ctx.typeOf(arg);
  if (from === to || !isNumeric(from) || !isNumeric(to)) return val;
  const t = sqlTypeOf(to);
  switch (val.kind) {
    case 'scalar':
      return { kind: 'scalar', sql: `CAST(${val.sql} AS ${t})` };
    case 'list':
      return { kind: 'list', sql: `CAST(${val.sql} AS ${t}[])` };
    case 'mvcol':
      return { kind: 'mvcol', scalar: `CAST(${val.scalar} AS ${t})`, mv: `CAST(${val.mv} AS ${t}[])` };
  }
}
