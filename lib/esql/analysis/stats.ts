/**
 * STATS … BY: groupings are typed first (aggregates may name them), each aggregate must be an
 * aggregate function or an expression over aggregates and BY columns, and the output is the
 * aggregates in order then the BY keys, the rightmost of equal names winning
 * (docs/esql-semantics.md §6.5).
 */
import type { ColumnSchema } from './analyzed';
import type { Expression, Field, StatsCommand } from '../ast';
import { positionsIn } from '../errors';
import { upperTypeName, type Scope } from './context';
import { fieldName, withColumns, type CommandEnv } from './commands';
import { typeOf } from './expressions';
import { isFoldable } from './operators';
import { descendants } from './walk';
import { lookupFunction } from '../functions/catalogue';

function containsAggregate(e: Expression): boolean {
  for (const node of descendants(e)) {
    if (node.kind === 'function' && lookupFunction(node.name)?.kind === 'aggregate') return true;
  }
  return false;
}

/** Keeps the last column of each name, in the position of that last occurrence (one pass from the right). */
function rightmostWins(columns: ColumnSchema[]): ColumnSchema[] {
  const seen = new Set<string>();
  const kept: ColumnSchema[] = [];
  for (let i = columns.length - 1; i >= 0; i--) {
    if (seen.has(columns[i].name)) continue;
    seen.add(columns[i].name);
    kept.push(columns[i]);
  }
  return kept.reverse();
}

export function analyzeStats(cmd: StatsCommand, input: Scope, env: CommandEnv): Scope {
  const { ctx } = env;
  // By name, a later key of the same name replacing and following the earlier (as upsert does, without its copy per key).
  const byName = new Map<string, ColumnSchema>();
  for (const grouping of cmd.groupings) {
    const type = typeOf(grouping.expression, { ...env, scope: input, mode: 'grouping' });
    const name = fieldName(grouping, env);
    if (grouping.name) ctx.typed(grouping.name, type);
    byName.delete(name);
    byName.set(name, ctx.column(name, type, grouping.expression));
  }
  const groups = [...byName.values()];
  const groupNames = new Set(byName.keys());
  const aggregateScope = withColumns(input, [...input.columns.filter((c) => !groupNames.has(c.name)), ...groups]);
  const aggregates: ColumnSchema[] = [];
  for (const aggregate of cmd.aggregates) {
    const e = aggregate.expression;
    const type = typeOf(e, { ...env, scope: aggregateScope, mode: 'aggregates', groupNames });
    const bareGroupColumn = e.kind === 'column' && groupNames.has(e.name);
    // Scalars over BY columns are allowed (newer versions); a constant alone is not an aggregate.
    if (!ctx.hasFailed(e) && !bareGroupColumn && !containsAggregate(e) && isFoldable(e)) {
      ctx.error(e.span, `expected an aggregate function but found [${ctx.source(e.span)}]`);
    }
    if (aggregate.filter) {
      // The filter sees the BY aliases too (`count(x) WHERE l > 1 BY l = languages`).
      const filterType = typeOf(aggregate.filter, { ...env, scope: aggregateScope, mode: 'row' });
      if (!ctx.hasFailed(aggregate.filter) && filterType !== 'boolean' && filterType !== 'null') {
        ctx.error(aggregate.filter.span, `Condition expression needs to be boolean, found [${upperTypeName(filterType)}]`);
      }
    }
    const name = fieldName(aggregate, env);
    if (aggregate.name) ctx.typed(aggregate.name, type);
    aggregates.push(ctx.column(name, type, e));
  }
  warnShadowed(cmd, env);
  const produced = rightmostWins([...aggregates, ...groups]);
  if (!cmd.inline) return withColumns(input, produced);
  // INLINE STATS keeps every input column the aggregates and keys do not replace, in place, then appends them.
  const names = new Set(produced.map((c) => c.name));
  return withColumns(input, [...input.columns.filter((c) => !names.has(c.name)), ...produced]);
}

/**
 * `Field 'x' shadowed by field at line L:C` for every STATS field (aggregate or BY key) whose name
 * a later one reuses, pointing at the rightmost, which wins (docs/esql-semantics.md §6.5).
 */
function warnShadowed(cmd: StatsCommand, env: CommandEnv): void {
  const { ctx } = env;
  const fields = [...cmd.aggregates, ...cmd.groupings];
  const names = fields.map((f) => fieldName(f, env));
  const at = positionsIn(ctx.text);
  const start = (f: Field) => (f.name ?? f.expression).span.start;
  for (let i = 0; i < fields.length; i++) {
    const winner = names.lastIndexOf(names[i]);
    if (winner === i) continue;
    const here = at(start(fields[i]));
    const there = at(start(fields[winner]));
    ctx.warnings.push(`Line ${here.line}:${here.column}: Field '${names[i]}' shadowed by field at line ${there.line}:${there.column}`);
  }
}
