/**
 * CASE and COALESCE (docs/esql-semantics.md §8.3): conditions are single-valued, but the value chosen is returned whole,
 * multi-values included.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { argScalars, scalar } from './arguments';
import { asList, CompileContext, type Val } from './context';
import { compileExpr } from './expressions';

export function compileConditional(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  const s = argScalars(ctx, call);
  switch (name) {
    case 'case': {
      // Conditions are single-valued (a multi-value reads as null, i.e. false, plus a warning);
      // the chosen value is returned whole, multi-values included.
      const n = call.args.length;
      const valueIdx = call.args.map((_, i) => i).filter((i) => (i % 2 === 1 && i < n) || (n % 2 === 1 && i === n - 1));
      const vals = new Map(valueIdx.map((i) => [i, compileExpr(ctx, call.args[i])]));
      const multi = [...vals.values()].some((v) => v.kind !== 'scalar');
      const value = (i: number) => (multi ? asList(vals.get(i)!) : (vals.get(i) as { sql: string }).sql);
      const parts: string[] = [];
      for (let i = 0; i + 1 < n; i += 2) parts.push(`WHEN ${s(i)} THEN ${value(i + 1)}`);
      const otherwise = n % 2 === 1 ? ` ELSE ${value(n - 1)}` : '';
      const sql = `(CASE ${parts.join(' ')}${otherwise} END)`;
      return multi ? { kind: 'list', sql } : scalar(sql);
    }
    case 'coalesce': {
      // COALESCE returns the first non-null value whole, a multi-value included.
      const vals = call.args.map((a) => compileExpr(ctx, a));
      if (vals.every((v) => v.kind === 'scalar')) return scalar(`coalesce(${vals.map((v) => (v as { sql: string }).sql).join(', ')})`);
      return { kind: 'list', sql: `coalesce(${vals.map(asList).join(', ')})` };
    }
  }
  return undefined;
}
