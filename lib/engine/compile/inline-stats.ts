/**
 * INLINE STATS (docs/esql-semantics.md §6.5): the aggregated groups joined back to every input row
 * on the keys (null matching null, as a group key), so the input keeps its rows and their order.
 */
import 'server-only';
import type { AnalyzedStep } from '../../esql';
import type { Binding } from './context';
import type { Pipeline } from './pipeline';
import { bindProduced } from './produced';

export interface InlineJoin {
  /** The relation the groups were aggregated from: the input rows plus their key columns. */
  keyed: string;
  aggregated: string;
  /** Key columns of `keyed`, with their aliases in `aggregated`, in the same order. */
  keys: { keyed: string; aggregated: string }[];
  /** Every column of `aggregated` the output needs: aggregates then keys. */
  produced: { name: string; alias: string; list: boolean }[];
  inputColumns: Map<string, Binding>;
  /** A row number of `keyed` when the input's order was its insertion order (a join does not keep it). */
  rowNumber?: string;
}

export function compileInlineJoin(p: Pipeline, step: AnalyzedStep, join: InlineJoin): void {
  const ctx = p.ctx;
  const on = join.keys.map((k) => `i.${k.keyed} IS NOT DISTINCT FROM a.${k.aggregated}`).join(' AND ');
  const joined = on ? `LEFT JOIN ${join.aggregated} AS a ON ${on}` : `CROSS JOIN ${join.aggregated} AS a`;
  p.add(`SELECT i.*, ${join.produced.map((c) => `a.${c.alias}`).join(', ')} FROM ${join.keyed} AS i ${joined}`);
  const columns = bindProduced(p, step, join.produced);
  if (join.rowNumber) p.order = [`${join.rowNumber} ASC`];
  const next = new Map<string, Binding>();
  for (const col of step.output) {
    const b = columns.get(col.name) ?? join.inputColumns.get(col.name);
    if (b) next.set(col.name, { ...b, type: col.type });
  }
  ctx.columns = next;
}
