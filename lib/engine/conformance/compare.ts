/**
 * Compares an engine answer with a csv-spec expectation the way Elasticsearch's CsvAssert does:
 * column names and types exactly, values parsed per declared type (dates as instants, ips by their
 * 16 bytes), row order unless ignoreOrder, warnings as an exact set. On top of that it checks that
 * the engine printed dates and ips in Elasticsearch's format, since the UI shows them verbatim.
 * Returns the differences as text lines (empty = conforming).
 */
import 'server-only';
import type { EsqlColumn, EsqlValue, QueryResult } from '../../model/esql';
import { escapeWarning } from '../../backends/elasticsearch-warnings';
import type { RawCell, SpecCase, SpecType } from './csv-spec';
import { canonicalIp } from './ip-text';

export const DEFAULT_LIMIT_WARNING = 'No limit defined, adding default limit of [1000]';

const DATE_OUTPUT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Epoch ms of a csv-spec date text (`1953-09-02T00:00:00Z`, `…00.000Z`, no zone = UTC). */
export function dateInstant(text: string): number {
  const t = text.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(t) || !t.includes('T') ? t : `${t}Z`;
  return Date.parse(/T/.test(zoned) ? zoned : `${zoned}T00:00:00Z`);
}

/** A comparable key for one expected scalar of a type; undefined if the text does not parse. */
function expectedKey(type: SpecType, text: string): string | undefined {
  switch (type) {
    case 'unsigned_long':
      // Exact: an unsigned_long past 2^53 must keep every digit (lib/engine/format.ts).
      if (/^\d+$/.test(text.trim())) return BigInt(text.trim()).toString();
    // falls through
    case 'integer':
    case 'long':
    case 'double': {
      const n = Number(text);
      return Number.isNaN(n) ? undefined : String(n);
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? text : undefined;
    case 'date':
    case 'date_nanos': {
      const ms = dateInstant(text);
      return Number.isNaN(ms) ? undefined : `@${ms}`;
    }
    case 'ip':
      return canonicalIp(text);
    default:
      return text;
  }
}

/** The same key for an actual scalar, plus a format problem if the engine printed it unlike Elasticsearch. */
function actualKey(type: SpecType, value: string | number | boolean): { key: string; problem?: string } {
  switch (type) {
    case 'unsigned_long':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return { key: String(value) };
      if (typeof value === 'string' && /^\d+$/.test(value) && BigInt(value) > BigInt(Number.MAX_SAFE_INTEGER)) return { key: value };
      return { key: `!${JSON.stringify(value)}`, problem: `expected an unsigned_long (a safe JSON integer or the digits past 2^53), got ${JSON.stringify(value)}` };
    case 'integer':
    case 'long':
    case 'double':
      return typeof value === 'number' ? { key: String(value) } : { key: `!${JSON.stringify(value)}`, problem: `expected a JSON number, got ${JSON.stringify(value)}` };
    case 'boolean':
      return typeof value === 'boolean' ? { key: String(value) } : { key: `!${JSON.stringify(value)}`, problem: `expected a JSON boolean, got ${JSON.stringify(value)}` };
    case 'date':
    case 'date_nanos': {
      const s = String(value);
      const problem = type === 'date' && !DATE_OUTPUT.test(s) ? `date ${JSON.stringify(s)} is not yyyy-MM-ddTHH:mm:ss.SSSZ` : undefined;
      return { key: `@${Date.parse(s)}`, problem };
    }
    case 'ip': {
      const s = String(value);
      const canonical = canonicalIp(s);
      if (canonical === undefined) return { key: `!${s}`, problem: `${JSON.stringify(s)} is not an ip` };
      return { key: canonical, problem: canonical === s ? undefined : `ip printed ${JSON.stringify(s)}, Elasticsearch prints ${JSON.stringify(canonical)}` };
    }
    default:
      return typeof value === 'string' ? { key: value } : { key: `!${JSON.stringify(value)}`, problem: `expected a JSON string, got ${JSON.stringify(value)}` };
  }
}

function expectedCellKey(type: SpecType, cell: RawCell): string {
  if (cell.kind === 'null') return 'null';
  if (cell.kind === 'single') return expectedKey(type, cell.text) ?? `?${cell.text}`;
  return `[${cell.texts.map((t) => expectedKey(type, t) ?? `?${t}`).join(', ')}]`;
}

function actualCellKey(type: SpecType, value: EsqlValue, problems: string[]): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length < 2) problems.push(`multi-value ${JSON.stringify(value)} has fewer than 2 values (Elasticsearch prints a scalar or null)`);
    return `[${value
      .map((v) => {
        if (v === null) return 'null';
        const a = actualKey(type, v);
        if (a.problem) problems.push(a.problem);
        return a.key;
      })
      .join(', ')}]`;
  }
  const a = actualKey(type, value);
  if (a.problem) problems.push(a.problem);
  return a.key;
}

function sortedRows(rows: string[][]): string[][] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

function compareWarnings(spec: SpecCase, actual: string[]): string[] {
  // Elasticsearch's runners drop the default-limit warning; the header form escapes quotes.
  const got = [...new Set(actual.filter((w) => w !== DEFAULT_LIMIT_WARNING).map(escapeWarning))];
  if (spec.warningRegexes.length > 0) {
    const unmatched = spec.warningRegexes.filter((r) => !got.some((w) => new RegExp(`.*${r}.*`).test(w)));
    const extra = got.filter((w) => !spec.warningRegexes.some((r) => new RegExp(`.*${r}.*`).test(w)));
    return [...unmatched.map((r) => `no warning matches /${r}/`), ...extra.map((w) => `unexpected warning: ${w}`)];
  }
  const want = new Set(spec.warnings);
  const missing = [...want].filter((w) => !got.includes(w));
  const extra = got.filter((w) => !want.has(w));
  return [...missing.map((w) => `missing warning: ${w}`), ...extra.map((w) => `unexpected warning: ${w}`)];
}

function compareColumns(expected: { name: string; type: SpecType }[], actual: EsqlColumn[]): string[] {
  const e = expected.map((c) => `${c.name}:${c.type}`).join(' | ');
  const a = actual.map((c) => `${c.name}:${c.type}`).join(' | ');
  return e === a ? [] : [`columns differ\n  expected: ${e}\n  actual:   ${a}`];
}

/** Every difference between the case's expectation and the engine's result. */
export function compareResult(spec: SpecCase, result: QueryResult): string[] {
  const expected = spec.expected;
  if (expected.kind !== 'table') {
    if (result.ok) return [`expected an error, got ${result.response.values.length} rows`];
    const message = result.error.message;
    if (expected.kind === 'error') return message === expected.message ? [] : [`error differs\n  expected: ${expected.message}\n  actual:   ${message}`];
    return new RegExp(expected.pattern).test(message) ? [] : [`error ${JSON.stringify(message)} does not match /${expected.pattern}/`];
  }
  if (!result.ok) return [`expected a table, got error (${result.error.kind}): ${result.error.message}`];
  const { columns, values, warnings } = result.response;
  const problems = [...compareColumns(expected.columns, columns), ...compareWarnings(spec, warnings)];
  if (problems.some((p) => p.startsWith('columns differ'))) return problems;

  const formatProblems: string[] = [];
  const want = expected.rows.map((row) => row.map((cell, i) => expectedCellKey(expected.columns[i].type, cell)));
  const got = values.map((row) => row.map((v, i) => actualCellKey(expected.columns[i].type, v, formatProblems)));
  const [w, g] = spec.ignoreOrder ? [sortedRows(want), sortedRows(got)] : [want, got];
  if (JSON.stringify(w) !== JSON.stringify(g)) {
    problems.push(`rows differ${spec.ignoreOrder ? ' (order ignored)' : ''}\n  expected: ${w.map((r) => r.join(' | ')).join('\n            ')}\n  actual:   ${g.map((r) => r.join(' | ')).join('\n            ')}`);
  }
  return [...problems, ...new Set(formatProblems)];
}
