/**
 * The cursor over the token list shared by the expression and command parsers, and the
 * ANTLR-style error reporting. A syntax error aborts the parse through a private exception that
 * `parse` turns into data: callers never see it.
 */
import type { Span } from '../ast';
import { EXPRESSION_DEPTH_MESSAGE, MAX_EXPRESSION_DEPTH } from '../syntax/depth';
import { esqlError, type EsqlError } from '../errors';
import { RESERVED_WORDS, displayToken, type Token } from '../syntax/tokens';

/**
 * Deeper parser recursion (parentheses, calls, NOT and sign chains, IN lists) than Elasticsearch's
 * expression depth is refused with a positioned error instead of a stack overflow (see ../syntax/depth.ts).
 */
export const MAX_DEPTH = MAX_EXPRESSION_DEPTH;

export class ParseFailure {
  constructor(readonly error: EsqlError) {}
}

export class ParserState {
  private index = 0;
  private depth = 0;
  /** Anonymous `?` params are numbered in order of appearance. */
  anonymousParams = 0;

  constructor(
    readonly text: string,
    private readonly tokens: Token[],
  ) {}

  get current(): Token {
    return this.tokens[this.index];
  }

  peek(ahead = 1): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  /** End offset of the last consumed token. */
  get lastEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1].end : 0;
  }

  advance(): Token {
    const t = this.current;
    if (t.type === 'error') this.failRecognition(t);
    if (t.type !== 'eof') this.index++;
    return t;
  }

  isPunct(p: string, t: Token = this.current): boolean {
    return t.type === 'punct' && t.text === p;
  }

  /** An unquoted word, compared case-insensitively. */
  isWord(word: string, t: Token = this.current): boolean {
    return (t.type === 'word' || t.type === 'pattern' || t.type === 'source') && t.text.toLowerCase() === word;
  }

  isIdentifier(t: Token = this.current): boolean {
    return t.type === 'quotedId' || (t.type === 'word' && !RESERVED_WORDS.has(t.text.toLowerCase()));
  }

  acceptPunct(p: string): Token | undefined {
    return this.isPunct(p) ? this.advance() : undefined;
  }

  acceptWord(word: string): Token | undefined {
    return this.isWord(word) ? this.advance() : undefined;
  }

  /**
   * Like ANTLR's inline recovery messages: one stray token before `p` is `extraneous input`; a
   * closing `)`/`]`/`}` absent before `|` or the end is `missing ')' at …`.
   */
  expectPunct(p: string, expecting: readonly string[] = [`'${p}'`]): Token {
    if (this.isPunct(p)) return this.advance();
    const t = this.current;
    const set = expecting.length === 1 ? expecting[0] : `{${expecting.join(', ')}}`;
    if (t.type !== 'eof' && t.type !== 'error' && this.isPunct(p, this.peek())) {
      this.raise({ start: t.start, end: t.end }, `extraneous input ${displayToken(t)} expecting ${set}`);
    }
    if ((p === ')' || p === ']' || p === '}') && (t.type === 'eof' || this.isPunct('|', t))) {
      this.raise({ start: t.start, end: t.end }, `missing '${p}' at ${displayToken(t)}`);
    }
    return this.fail(expecting);
  }

  expectWord(word: string): Token {
    if (this.isWord(word)) return this.advance();
    return this.fail([`'${word}'`]);
  }

  span(start: number): Span {
    return { start, end: this.lastEnd };
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      const t = this.current;
      this.raise({ start: t.start, end: t.end }, EXPRESSION_DEPTH_MESSAGE);
    }
  }

  leave(): void {
    this.depth--;
  }

  /** `mismatched input 'X' expecting {…}` at the current token. */
  fail(expecting: readonly string[]): never {
    const t = this.current;
    if (t.type === 'error') this.failRecognition(t);
    const set = expecting.length === 1 ? expecting[0] : `{${expecting.join(', ')}}`;
    return this.raise({ start: t.start, end: t.end }, `mismatched input ${displayToken(t)} expecting ${set}`);
  }

  failRecognition(t: Token): never {
    return this.raise({ start: t.start, end: t.end }, `token recognition error at: ${displayToken(t)}`);
  }

  raise(span: Span, message: string): never {
    throw new ParseFailure(esqlError('parsing', this.text, span, message));
  }
}
