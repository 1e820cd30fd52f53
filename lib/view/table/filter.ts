/**
 * Per-column filters as the analyst types them: numbers accept `>=10`, `<=3`, `>`, `<`, `=5` or a
 * plain `5` (equals); dates accept the same operators against the ISO text (`>=2026-01-05`) or a
 * substring; everything else matches a case-insensitive substring, also in the escaped spelling
 * (`\u202e` finds the override); a leading `~` also matches look-alikes by UTS #39 skeleton
 * (`~curl` finds `сurl` with a Cyrillic es). `=value` matches a value exactly and `!=value` keeps
 * every row without it, nulls included (a cell's "filter for" / "filter out"); a value with edge
 * spaces or a leading quote is written as a JSON string (`="  x"`). Parsing is total: an unusable
 * filter is reported, not applied.
 */
import type { EsqlColumn, EsqlScalar, EsqlValue } from '../../model/esql';
import { escapeVisible } from '../text/escape';
import { lookalikeKey } from '../text/skeleton';
import { valueKind } from './compare';

export type Comparison = '>=' | '<=' | '>' | '<' | '=' | '!=';

export type ColumnFilter =
  | { kind: 'none' }
  | { kind: 'contains'; needle: string }
  /** `contains`, or the value's look-alike key contains the needle's (`key`). */
  | { kind: 'lookalike'; needle: string; key: string }
  /** `=value` / `!=value` on text: the whole value, case and all. */
  | { kind: 'exact'; value: string; negate: boolean }
  | { kind: 'number'; op: Comparison; value: number }
  | { kind: 'date'; op: Comparison; value: string }
  | { kind: 'invalid'; message: string };

const OPERATOR = /^(>=|<=|!=|>|<|=)?\s*(.*)$/s;

/** The prefix that turns a text filter into "also look-alikes". */
export const LOOKALIKE_PREFIX = '~';

/** The filter text with the look-alike prefix added or removed. */
export function toggleLookalike(text: string): string {
  const trimmed = text.trimStart();
  return trimmed.startsWith(LOOKALIKE_PREFIX) ? trimmed.slice(LOOKALIKE_PREFIX.length).trimStart() : `${LOOKALIKE_PREFIX}${trimmed}`;
}

/** The filter text of a cell's "filter for" (`=value`) or "filter out" (`!=value`). */
export function exactFilterText(value: string | number | boolean, negate: boolean): string {
  const text = String(value);
  const quoted = typeof value === 'string' && (text !== text.trim() || text.startsWith('"') || text === '');
  return `${negate ? '!=' : '='}${quoted ? JSON.stringify(text) : text}`;
}

function unquote(rest: string): string {
  if (!rest.startsWith('"')) return rest;
  try {
    const parsed: unknown = JSON.parse(rest);
    return typeof parsed === 'string' ? parsed : rest;
  } catch {
    return rest;
  }
}

/** True when the filter text asks for look-alikes too. */
export function isLookalikeFilter(text: string): boolean {
  return text.trimStart().startsWith(LOOKALIKE_PREFIX);
}

export function parseFilter(text: string, type: string): ColumnFilter {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  const kind = valueKind(type);
  const [, op, rest] = OPERATOR.exec(trimmed) ?? [];
  if (kind === 'number') {
    // Grouping separators as the table shows them (`1,234`) are accepted.
    const n = Number((rest ?? '').replace(/[,_\s]/g, ''));
    if (rest === undefined || rest === '' || Number.isNaN(n)) return { kind: 'invalid', message: 'Type a number, optionally after >=, <=, >, <, = or !=' };
    return { kind: 'number', op: (op as Comparison | undefined) ?? '=', value: n };
  }
  if (kind !== 'date' && (op === '=' || op === '!=')) {
    // A bare `=` is a filter being typed, not a search for the empty text (that is `=""`).
    return rest ? { kind: 'exact', value: unquote(rest), negate: op === '!=' } : { kind: 'none' };
  }
  if (kind === 'date' && op !== undefined) {
    if (!rest) return { kind: 'invalid', message: 'Type a date after the operator, e.g. >=2026-01-05' };
    return { kind: 'date', op: op as Comparison, value: rest };
  }
  if (kind === 'string' && trimmed.startsWith(LOOKALIKE_PREFIX)) {
    const needle = trimmed.slice(LOOKALIKE_PREFIX.length).trim();
    return needle === '' ? { kind: 'none' } : { kind: 'lookalike', needle: needle.toLowerCase(), key: lookalikeKey(needle) };
  }
  return { kind: 'contains', needle: trimmed.toLowerCase() };
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function satisfies(c: number, op: Comparison): boolean {
  switch (op) {
    case '>=': return c >= 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '<': return c < 0;
    case '=': return c === 0;
    case '!=': return c !== 0;
  }
}

function scalarMatches(v: EsqlScalar, filter: ColumnFilter): boolean {
  if (v === null) return false;
  switch (filter.kind) {
    case 'none':
    case 'invalid':
      return true;
    case 'contains': {
      const text = String(v).toLowerCase();
      return text.includes(filter.needle) || escapeVisible(text).includes(filter.needle);
    }
    case 'exact':
      return String(v) === filter.value;
    case 'lookalike': {
      const text = String(v);
      const lower = text.toLowerCase();
      return lower.includes(filter.needle) || escapeVisible(lower).includes(filter.needle) || lookalikeKey(text).includes(filter.key);
    }
    case 'number': {
      const n = typeof v === 'number' ? v : Number(v);
      return !Number.isNaN(n) && satisfies(compare(n, filter.value), filter.op);
    }
    case 'date': {
      // ISO-8601 texts of one format order like their instants; a prefix (`2026-01-05`) compares
      // as the start of that day for >= and as equal-by-prefix for =.
      const text = String(v);
      const head = text.slice(0, filter.value.length);
      if (filter.op === '=') return head === filter.value;
      if (filter.op === '!=') return head !== filter.value;
      return satisfies(compare(filter.op === '<=' || filter.op === '>' ? head : text, filter.value), filter.op);
    }
  }
}

function isNegated(filter: ColumnFilter): boolean {
  return (filter.kind === 'exact' && filter.negate) || ((filter.kind === 'number' || filter.kind === 'date') && filter.op === '!=');
}

/** The positive form of a negated filter: `!=x` keeps the cells that `=x` does not. */
function positive(filter: ColumnFilter): ColumnFilter {
  if (filter.kind === 'exact') return { ...filter, negate: false };
  if (filter.kind === 'number' || filter.kind === 'date') return { ...filter, op: '=' };
  return filter;
}

/**
 * True when the cell passes the filter; a multi-value passes when any of its values does, except
 * for a negated filter, which a multi-value passes only when none of its values is the one left out.
 */
export function cellMatches(value: EsqlValue, filter: ColumnFilter): boolean {
  if (filter.kind === 'none' || filter.kind === 'invalid') return true;
  const list = Array.isArray(value) ? value : [value];
  if (isNegated(filter)) {
    const excluded = positive(filter);
    return !list.some((v) => scalarMatches(v, excluded));
  }
  return list.some((v) => scalarMatches(v, filter));
}

/** The indices of the rows that pass every filter, in their original order. */
export function filterRowIndices(
  columns: readonly EsqlColumn[],
  values: readonly (readonly EsqlValue[])[],
  filters: Readonly<Record<string, string>>,
): number[] {
  const active = columns.flatMap((c, index) => {
    const text = filters[c.name];
    if (text === undefined) return [];
    const filter = parseFilter(text, c.type);
    return filter.kind === 'none' || filter.kind === 'invalid' ? [] : [{ index, filter }];
  });
  const out: number[] = [];
  for (let r = 0; r < values.length; r++) {
    if (active.every(({ index, filter }) => cellMatches(values[r][index] ?? null, filter))) out.push(r);
  }
  return out;
}
