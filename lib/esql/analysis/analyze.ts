/**
 * The ES|QL analyzer: resolves FROM against the backend's mappings, types every expression and
 * computes each command's schema, reporting what Elasticsearch's analyzer and verifier report
 * (its Analyzer and Verifier; docs/esql-semantics.md §11.1).
 * Pure: no I/O, never throws — an internal failure becomes an `unsupported` error rather than an
 * exception.
 */
import type { EsqlParams } from '../../model/esql';
import type { AnalyzedQuery, AnalyzedStep, ColumnSchema } from './analyzed';
import type { Command, FromCommand, Param, Query } from '../ast';
import { AnalysisContext, type Scope } from './context';
import {
  analyzeDrop,
  analyzeEval,
  analyzeExtract,
  analyzeKeep,
  analyzeMvExpand,
  analyzeRename,
  analyzeRow,
  analyzeSort,
  analyzeWhere,
  type CommandEnv,
} from './commands';
import { isWildcard, matchesPattern } from './names';
import { checkParamStyles, paramTable } from './params';
import { analyzeStats } from './stats';
import { commandExpressions, descendants } from './walk';
import { querySettings } from './settings';
import { esqlError, type EsqlError } from '../errors';
import type { EsqlType, ResolvedSources, SourceResolver } from '../types';

export type AnalyzeResult = { ok: true; analyzed: AnalyzedQuery } | { ok: false; errors: EsqlError[] };

const METADATA_TYPES: Record<string, EsqlType> = { _index: 'keyword', _id: 'keyword', _score: 'double', _version: 'long', _ignored: 'keyword' };

/** The implicit LIMIT and the cap on any LIMIT (docs/esql-semantics.md §6.6). */
export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10000;

export function analyze(query: Query, text: string, resolve: SourceResolver, params?: EsqlParams): AnalyzeResult {
  try {
    return analyzeQuery(query, text, resolve, params);
  } catch (e) {
    const span = query && typeof query === 'object' && query.span ? query.span : { start: 0, end: 0 };
    // A RangeError is V8's stack or string limit, not a bug to show: the query is too large.
    if (e instanceof RangeError) return { ok: false, errors: [esqlError('unsupported', String(text ?? ''), span, 'the query is too large to analyze')] };
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [esqlError('unsupported', String(text ?? ''), span, `Internal error while analyzing the query: ${reason}`)] };
  }
}

const EMPTY_SCOPE: Scope = { columns: [], conflicts: new Map() };

function analyzeQuery(query: Query, text: string, resolve: SourceResolver, params?: EsqlParams): AnalyzeResult {
  const ctx = new AnalysisContext(text, new Set());
  const settings = querySettings(query?.settings, ctx);
  if (!settings) return { ok: false, errors: ctx.errors };
  ctx.nullifyUnmapped = settings.unmappedFields === 'nullify';
  const commands: Command[] = Array.isArray(query?.commands) ? query.commands : [];
  if (commands.length === 0 || (commands[0].kind !== 'from' && commands[0].kind !== 'row')) {
    const span = commands[0]?.span ?? { start: 0, end: 0 };
    ctx.error(span, 'A query must start with FROM or ROW', 'parsing');
    return { ok: false, errors: ctx.errors };
  }
  const allParams: Param[] = [];
  for (const c of commands) for (const x of commandExpressions(c)) for (const e of descendants(x)) if (e.kind === 'param') allParams.push(e);
  if (!checkParamStyles(allParams, ctx)) return { ok: false, errors: ctx.errors };
  const env: CommandEnv = { ctx, params: paramTable(params) };

  let scope = EMPTY_SCOPE;
  let sources: ResolvedSources | undefined;
  const steps: AnalyzedStep[] = [];
  for (const command of commands) {
    const input = scope;
    if (command.kind === 'from') {
      const resolved = analyzeFrom(command, resolve, ctx, referencedNames(commands));
      if (!resolved) return { ok: false, errors: ctx.errors };
      sources = resolved.sources;
      scope = resolved.scope;
    } else if (command.kind === 'enrich') {
      // Without the policy its columns are unknown; the resolver cannot describe policies.
      ctx.error(command.span, 'ENRICH is not supported by the embedded engine', 'unsupported');
      return { ok: false, errors: sorted(ctx.errors) };
    } else {
      scope = analyzeCommand(command, input, env);
    }
    steps.push({ command, input: input.columns, output: scope.columns });
    if (ctx.nullifyUnmapped) for (const c of scope.columns) ctx.producedNames.add(c.name);
  }
  if (ctx.errors.length > 0) return { ok: false, errors: sorted(ctx.errors) };

  const hasLimit = commands.some((c) => c.kind === 'limit');
  const analyzed: AnalyzedQuery = {
    query,
    text,
    steps,
    types: ctx.types,
    names: ctx.names,
    functions: ctx.functions,
    params: ctx.params,
    sources,
    implicitLimit: hasLimit
      ? { count: MAX_LIMIT }
      : { count: DEFAULT_LIMIT, warning: `No limit defined, adding default limit of [${DEFAULT_LIMIT}]` },
    output: scope.columns,
    warnings: ctx.warnings,
  };
  if (ctx.nullified.size > 0) analyzed.nullified = ctx.nullified;
  return { ok: true, analyzed };
}

function analyzeCommand(command: Command, input: Scope, env: CommandEnv): Scope {
  switch (command.kind) {
    case 'row':
      return analyzeRow(command, input, env);
    case 'where':
      return analyzeWhere(command, input, env);
    case 'eval':
      return analyzeEval(command, input, env);
    case 'stats':
      return analyzeStats(command, input, env);
    case 'sort':
      return analyzeSort(command, input, env);
    case 'limit':
      return input;
    case 'keep':
      return analyzeKeep(command, input, env);
    case 'drop':
      return analyzeDrop(command, input, env);
    case 'renameCommand':
      return analyzeRename(command, input, env);
    case 'mvExpand':
      return analyzeMvExpand(command, input, env);
    case 'dissect':
    case 'grok':
      return analyzeExtract(command, input, env);
    case 'from':
    case 'enrich':
      env.ctx.error(command.span, `${command.kind.toUpperCase()} is not allowed here`, 'parsing');
      return input;
  }
}

/** Every column name or KEEP/DROP/RENAME pattern the query writes. */
function referencedNames(commands: Command[]): string[] {
  const names: string[] = [];
  for (const command of commands) {
    for (const x of commandExpressions(command)) for (const e of descendants(x)) if (e.kind === 'column') names.push(e.name);
    if (command.kind === 'keep' || command.kind === 'drop') names.push(...command.columns.map((c) => c.pattern));
    if (command.kind === 'renameCommand') names.push(...command.renames.map((r) => r.from.pattern));
  }
  return names;
}

function analyzeFrom(
  command: FromCommand,
  resolve: SourceResolver,
  ctx: AnalysisContext,
  referenced: string[],
): { scope: Scope; sources: ResolvedSources } | undefined {
  const result = resolve(command.sources.map((s) => s.name));
  if ('unknown' in result) {
    const source = command.sources.find((s) => s.name === result.unknown) ?? command.sources[0] ?? command;
    ctx.error(source.span, `Unknown index [${result.unknown}]`);
    return undefined;
  }
  const fields = [...result.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const conflicts: Scope['conflicts'] = new Map();
  const columns: ColumnSchema[] = [];
  const seen = new Set<string>();
  const mentions = mentionTest(referenced);
  for (const field of fields) {
    if (seen.has(field.name)) continue;
    seen.add(field.name);
    columns.push({ name: field.name, type: field.type });
    if (field.conflicts && field.conflicts.length > 1) conflicts.set(field.name, field.conflicts);
    ctx.sourceFields.add(field.name);
    // Elasticsearch only knows the fields it asked field_caps for: those named (or their subfields).
    if (mentions(field.name)) ctx.mentioned.add(field.name);
  }
  for (const meta of command.metadata) {
    const type = METADATA_TYPES[meta.name];
    if (!type) {
      ctx.error(meta.span, `unsupported metadata field [${meta.name}]`, 'parsing');
      continue;
    }
    ctx.typed(meta, type);
    if (!columns.some((c) => c.name === meta.name)) columns.push({ name: meta.name, type });
  }
  return { scope: { columns, conflicts }, sources: result };
}

/**
 * Whether a field is one of the names written, under one (`process` names `process.name`) or
 * matched by a wildcard. Sets rather than a scan of every name per field: a 10,000-term OR over
 * an index of a thousand fields made ten million comparisons (issue 13).
 */
function mentionTest(referenced: string[]): (field: string) => boolean {
  const exact = new Set<string>();
  const patterns = new Set<string>();
  for (const n of referenced) (isWildcard(n) ? patterns : exact).add(n);
  return (field) => {
    if (exact.has(field)) return true;
    for (let dot = field.indexOf('.'); dot >= 0; dot = field.indexOf('.', dot + 1)) if (exact.has(field.slice(0, dot))) return true;
    for (const p of patterns) if (matchesPattern(p, field) || field.startsWith(p + '.')) return true;
    return false;
  };
}

/** Source order, duplicates removed (Elasticsearch keeps failures in a set). */
function sorted(errors: EsqlError[]): EsqlError[] {
  const seen = new Set<string>();
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.span.start - b.e.span.start || a.i - b.i)
    .map(({ e }) => e)
    .filter((e) => {
      const key = `${e.span.start}:${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
