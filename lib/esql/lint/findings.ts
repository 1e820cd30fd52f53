/**
 * Lint for hunt queries: things that run but may not mean what the hunter thinks. Findings are
 * data with positions; a finding that has a safe rewrite carries it as an AST (`fix.query`), so
 * the dashboard can offer it as a clearly labelled variant without touching the original.
 */
import type { Command, LimitCommand, Query, SortCommand, SortOrder, Span } from '../ast';
import { positionOf } from '../errors';
import { conjuncts, timestampComparison } from './time-window';
import { print } from '../syntax/printer';
import { collect } from '../syntax/walker';

export type LintCode = 'limit-before-sort' | 'hardcoded-time-window' | 'no-limit' | 'possibly-truncated';

export interface LintFinding {
  code: LintCode;
  severity: 'info' | 'warning';
  message: string;
  span: Span;
  /** 1-based, as Elasticsearch counts them (see errors.ts positionOf). */
  line: number;
  column: number;
  fix?: { label: string; query: Query };
}

/**
 * Elasticsearch's row limits, owned here: its AddImplicitLimit rule appends LIMIT 1000 to a query
 * with no LIMIT and caps any LIMIT at 10 000, the defaults of its result_truncation settings
 * (docs/esql-semantics.md §6.6).
 */
export const DEFAULT_RESULT_LIMIT = 1000;
export const MAX_RESULT_LIMIT = 10000;

export function lintQuery(query: Query, text: string): LintFinding[] {
  const at = (span: Span) => positionOf(text, span.start);
  const findings: LintFinding[] = [];
  const add = (f: Omit<LintFinding, 'line' | 'column'>) => findings.push({ ...f, ...at(f.span) });
  for (const f of limitBeforeSort(query)) add(f);
  for (const f of hardcodedTimeWindows(query)) add(f);
  const noLimit = missingLimit(query);
  if (noLimit) add(noLimit);
  return findings.sort((a, b) => a.span.start - b.span.start);
}

type Draft = Omit<LintFinding, 'line' | 'column'>;

/** `by a, b DESC`: the sort keys as the label and message show them. */
function sortKeys(orders: SortOrder[]): string {
  return orders.map((o) => print(o.expression) + (o.direction === 'desc' ? ' DESC' : '')).join(', ');
}

/**
 * A LIMIT on rows with no defined order (nothing sorted them since FROM or the last STATS),
 * later sorted with no STATS in between: Elasticsearch keeps n arbitrary rows, then sorts only
 * those, which is not the top n (no row order is defined before a SORT: docs/esql-semantics.md §6.6).
 */
function limitBeforeSort(query: Query): Draft[] {
  const commands = query.commands;
  const out: Draft[] = [];
  let ordered = false;
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i];
    if (c.kind === 'sort') ordered = true;
    if (c.kind === 'stats' || c.kind === 'from' || c.kind === 'row') ordered = false;
    if (c.kind !== 'limit' || ordered) continue;
    const j = laterSort(commands, i);
    if (j === undefined) continue;
    const sort = commands[j] as SortCommand;
    const keys = sortKeys(sort.orders);
    out.push({
      code: 'limit-before-sort',
      severity: 'warning',
      message:
        `LIMIT ${c.count} runs before SORT ${keys}: Elasticsearch keeps ${c.count} arbitrary rows and then sorts only those, ` +
        `so the result is not the top ${c.count} by ${keys}.`,
      span: c.span,
      fix: { label: `SORT before LIMIT: top ${c.count} by ${keys}`, query: moveLimitAfter(query, i, j) },
    });
  }
  return out;
}

/** Index of the first SORT after `i` that the rows reach without passing through a STATS. */
function laterSort(commands: Command[], i: number): number | undefined {
  for (let j = i + 1; j < commands.length; j++) {
    if (commands[j].kind === 'stats') return undefined;
    if (commands[j].kind === 'sort') return j;
  }
  return undefined;
}

/**
 * The fix: the LIMIT moves to just after the SORT. When they are adjacent this is "the SORT moved
 * before the LIMIT"; with commands between them it keeps the sort keys those commands define.
 * The nodes are the original ones, so their spans still point into the original text.
 */
function moveLimitAfter(query: Query, limitAt: number, sortAt: number): Query {
  const limit = query.commands[limitAt] as LimitCommand;
  const commands = query.commands.filter((_, k) => k !== limitAt);
  commands.splice(sortAt, 0, limit);
  return { ...query, commands };
}

function hardcodedTimeWindows(query: Query): Draft[] {
  const out: Draft[] = [];
  for (const where of query.commands) {
    if (where.kind !== 'where') continue;
    // Every comparison, not only top-level conjuncts: a fixed `now() - N` anywhere is worth knowing.
    const predicates = collect(where.condition, (n) => n.kind === 'binary');
    for (const p of predicates) {
      if (p.kind !== 'binary') continue;
      const found = timestampComparison(p);
      if (!found) continue;
      const replaceable = conjuncts(where.condition).includes(p);
      out.push({
        code: 'hardcoded-time-window',
        severity: 'info',
        message:
          `The time window is fixed in the query (${print(p)}).` +
          (replaceable ? ' The window control replaces it with the window you pick.' : ' It sits under OR/NOT, so the window control leaves it as written.'),
        span: p.span,
      });
    }
  }
  return out;
}

function missingLimit(query: Query): Draft | undefined {
  if (query.commands.some((c) => c.kind === 'limit')) return undefined;
  const last = query.commands[query.commands.length - 1];
  if (!last) return undefined;
  return {
    code: 'no-limit',
    severity: 'info',
    message: `The query has no LIMIT: Elasticsearch returns at most ${DEFAULT_RESULT_LIMIT} rows and warns that it added the default limit.`,
    span: last.span,
  };
}

/**
 * How many rows the query can return at most: the last LIMIT when no STATS or MV_EXPAND follows
 * it (those make new rows), capped at 10000; 10000 when some LIMIT exists elsewhere; 1000 when
 * there is none (Elasticsearch's AddImplicitLimit).
 */
export function effectiveLimit(query: Query): number {
  const commands = query.commands;
  let lastLimit: number | undefined;
  let anyLimit = false;
  for (const c of commands) {
    if (c.kind === 'limit') {
      anyLimit = true;
      lastLimit = lastLimit === undefined ? c.count : Math.min(lastLimit, c.count);
    } else if (c.kind === 'stats' || c.kind === 'mvExpand') lastLimit = undefined;
  }
  if (lastLimit !== undefined) return Math.min(lastLimit, MAX_RESULT_LIMIT);
  return anyLimit ? MAX_RESULT_LIMIT : DEFAULT_RESULT_LIMIT;
}

/** Findings about a result: a row count equal to the effective limit means rows may be missing. */
export function resultFindings(query: Query, rowCount: number, text?: string): LintFinding[] {
  const limit = effectiveLimit(query);
  if (rowCount < limit) return [];
  const limits = query.commands.filter((c): c is LimitCommand => c.kind === 'limit');
  const span = limits[limits.length - 1]?.span ?? query.span;
  const { line, column } = text === undefined ? { line: 1, column: 1 } : positionOf(text, span.start);
  return [
    {
      code: 'possibly-truncated',
      severity: 'warning',
      message: `The result has ${rowCount} rows, the most this query can return (${limit}): the list may be incomplete.`,
      span,
      line,
      column,
    },
  ];
}
