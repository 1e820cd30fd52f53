/**
 * Token kinds of the ES|QL lexer and the word lists the lexer and parser share. The lexer is
 * modal like Elasticsearch's ANTLR lexer: the command word decides how the rest of the command
 * is tokenised (index patterns after FROM, name patterns after KEEP/DROP/RENAME, …).
 */
import type { TimeUnit } from '../ast';

export type TokenType =
  | 'word' // unquoted identifier or keyword (`process`, `@timestamp`, `and`)
  | 'quotedId' // `back-ticked` identifier; value holds the unescaped name
  | 'int'
  | 'decimal'
  | 'string' // value holds the unescaped text
  | 'param' // `?`, `?1`, `?name`
  | 'source' // an unquoted index pattern after FROM (or an ENRICH policy name)
  | 'pattern' // a (dotted, wildcarded) column name pattern after KEEP/DROP/RENAME/ENRICH
  | 'punct'
  | 'error' // a token recognition error: the parser reports it when it reaches it
  | 'eof';

export interface Token {
  type: TokenType;
  /** The raw source text (for punctuation, the operator itself). */
  text: string;
  /** Decoded value for strings, quoted identifiers and patterns. */
  value?: string;
  start: number;
  end: number;
}

/** Operators and punctuation, longest first so that `==` wins over `=`. */
export const PUNCTUATION = [
  '::', '==', '!=', '<=', '>=',
  '|', ',', '.', '(', ')', '[', ']', '{', '}', '=', '<', '>', '+', '-', '*', '/', '%', ':',
] as const;

/** Words the expression grammar reserves: they never name a column unless back-quoted. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'null', 'true', 'false', 'in', 'is', 'like', 'rlike', 'by', 'asc', 'desc', 'nulls',
]);

/** Words the printer quotes when they are column names, to stay clear of contextual keywords. */
export const KEYWORDS_TO_QUOTE: ReadonlySet<string> = new Set([
  ...RESERVED_WORDS, 'first', 'last', 'where', 'as', 'on', 'with', 'metadata',
]);

export const SOURCE_COMMANDS = ['from', 'row'] as const;
export const PROCESSING_COMMANDS = [
  'dissect', 'drop', 'enrich', 'eval', 'grok', 'keep', 'limit', 'mv_expand', 'rename', 'sort', 'stats', 'where',
] as const;

/**
 * Every spelling of every time-span unit, lower-case, and whether it is a period or a duration
 * (docs/esql-semantics.md §9).
 */
export const TIME_UNITS: ReadonlyMap<string, TimeUnit> = new Map<string, TimeUnit>([
  ...(['year', 'years', 'y', 'yr'] as const).map((s) => [s, 'year'] as [string, TimeUnit]),
  ...(['quarter', 'quarters', 'q'] as const).map((s) => [s, 'quarter'] as [string, TimeUnit]),
  ...(['month', 'months', 'mo'] as const).map((s) => [s, 'month'] as [string, TimeUnit]),
  ...(['week', 'weeks', 'w'] as const).map((s) => [s, 'week'] as [string, TimeUnit]),
  ...(['day', 'days', 'd'] as const).map((s) => [s, 'day'] as [string, TimeUnit]),
  ...(['hour', 'hours', 'h'] as const).map((s) => [s, 'hour'] as [string, TimeUnit]),
  ...(['minute', 'minutes', 'min', 'm'] as const).map((s) => [s, 'minute'] as [string, TimeUnit]),
  ...(['second', 'seconds', 'sec', 's'] as const).map((s) => [s, 'second'] as [string, TimeUnit]),
  ...(['millisecond', 'milliseconds', 'ms'] as const).map((s) => [s, 'millisecond'] as [string, TimeUnit]),
]);

// Comparisons rather than a regular expression per character: the lexer calls these for every
// character of the query (issue 13: a 300,000-character query).
export const isLetter = (c: string): boolean => c.length === 1 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
export const isDigit = (c: string): boolean => c >= '0' && c <= '9';
export const isIdBody = (c: string): boolean => isLetter(c) || (c.length === 1 && ((c >= '0' && c <= '9') || c === '_'));

/** ANTLR's display of a token in messages: `'text'` with line breaks escaped, or `<EOF>`. */
export function displayToken(t: Token): string {
  if (t.type === 'eof') return "'<EOF>'";
  return `'${t.text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}
