/** Rebinding a step's output schema over the column bindings a command left. */
import 'server-only';
import type { AnalyzedStep } from '../../esql';
import type { Binding } from './context';
import type { Pipeline } from './pipeline';

/** The step's output schema (authoritative for names and order) over the bindings in `from`. */
export function rebind(p: Pipeline, step: AnalyzedStep, from: Map<string, Binding>): void {
  const next = new Map<string, Binding>();
  for (const col of step.output) {
    const b = from.get(col.name);
    // A column missing here is one no later command reads (see live-columns.ts).
    if (b) next.set(col.name, { ...b, type: col.type });
  }
  p.ctx.columns = next;
}
