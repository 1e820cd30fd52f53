/**
 * ES|QL text cut into classified segments for syntax highlighting, using lib/esql's own lexer so
 * the colours agree with how the query is parsed (a `FROM` pattern is a source, `7 days` a span).
 * Comments and blanks, which the lexer skips, are recovered from the gaps between tokens. Pure.
 */
import { tokenize, KEYWORDS_TO_QUOTE, TIME_UNITS, type Token } from '../../esql';

export type HighlightKind =
  | 'command' | 'keyword' | 'function' | 'identifier' | 'source' | 'string' | 'number' | 'unit'
  | 'param' | 'operator' | 'pipe' | 'comment' | 'error' | 'plain';

export interface HighlightSegment {
  kind: HighlightKind;
  text: string;
  /** Offset of the segment's first character in the query. */
  start: number;
  /** True when a marked position (a lint finding) falls inside this segment. */
  marked: boolean;
}

/** A 1-based line and column, as lint findings and Elasticsearch messages give them. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The offset of a 1-based line:column, or undefined when outside the text. */
export function offsetOf(text: string, position: TextPosition): number | undefined {
  let offset = 0;
  for (let line = 1; line < position.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  const at = offset + position.column - 1;
  return position.column >= 1 && at < text.length ? at : undefined;
}

function classify(tokens: readonly Token[], i: number): HighlightKind {
  const t = tokens[i];
  const prev = tokens[i - 1];
  switch (t.type) {
    case 'word': {
      if (prev === undefined || (prev.type === 'punct' && prev.text === '|')) return 'command';
      const lower = t.text.toLowerCase();
      const next = tokens[i + 1];
      if (next?.type === 'punct' && next.text === '(') return 'function';
      if (KEYWORDS_TO_QUOTE.has(lower)) return 'keyword';
      if ((prev.type === 'int' || prev.type === 'decimal') && TIME_UNITS.has(lower)) return 'unit';
      return 'identifier';
    }
    case 'quotedId':
    case 'pattern':
      return 'identifier';
    case 'source':
      return 'source';
    case 'string':
      return 'string';
    case 'int':
    case 'decimal':
      return 'number';
    case 'param':
      return 'param';
    case 'punct':
      return t.text === '|' ? 'pipe' : 'operator';
    case 'error':
      return 'error';
    case 'eof':
      return 'plain';
  }
}

/** Splits skipped text (blanks and comments) into plain and comment pieces. */
function gapSegments(text: string, start: number): { kind: HighlightKind; text: string; start: number }[] {
  const out: { kind: HighlightKind; text: string; start: number }[] = [];
  const pattern = /\/\/[^\r\n]*|\/\*[\s\S]*?(?:\*\/|$)|[^/]+|\//g;
  for (const m of text.matchAll(pattern)) {
    const piece = m[0];
    const isComment = piece.startsWith('//') || piece.startsWith('/*');
    out.push({ kind: isComment ? 'comment' : 'plain', text: piece, start: start + m.index });
  }
  return out;
}

export function highlightEsql(query: string, marks: readonly TextPosition[] = []): HighlightSegment[] {
  const tokens = tokenize(query).filter((t) => t.type !== 'eof');
  const pieces: { kind: HighlightKind; text: string; start: number }[] = [];
  let pos = 0;
  tokens.forEach((t, i) => {
    if (t.start > pos) pieces.push(...gapSegments(query.slice(pos, t.start), pos));
    pieces.push({ kind: classify(tokens, i), text: query.slice(t.start, t.end), start: t.start });
    pos = t.end;
  });
  // The lexer stops at its first error token; the rest stays visible, unclassified.
  if (pos < query.length) pieces.push(...gapSegments(query.slice(pos), pos));

  const offsets = marks.flatMap((m) => {
    const at = offsetOf(query, m);
    return at === undefined ? [] : [at];
  });
  return pieces.map((p) => ({ ...p, marked: offsets.some((o) => o >= p.start && o < p.start + p.text.length) }));
}
