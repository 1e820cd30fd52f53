import type { Span } from './ast';

/**
 * A problem found in a query, as data. `kind` follows Elasticsearch's exception types so that the
 * embedded engine and a real cluster report the same class of problem (docs/esql-semantics.md §11.1):
 * - `parsing`: syntax (Elasticsearch `parsing_exception`);
 * - `verification`: semantics — unknown index or column, type mismatch (`verification_exception`);
 * - `unsupported`: valid ES|QL that the embedded engine cannot run (never a silently different answer).
 */
export interface EsqlError {
  kind: 'parsing' | 'verification' | 'unsupported';
  /** The message without position, e.g. `Unknown column [b]`. */
  message: string;
  /** 1-based line and column of `span.start`, as Elasticsearch counts them. */
  line: number;
  column: number;
  span: Span;
}

/** 1-based line and column of a character offset. Lines break at `\n` (`\r\n` counts once). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * `positionOf` for many offsets into one text: line starts are found once and each offset is a
 * binary search, where calling positionOf per offset rescans the text each time (quadratic over the
 * thousands of warning probes of a large query).
 */
export function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    const end = Math.min(Math.max(offset, 0), text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - starts[lo] + 1 };
  };
}

export function esqlError(
  kind: EsqlError['kind'],
  text: string,
  span: Span,
  message: string,
): EsqlError {
  const { line, column } = positionOf(text, span.start);
  return { kind, message, line, column, span };
}

/** `line 1:19: Unknown column [b]`: one problem, as Elasticsearch prints it. */
export function formatError(error: EsqlError): string {
  return `line ${error.line}:${error.column}: ${error.message}`;
}

/**
 * The `reason` Elasticsearch gives for a list of problems: verification errors are prefixed
 * `Found N problem(s)`, a parsing error is its single line.
 */
export function formatErrors(errors: readonly EsqlError[]): string {
  if (errors.length === 0) return '';
  const lines = errors.map(formatError);
  if (errors.every((e) => e.kind === 'parsing')) return lines[0];
  const n = errors.length;
  return `Found ${n} problem${n === 1 ? '' : 's'}\n${lines.join('\n')}`;
}
