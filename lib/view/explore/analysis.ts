/**
 * The ES|QL editor's checks as the analyst types: lib/esql's parser, then its analyzer with the
 * backend's answer for the FROM's patterns (GET /api/explore/sources), turned into positioned
 * problems the editor underlines; and the columns a command sees, for completion. Pure.
 */
import type { ResolvedFromSources } from '../../model/api';
import type { EsqlParams } from '../../model/esql';
import { analyze, esqlTypeOfMapping, formatError, parse, positionOf, type EsqlError, type EsqlType, type SourceResolver } from '../../esql';
import { fromPatterns, patternsKey } from './from-patterns';

/** What the backend said about the indices: all of them, and the FROM patterns resolved. */
export interface EditorSources {
  indices: string[];
  resolved?: { patterns: string[]; result: ResolvedFromSources };
}

export interface EditorProblem {
  /** 1-based, as Elasticsearch counts. */
  line: number;
  column: number;
  /** Character offsets of the underlined range (at least one character when the text has one). */
  offset: number;
  end: number;
  message: string;
  /** `line 1:6: Unknown index [x]`. */
  text: string;
}

export interface Diagnosis {
  problems: EditorProblem[];
  /** `syntax` when the backend's answer for this FROM is not in yet: only the parser has spoken. */
  checked: 'full' | 'syntax';
}

const ES_TYPES = new Set<string>(['keyword', 'text', 'integer', 'long', 'unsigned_long', 'double', 'boolean', 'date', 'date_nanos', 'ip', 'version', 'null', 'unsupported']);

/** A type name from the backend as the analyzer knows it (a mapping type is widened: `short` → integer). */
function esqlType(type: string): EsqlType {
  return ES_TYPES.has(type) ? (type as EsqlType) : esqlTypeOfMapping(type);
}

/** The analyzer's resolver over the backend's answer, or undefined when it answered other patterns. */
export function sourceResolver(sources: EditorSources, patterns: readonly string[]): SourceResolver | undefined {
  const resolved = sources.resolved;
  if (!resolved || patternsKey(resolved.patterns) !== patternsKey(patterns)) return undefined;
  const result = resolved.result;
  return () => ('unknown' in result ? { unknown: result.unknown } : { indices: result.indices, fields: result.fields.map((f) => ({ name: f.name, type: esqlType(f.type) })) });
}

function problemOf(text: string, error: Pick<EsqlError, 'line' | 'column' | 'span' | 'message'>): EditorProblem {
  const offset = Math.min(error.span.start, text.length);
  const end = Math.min(Math.max(error.span.end, offset + 1), text.length);
  return { line: error.line, column: error.column, offset, end: Math.max(end, offset), message: error.message, text: formatError({ ...error, kind: 'verification' }) };
}

/**
 * A FROM naming no index is reported even when the rest does not parse yet: the analyst sees
 * `Unknown index [x]` while still typing the WHERE after it.
 */
function unknownSource(text: string, sources: EditorSources, patterns: readonly string[]): EditorProblem[] {
  const resolve = sourceResolver(sources, patterns);
  const result = resolve?.([...patterns]);
  if (!result || !('unknown' in result)) return [];
  const at = findSource(text, result.unknown);
  if (at < 0) return [];
  const { line, column } = positionOf(text, at);
  return [problemOf(text, { line, column, span: { start: at, end: at + result.unknown.length }, message: `Unknown index [${result.unknown}]` })];
}

function findSource(text: string, pattern: string): number {
  const from = /^\s*from\s+/i.exec(text);
  const at = text.indexOf(pattern, from ? from[0].length : 0);
  return at;
}

export function diagnose(text: string, sources: EditorSources, params: EsqlParams = []): Diagnosis {
  if (text.trim() === '') return { problems: [], checked: 'full' };
  const patterns = fromPatterns(text);
  const parsed = parse(text);
  const resolve = patterns.length > 0 ? sourceResolver(sources, patterns) : () => ({ indices: [], fields: [] });
  if (!parsed.ok) {
    const problems = [...unknownSource(text, sources, patterns), ...parsed.errors.map((e) => problemOf(text, e))];
    return { problems: problems.sort((a, b) => a.offset - b.offset), checked: resolve ? 'full' : 'syntax' };
  }
  if (!resolve) return { problems: [], checked: 'syntax' };
  const analyzed = analyze(parsed.query, text, resolve, params);
  return { problems: analyzed.ok ? [] : analyzed.errors.map((e) => problemOf(text, e)), checked: 'full' };
}

/**
 * The columns the command opened by the pipe at `pipe` sees: the output of the query before it,
 * or the FROM's fields when that does not analyze (a half-typed EVAL must not hide every field).
 */
export function columnsAt(text: string, pipe: number, sources: EditorSources, params: EsqlParams = []): { name: string; type: string }[] {
  const patterns = fromPatterns(text);
  const resolve = patterns.length > 0 ? sourceResolver(sources, patterns) : undefined;
  if (!resolve) return [];
  const all = resolve([...patterns]);
  const fromFields = 'unknown' in all ? [] : [...all.fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (pipe < 0) return fromFields;
  const before = text.slice(0, pipe);
  const parsed = parse(before);
  if (!parsed.ok) return fromFields;
  const analyzed = analyze(parsed.query, before, resolve, params);
  return analyzed.ok ? analyzed.analyzed.output.map((c) => ({ name: c.name, type: c.type })) : fromFields;
}
