/**
 * Which source columns a query needs, by a backward pass over its commands, so that FROM reads
 * only those Parquet columns (projection pushdown).
 */
import 'server-only';
import { type Command, type Expression, type AnalyzedQuery, walk } from '../../esql';

/** The columns an expression reads (walk is iterative: a WHERE may chain thousands of terms). */
export function columnRefs(e: Expression | undefined, into: Set<string>): Set<string> {
  if (!e) return into;
  walk(e, (node) => {
    if (node.kind === 'column') into.add(node.name);
    // A list literal holds only constants.
    else if (node.kind === 'list') return 'skip';
  });
  return into;
}

function wildcardMatcher(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (n) => n === pattern;
  const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return (n) => re.test(n);
}

function step(command: Command, live: Set<string>, inputNames: string[], outputNames: string[]): Set<string> {
  switch (command.kind) {
    case 'where':
      return columnRefs(command.condition, live);
    case 'eval':
      for (const f of [...command.fields].reverse()) {
        if (f.name) live.delete(f.name.name);
        columnRefs(f.expression, live);
      }
      // Unnamed EVAL fields are named by their text; they shadow nothing we read.
      return live;
    case 'stats': {
      // INLINE STATS passes its input columns on: what later commands read stays live.
      // (A name the aggregates replace may be read needlessly: harmless.)
      const next = command.inline ? new Set([...live].filter((n) => inputNames.includes(n))) : new Set<string>();
      for (const a of command.aggregates) {
        columnRefs(a.expression, next);
        columnRefs(a.filter, next);
      }
      for (const g of command.groupings) columnRefs(g.expression, next);
      return next;
    }
    case 'sort':
      command.orders.forEach((o) => columnRefs(o.expression, live));
      return live;
    case 'mvExpand':
      live.add(command.column.name);
      return live;
    case 'renameCommand':
      for (const r of command.renames) {
        const match = wildcardMatcher(r.from.pattern);
        inputNames.filter(match).forEach((n) => live.add(n));
      }
      return live;
    case 'dissect':
    case 'grok': {
      const produced = outputNames.filter((n) => !inputNames.includes(n));
      produced.forEach((n) => live.delete(n));
      return columnRefs(command.input, live);
    }
    default:
      return live;
  }
}

/** Names of the first step's output columns that later commands read or return. */
export function liveSourceColumns(analyzed: AnalyzedQuery): Set<string> {
  let live = new Set(analyzed.output.map((c) => c.name));
  for (let i = analyzed.steps.length - 1; i >= 1; i--) {
    const s = analyzed.steps[i];
    live = step(s.command, live, s.input.map((c) => c.name), s.output.map((c) => c.name));
  }
  return live;
}
