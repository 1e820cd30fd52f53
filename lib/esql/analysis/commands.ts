/**
 * Schema rules of the processing commands: what each one receives and produces, and the problems
 * Elasticsearch reports for it (docs/esql-semantics.md §6).
 * STATS lives in stats.ts.
 */
import type { ColumnSchema } from './analyzed';
import type {
  ColumnPattern,
  DissectCommand,
  DropCommand,
  EvalCommand,
  Field,
  GrokCommand,
  KeepCommand,
  MvExpandCommand,
  RenameCommand,
  RowCommand,
  SortCommand,
  WhereCommand,
} from '../ast';
import { upperTypeName, type Scope } from './context';
import type { ExprEnv } from './env';
import { typeOf } from './expressions';
import { dissectColumns, grokColumns } from './extract';
import { findSimilar, isWildcard, matchesPattern, patternPrecedence, suggestionSuffix } from './names';
import { isStringLike, type EsqlType } from '../types';

/** Environment for one command: the shared context plus that command's input scope. */
export type CommandEnv = Omit<ExprEnv, 'mode' | 'scope'>;

export function withColumns(scope: Scope, columns: ColumnSchema[]): Scope {
  return { columns, conflicts: scope.conflicts };
}

/** Drops any column called `name` and appends the new one (EVAL/DISSECT/GROK shadowing). */
export function upsert(columns: ColumnSchema[], column: ColumnSchema): ColumnSchema[] {
  return [...columns.filter((c) => c.name !== column.name), column];
}

/** The column name of a field: its explicit name, else its source text as typed. */
export function fieldName(field: Field & { filter?: unknown }, env: CommandEnv): string {
  const name = field.name?.name ?? env.ctx.source(field.filter ? field.span : field.expression.span);
  env.ctx.names.set(field, name);
  return name;
}

function assignFields(kind: 'EVAL' | 'ROW', fields: Field[], input: Scope, env: CommandEnv): Scope {
  // One working copy indexed by name for the whole command: copying and scanning the column list
  // per field made an EVAL of n fields O(n²) (issue 13: 5,000 fields took a third of a second).
  const columns = [...input.columns];
  const byName = new Map<string, ColumnSchema>();
  for (const c of columns) if (!byName.has(c.name)) byName.set(c.name, c);
  const scope: Scope = { columns, conflicts: input.conflicts, byName };
  for (const field of fields) {
    const type = typeOf(field.expression, { ...env, scope, mode: 'row' });
    const name = fieldName(field, env);
    if ((type === 'date_period' || type === 'time_duration') && !env.ctx.hasFailed(field.expression)) {
      const src = env.ctx.source(field.expression.span);
      env.ctx.error(
        field.expression.span,
        kind === 'EVAL'
          ? `EVAL does not support type [${type}] as the return data type of expression [${src}]`
          : `cannot use [${src}] directly in a row assignment`,
      );
    }
    if (field.name) env.ctx.typed(field.name, type);
    // Shadowing drops the earlier column of that name and appends the new one (docs/esql-semantics.md §6.3).
    if (byName.has(name)) {
      for (let i = columns.length - 1; i >= 0; i--) if (columns[i].name === name) columns.splice(i, 1);
    }
    const column = env.ctx.column(name, type, field.expression);
    columns.push(column);
    byName.set(name, column);
  }
  return withColumns(input, columns);
}

export const analyzeRow = (cmd: RowCommand, input: Scope, env: CommandEnv): Scope => assignFields('ROW', cmd.fields, input, env);
export const analyzeEval = (cmd: EvalCommand, input: Scope, env: CommandEnv): Scope => assignFields('EVAL', cmd.fields, input, env);

export function analyzeWhere(cmd: WhereCommand, input: Scope, env: CommandEnv): Scope {
  const type = typeOf(cmd.condition, { ...env, scope: input, mode: 'row' });
  if (!env.ctx.hasFailed(cmd.condition) && type !== 'boolean' && type !== 'null') {
    env.ctx.error(cmd.condition.span, `Condition expression needs to be boolean, found [${upperTypeName(type)}]`);
  }
  return input;
}

const UNSORTABLE: ReadonlySet<EsqlType> = new Set(['date_period', 'time_duration']);

export function analyzeSort(cmd: SortCommand, input: Scope, env: CommandEnv): Scope {
  for (const order of cmd.orders) {
    const type = typeOf(order.expression, { ...env, scope: input, mode: 'row' });
    if (UNSORTABLE.has(type)) {
      env.ctx.error(order.expression.span, `cannot sort on ${type}`);
    }
  }
  return input;
}

/** Columns a KEEP/DROP pattern selects, or an error recorded when it selects none. */
function matching(pattern: ColumnPattern, input: Scope, env: CommandEnv): ColumnSchema[] {
  const found = input.columns.filter((c) => matchesPattern(pattern.pattern, c.name));
  if (found.length === 0) {
    if (isWildcard(pattern.pattern)) {
      env.ctx.error(pattern.span, `No matches found for pattern [${pattern.pattern}]`);
    } else if (env.ctx.nullifyUnmapped) {
      env.ctx.error(pattern.span, `unmapped field [${pattern.pattern}] in KEEP/DROP with unmapped_fields="nullify" is not supported by the embedded engine`, 'unsupported');
    } else {
      const candidates = input.columns.map((c) => c.name).filter((n) => env.ctx.mentioned.has(n) || !env.ctx.sourceFields.has(n));
      env.ctx.error(pattern.span, `Unknown column [${pattern.pattern}]${suggestionSuffix(findSimilar(pattern.pattern, candidates))}`);
    }
  }
  return found;
}

export function analyzeKeep(cmd: KeepCommand, input: Scope, env: CommandEnv): Scope {
  // Each column goes to the pattern that wins it: higher precedence, then the rightmost.
  const winner = new Map<string, { precedence: number; index: number }>();
  cmd.columns.forEach((pattern, index) => {
    const precedence = patternPrecedence(pattern.pattern);
    for (const column of matching(pattern, input, env)) {
      const current = winner.get(column.name);
      if (!current || precedence >= current.precedence) winner.set(column.name, { precedence, index });
    }
  });
  const kept = input.columns
    .map((column, position) => ({ column, position, win: winner.get(column.name) }))
    .filter((k) => k.win !== undefined)
    .sort((a, b) => a.win!.index - b.win!.index || a.position - b.position)
    .map((k) => k.column);
  return withColumns(input, kept);
}

export function analyzeDrop(cmd: DropCommand, input: Scope, env: CommandEnv): Scope {
  const star = cmd.columns.find((p) => p.pattern === '*');
  if (star) {
    env.ctx.error(star.span, `Removing all fields is not allowed [${env.ctx.source(cmd.span)}]`, 'parsing');
    return input;
  }
  const dropped = new Set(cmd.columns.flatMap((pattern) => matching(pattern, input, env).map((c) => c.name)));
  return withColumns(input, input.columns.filter((c) => !dropped.has(c.name)));
}

export function analyzeRename(cmd: RenameCommand, input: Scope, env: CommandEnv): Scope {
  let columns = input.columns;
  for (const rename of cmd.renames) {
    const from = rename.from.pattern;
    const source = columns.find((c) => c.name === from);
    if (!source && env.ctx.nullifyUnmapped) {
      env.ctx.error(rename.from.span, `unmapped field [${from}] in RENAME with unmapped_fields="nullify" is not supported by the embedded engine`, 'unsupported');
      continue;
    }
    if (!source) {
      const candidates = columns.map((c) => c.name).filter((n) => env.ctx.mentioned.has(n) || !env.ctx.sourceFields.has(n));
      env.ctx.error(rename.from.span, `Unknown column [${from}]${suggestionSuffix(findSimilar(from, candidates))}`);
      continue;
    }
    const to = rename.to.name;
    env.ctx.typed(rename.to, source.type);
    // The renamed column keeps its place; an existing column of the new name goes away.
    columns = columns.filter((c) => c === source || c.name !== to).map((c) => (c === source ? renamed(c, to, env) : c));
  }
  return withColumns(input, columns);
}

function renamed(column: ColumnSchema, name: string, env: CommandEnv): ColumnSchema {
  const result = { name, type: column.type };
  if (env.ctx.poisoned.has(column)) env.ctx.poisoned.add(result);
  return result;
}

export function analyzeMvExpand(cmd: MvExpandCommand, input: Scope, env: CommandEnv): Scope {
  typeOf(cmd.column, { ...env, scope: input, mode: 'row' });
  return input;
}

export function analyzeExtract(cmd: DissectCommand | GrokCommand, input: Scope, env: CommandEnv): Scope {
  const { ctx } = env;
  const type = typeOf(cmd.input, { ...env, scope: input, mode: 'row' });
  const label = cmd.kind === 'dissect' ? 'Dissect' : 'Grok';
  // A `null` input is accepted and extracts nothing (docs/esql-semantics.md §6.7).
  if (!ctx.hasFailed(cmd.input) && !isStringLike(type) && type !== 'null') {
    ctx.error(cmd.input.span, `${label} only supports KEYWORD or TEXT values, found expression [${ctx.source(cmd.input.span)}] type [${upperTypeName(type)}]`);
  }
  const extracted = cmd.kind === 'dissect' ? dissectColumns(cmd.pattern) : grokColumns([cmd.pattern, ...(cmd.alternatives ?? [])]);
  if (!extracted.ok) {
    ctx.error(cmd.span, extracted.message);
    return input;
  }
  let columns = input.columns;
  for (const column of extracted.columns) columns = upsert(columns, column);
  return withColumns(input, columns);
}
