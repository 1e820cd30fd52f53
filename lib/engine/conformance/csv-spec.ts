/**
 * A reader for Elasticsearch's csv-spec test format (its SpecReader / CsvSpecReader in
 * x-pack/plugin/esql/qa/testFixtures/src/main/java/org/elasticsearch/xpack/esql/, described in
 * x-pack/plugin/esql/qa/testFixtures/src/main/resources/README.md),
 * plus one addition of ours: an expected failure, written as `error:` lines (the exact
 * message, one line each) or one `errorRegex:` line, in place of the table.
 *
 * Pure: text in, cases (or a positioned problem) out.
 */
import 'server-only';
import type { EsqlType } from '../../esql';

/** Column type names as the response names them, after resolving the csv-spec aliases. */
export type SpecType = Exclude<EsqlType, 'unsupported' | 'date_period' | 'time_duration'>;

/** One expected cell: null, a single raw text, or the raw texts of a multi-value (`[a, b]`). */
export type RawCell = { kind: 'null' } | { kind: 'single'; text: string } | { kind: 'multi'; texts: string[] };

export interface SpecColumn {
  name: string;
  type: SpecType;
}

export type Expectation =
  | { kind: 'table'; columns: SpecColumn[]; rows: RawCell[][] }
  | { kind: 'error'; message: string }
  | { kind: 'errorRegex'; pattern: string };

export interface SpecCase {
  name: string;
  /** 1-based line of the test name in the file. */
  line: number;
  /** Lines joined with `\n` (Elasticsearch joins with `\r\n`; positions count either once). */
  query: string;
  /** Exact warning texts in the header-escaped form Elasticsearch's files use (`\"` for `"`). */
  warnings: string[];
  warningRegexes: string[];
  ignoreOrder: boolean;
  /** `-Ignore` suffix: disabled, as in Elasticsearch. */
  ignored: boolean;
  expected: Expectation;
}

export type ParseResult = { ok: true; cases: SpecCase[] } | { ok: false; line: number; message: string };

const TYPE_ALIASES: Record<string, SpecType> = {
  i: 'integer',
  int: 'integer',
  integer: 'integer',
  short: 'integer',
  byte: 'integer',
  l: 'long',
  long: 'long',
  ul: 'unsigned_long',
  unsigned_long: 'unsigned_long',
  d: 'double',
  double: 'double',
  float: 'double',
  half_float: 'double',
  scaled_float: 'double',
  k: 'keyword',
  s: 'keyword',
  string: 'keyword',
  keyword: 'keyword',
  txt: 'text',
  text: 'text',
  n: 'null',
  null: 'null',
  date: 'date',
  dt: 'date',
  datetime: 'date',
  date_nanos: 'date_nanos',
  v: 'version',
  version: 'version',
  bool: 'boolean',
  boolean: 'boolean',
  ip: 'ip',
};

export function resolveType(name: string): SpecType | undefined {
  return TYPE_ALIASES[name.trim().toLowerCase()];
}

/** Directive lines allowed before the query; unknown `word_word:` lines there are skipped, not read as query. */
const PRE_QUERY_DIRECTIVE = /^[a-z_]+:(?!:)/;

function isSkippable(trimmed: string): boolean {
  return trimmed === '' || trimmed.startsWith('//') || trimmed.startsWith('#');
}

/** Splits on `sep` outside `[...]`. */
function splitOutsideBrackets(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function unquote(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

export function parseCell(raw: string): RawCell {
  const t = raw.trim();
  if (t === 'null') return { kind: 'null' };
  if (t.startsWith('[') && t.endsWith(']')) {
    const inner = t.slice(1, -1).trim();
    const texts = inner === '' ? [] : splitOutsideBrackets(inner, ',').map(unquote);
    if (texts.length === 0) return { kind: 'null' };
    // A one-element list is printed as a scalar by Elasticsearch.
    return texts.length === 1 ? { kind: 'single', text: texts[0] } : { kind: 'multi', texts };
  }
  return { kind: 'single', text: unquote(t) };
}

function parseHeader(line: string): SpecColumn[] | string {
  const columns: SpecColumn[] = [];
  for (const cell of line.split('|')) {
    const t = cell.trim();
    const at = t.lastIndexOf(':');
    if (at <= 0) return `header cell [${t}] is not name:type`;
    const type = resolveType(t.slice(at + 1));
    if (!type) return `unknown type [${t.slice(at + 1)}] in header cell [${t}]`;
    columns.push({ name: t.slice(0, at).trim(), type });
  }
  return columns;
}

type State = 'name' | 'query' | 'body';

/** The newest Elasticsearch version whose answers the engine gives (docs/esql-semantics.md §1). */
const NEWEST_FOLLOWED = [9, 5, 0];

/** Whether a name line's `#[skip:-X.Y.Z, …]` (skip up to X.Y.Z) covers `version`, as Elasticsearch's runner reads it. */
export function skipsVersion(nameLine: string, version: readonly number[]): boolean {
  const m = /#\[skip:-(\d+)\.(\d+)\.(\d+)/.exec(nameLine);
  if (!m) return false;
  const upTo = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) if (upTo[i] !== version[i]) return upTo[i] > version[i];
  return true;
}

/** A case the reader could not take, kept with its position so one bad case does not hide the rest. */
export interface BrokenCase {
  name: string;
  line: number;
  message: string;
}

export interface CaseList {
  cases: SpecCase[];
  broken: BrokenCase[];
  /** A problem past the last case (an unterminated one), if any. */
  trailing?: { line: number; message: string };
}

interface Pending {
  name: string;
  /** Skipped on the newest version the engine follows (`#[skip:-9.99.99, reason:…]`). */
  skipped: boolean;
  line: number;
  queryLines: string[];
  warnings: string[];
  warningRegexes: string[];
  ignoreOrder: boolean;
  errorLines: string[];
  errorRegex?: string;
  header?: SpecColumn[];
  rows: RawCell[][];
  /** The first problem found in this case, with its line; the rest of the case is then skipped. */
  problem?: { line: number; message: string };
}

function finishCase(current: Pending): SpecCase | BrokenCase {
  if (current.problem) return { name: current.name, line: current.problem.line, message: `${current.name}: ${current.problem.message}` };
  const expected = finishExpectation(current);
  if (typeof expected === 'string') return { name: current.name, line: current.line, message: `${current.name}: ${expected}` };
  if (current.warnings.length > 0 && current.warningRegexes.length > 0) {
    return { name: current.name, line: current.line, message: `${current.name}: warning and warningRegex cannot be mixed` };
  }
  return {
    name: current.name,
    line: current.line,
    query: current.queryLines.join('\n').trim(),
    warnings: current.warnings,
    warningRegexes: current.warningRegexes,
    ignoreOrder: current.ignoreOrder,
    ignored: current.name.endsWith('-Ignore') || current.skipped,
    expected,
  };
}

/** Reads a body line (directive, header or row) into the pending case. */
function readBodyLine(current: Pending, trimmed: string, lineNo: number): void {
  if (current.problem) return;
  if (current.header === undefined) {
    const directive = /^(warning|warningRegex|ignoreOrder|error|errorRegex):/.exec(trimmed);
    if (directive) {
      const value = trimmed.slice(directive[0].length);
      if (directive[1] === 'warning') {
        // `text#[Emulated:other]`: `other` is what Elasticsearch's in-memory runner sees; the REST runner (a real cluster) expects `text`.
        const emulated = value.toLowerCase().indexOf('#[emulated:');
        if (emulated < 0) current.warnings.push(value);
        else if (emulated > 0) current.warnings.push(value.slice(0, emulated));
      }
      // Elasticsearch's reader trims the pattern (`warningRegex: Line 1:2: …`).
      else if (directive[1] === 'warningRegex') current.warningRegexes.push(value.trim());
      else if (directive[1] === 'ignoreOrder') current.ignoreOrder = value.trim() === 'true';
      else if (directive[1] === 'error') current.errorLines.push(value);
      else current.errorRegex = value;
      return;
    }
    const header = parseHeader(trimmed);
    if (typeof header === 'string') current.problem = { line: lineNo, message: header };
    else current.header = header;
    return;
  }
  const cells = splitOutsideBrackets(trimmed, '|');
  if (cells.length !== current.header.length) {
    current.problem = { line: lineNo, message: `row has ${cells.length} cells, header has ${current.header.length}` };
    return;
  }
  current.rows.push(cells.map(parseCell));
}

/** Every case of a file, each either read or broken (with why); Elasticsearch's files are read as they are. */
export function parseCsvSpecCases(text: string): CaseList {
  const lines = text.split(/\r?\n/);
  const cases: SpecCase[] = [];
  const broken: BrokenCase[] = [];
  let state: State = 'name';
  let current: Pending | undefined;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const trimmed = lines[i].trim();
    if (isSkippable(trimmed)) continue;

    if (state === 'name' || !current) {
      const name = trimmed.split('#')[0].trim();
      current = { name, skipped: skipsVersion(trimmed, NEWEST_FOLLOWED), line: lineNo, queryLines: [], warnings: [], warningRegexes: [], ignoreOrder: false, errorLines: [], rows: [] };
      state = 'query';
      continue;
    }
    if (state === 'query') {
      if (current.queryLines.length === 0 && PRE_QUERY_DIRECTIVE.test(trimmed)) continue;
      // `\;` is a semicolon inside the query (a SET statement), not its end.
      if (trimmed.endsWith(';') && !trimmed.endsWith('\\;')) {
        current.queryLines.push(trimmed.slice(0, -1).replace(/\\;/g, ';'));
        state = 'body';
      } else current.queryLines.push(trimmed.replace(/\\;/g, ';'));
      continue;
    }
    // body: directives and the expected table, until a line starting with ';'
    if (trimmed.startsWith(';')) {
      const done = finishCase(current);
      if ('query' in done) cases.push(done);
      else broken.push(done);
      current = undefined;
      state = 'name';
      continue;
    }
    readBodyLine(current, trimmed, lineNo);
  }
  const trailing = state !== 'name' ? { line: lines.length, message: `${current?.name ?? '?'}: unterminated case` } : undefined;
  return { cases, broken, trailing };
}

/** The project's own files: every case must read, or the file is refused at its first problem. */
export function parseCsvSpec(text: string): ParseResult {
  const { cases, broken, trailing } = parseCsvSpecCases(text);
  if (broken.length > 0) return { ok: false, line: broken[0].line, message: broken[0].message };
  if (trailing) return { ok: false, ...trailing };
  return { ok: true, cases };
}

function finishExpectation(c: { errorLines: string[]; errorRegex?: string; header?: SpecColumn[]; rows: RawCell[][] }): Expectation | string {
  const kinds = [c.errorLines.length > 0, c.errorRegex !== undefined, c.header !== undefined].filter(Boolean).length;
  if (kinds !== 1) return 'expected exactly one of: a table, error: lines, an errorRegex: line';
  if (c.errorLines.length > 0) return { kind: 'error', message: c.errorLines.join('\n') };
  if (c.errorRegex !== undefined) return { kind: 'errorRegex', pattern: c.errorRegex };
  return { kind: 'table', columns: c.header ?? [], rows: c.rows };
}
