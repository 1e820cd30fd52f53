/** The columns a STATS or INLINE STATS aggregated, bound for the commands after it. */
import 'server-only';
import type { AnalyzedStep } from '../../esql';
import type { Binding } from './context';
import type { Pipeline } from './pipeline';

/**
 * Bindings of the aggregated columns: a list-valued one (VALUES, TOP) split into its single-value
 * and multi-value columns, in one more CTE when there is any.
 */
export function bindProduced(p: Pipeline, step: AnalyzedStep, produced: readonly { name: string; alias: string; list: boolean }[]): Map<string, Binding> {
  const ctx = p.ctx;
  const columns = new Map<string, Binding>();
  const types = new Map(step.output.map((c) => [c.name, c.type]));
  const splits: string[] = [];
  for (const col of produced) {
    const type = types.get(col.name) ?? 'null';
    if (!col.list) {
      columns.set(col.name, { type, scalar: col.alias });
      continue;
    }
    const scalar = ctx.fresh();
    const mv = ctx.fresh('m');
    splits.push(`(CASE WHEN len(${col.alias}) = 1 THEN ${col.alias}[1] END) AS ${scalar}`, `(CASE WHEN len(${col.alias}) > 1 THEN ${col.alias} END) AS ${mv}`);
    columns.set(col.name, { type, scalar, mv });
  }
  if (splits.length) p.add(`SELECT *, ${splits.join(', ')} FROM ${p.current}`);
  return columns;
}
