/**
 * compileQuery: an analyzed ES|QL query → one DuckDB statement (CTE chain) plus, when some column
 * may hold multi-values, one probe statement whose boolean answers decide the single-value
 * warnings (docs/esql-semantics.md §11.3). Anything the engine cannot reproduce exactly is a positioned error. The
 * caller checks the parsed query's size first (checkQueryShape in ../query-limits.ts): the compiler
 * recurses once per level of nesting.
 */
import 'server-only';
import { type AnalyzedQuery, countExpressions, esqlError, positionsIn, type EsqlError, type EsqlType } from '../../esql';
import type { SourceSnapshot } from '../../store/types';
import { CompileContext, CompileFailure } from './context';
import { compileCommand } from './commands';
import { compileFunction } from './functions';
import { compileFrom, compileRow } from './source';
import { liveSourceColumns } from './live-columns';
import { Pipeline } from './pipeline';
import { ENGINE_MAX_PROBES, tooLargeMessage } from '../query-limits';
import { quoteString } from '../sql';

const SINGLE_VALUE_REASON = 'java.lang.IllegalArgumentException: single-value function encountered multi-value';

export interface CompileQueryOptions {
  /** now() for this query, epoch ms (one value per query, docs/esql-semantics.md §9). */
  nowMs: number;
  cidrMatchMultiValue?: 'single-value' | 'any-value';
}

export interface OutputColumn {
  name: string;
  type: EsqlType;
  /** Result column holding the single value. */
  scalar: string;
  /** Result column holding the multi-value LIST, when the column may have one. */
  mv?: string;
}

/** A warning pair to emit when the probe column of the same index is true. */
export interface WarningProbe {
  line: number;
  column: number;
  sourceText: string;
  treatedAs?: 'false';
}

export type CompiledQuery =
  | {
      ok: true;
      sql: string;
      /** DuckDB prepared-statement values for `$1`, `$2`, …: request parameters are never SQL text. */
      params: (string | number | boolean | bigint | null)[];
      output: OutputColumn[];
      /** Runs with the same params; one boolean column per entry of `probes`. */
      probeSql?: string;
      probes: WarningProbe[];
    }
  | { ok: false; errors: EsqlError[] };

export function compileQuery(analyzed: AnalyzedQuery, snapshot: SourceSnapshot | undefined, options: CompileQueryOptions): CompiledQuery {
  const ctx = new CompileContext(analyzed, { nowMs: options.nowMs, cidrMatchMultiValue: options.cidrMatchMultiValue ?? 'single-value' }, compileFunction);
  const p = new Pipeline(ctx);
  try {
    const [first, ...rest] = analyzed.steps;
    if (!first) throw new CompileFailure(analyzed.query.span, 'empty query', 'verification');
    if (first.command.kind === 'from') {
      const beforeStats = analyzed.steps.slice(1, firstIndex(analyzed, 'stats'));
      const rowIdentity = beforeStats.some((s) => s.command.kind === 'sort');
      compileFrom(p, first.command, first, snapshot, { live: liveSourceColumns(analyzed), rowIdentity, next: rest[0]?.command });
    } else if (first.command.kind === 'row') {
      compileRow(p, first.command, first);
    } else {
      throw new CompileFailure(first.command.span, `a query must start with FROM or ROW`, 'verification');
    }
    for (const step of rest) compileCommand(p, step.command, step);

    const output: OutputColumn[] = [];
    const selects: string[] = [];
    analyzed.output.forEach((col, i) => {
      const b = ctx.columns.get(col.name);
      // A result column without a binding would silently read as null: refuse instead.
      if (!b) throw new CompileFailure(analyzed.query.span, `the embedded engine lost track of column [${col.name}]`);
      const scalar = `o${i}`;
      const out: OutputColumn = { name: col.name, type: col.type, scalar };
      selects.push(`${b.scalar} AS ${scalar}`);
      if (b.mv) {
        out.mv = `v${i}`;
        selects.push(`${b.mv} AS ${out.mv}`);
      }
      output.push(out);
    });
    const limit = analyzed.implicitLimit.count;
    const body = `SELECT ${selects.length ? selects.join(', ') : '1 AS __none'} FROM ${p.current}${p.orderBy()} LIMIT ${limit}`;
    const sql = p.withClause() + body;

    const probes: WarningProbe[] = [];
    const probeCols: string[] = [];
    const indexBySpan = new Map<string, number>();
    const positionAt = positionsIn(analyzed.text);
    for (const probe of ctx.probes) {
      const reason = probe.reasonSql ?? quoteString(probe.reason ?? SINGLE_VALUE_REASON);
      const span = trimParentheses(analyzed.text, probe.span);
      const key = `${span.start}:${span.end}`;
      // The first 20 failing rows only (as Elasticsearch records, docs/esql-semantics.md §11.3), so the probe stops early.
      const test = `coalesce((SELECT list(DISTINCT r) FROM (SELECT ${reason} AS r FROM ${probe.relation} WHERE ${probe.condition} LIMIT 20)), [])`;
      const existing = indexBySpan.get(key);
      if (existing !== undefined) {
        probeCols[existing] = `list_concat(${probeCols[existing]}, ${test})`;
        continue;
      }
      indexBySpan.set(key, probes.length);
      const { line, column } = positionAt(span.start);
      probes.push({ line, column, sourceText: analyzed.text.slice(span.start, span.end), treatedAs: probe.treatedAs });
      probeCols.push(test);
    }
    if (probes.length > ENGINE_MAX_PROBES) {
      const what = `${probes.length} expressions that can raise warnings; at most ${ENGINE_MAX_PROBES}`;
      return { ok: false, errors: [esqlError('unsupported', analyzed.text, { start: 0, end: 0 }, tooLargeMessage(what))] };
    }
    const probeSql = probes.length ? p.withClause() + `SELECT ${probeCols.map((c, i) => `${c} AS p${i}`).join(', ')}` : undefined;
    return { ok: true, sql, params: ctx.params, output, probeSql, probes };
  } catch (e) {
    if (e instanceof CompileFailure) {
      return { ok: false, errors: [esqlError(e.errorKind, analyzed.text, e.span, e.message)] };
    }
    // A stack or string too large for V8 (the SQL of thousands of chained EVAL fields): refuse, never throw.
    if (e instanceof RangeError) return { ok: false, errors: [tooLarge(analyzed)] };
    throw e;
  }
}

export function tooLarge(analyzed: AnalyzedQuery): EsqlError {
  const n = countExpressions(analyzed.query);
  return esqlError('unsupported', analyzed.text, { start: 0, end: 0 }, tooLargeMessage(`${n} expressions`));
}

/** An expression's source without the parentheses around it, as Elasticsearch names it in warnings. */
function trimParentheses(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  for (;;) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (text[start] !== '(' || text[end - 1] !== ')') return { start, end };
    // Only when the outer pair encloses everything: `(a) + (b)` keeps its parentheses.
    let depth = 0;
    for (let i = start; i < end; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      if (depth === 0 && i < end - 1) return { start, end };
    }
    start++;
    end--;
  }
}

function firstIndex(analyzed: AnalyzedQuery, kind: string): number {
  const i = analyzed.steps.findIndex((s) => s.command.kind === kind);
  return i < 0 ? analyzed.steps.length : i;
}
