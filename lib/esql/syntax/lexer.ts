/**
 * The ES|QL lexer. Modal like Elasticsearch's: the first word of each command chooses how the
 * rest of that command is tokenised, and `|` starts a new command. It never throws: a character
 * it cannot place becomes an `error` token which the parser reports when it reaches it (so an
 * earlier syntax error keeps priority, as with ANTLR's lazy token stream).
 */
import { PUNCTUATION, isDigit, isIdBody, isLetter, type Token, type TokenType } from './tokens';

type Mode = 'command' | 'expr' | 'source' | 'pattern' | 'policy';

const MODE_AFTER_COMMAND: Record<string, Mode> = {
  from: 'source',
  keep: 'pattern',
  drop: 'pattern',
  rename: 'pattern',
  enrich: 'policy',
};

const SOURCE_STOP = new Set([':', '"', '=', '|', ',', '[', ']', ' ', '\t', '\r', '\n']);
const POLICY_STOP = new Set(['\\', '/', '?', '"', '<', '>', '|', ' ', ',', '#', '\t', '\r', '\n']);
const PATTERN_CHAR = /^[A-Za-z0-9_@*.]$/;

export function tokenize(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private mode: Mode = 'command';
  private readonly tokens: Token[] = [];
  /** Inside a `SET name = value` statement, where `;` ends the statement (elsewhere it is no token). */
  private inSet = false;

  constructor(private readonly text: string) {}

  run(): Token[] {
    while (true) {
      const failed = this.skipTrivia();
      if (failed) return this.finish(failed);
      if (this.pos >= this.text.length) return this.finish();
      const token = this.next();
      this.tokens.push(token);
      if (token.type === 'error') return this.finish();
      if (token.type === 'punct' && (token.text === '|' || token.text === ';')) this.mode = 'command';
    }
  }

  private finish(error?: Token): Token[] {
    if (error) this.tokens.push(error);
    const end = this.text.length;
    this.tokens.push({ type: 'eof', text: '<EOF>', start: end, end });
    return this.tokens;
  }

  private make(type: TokenType, start: number, value?: string): Token {
    return { type, text: this.text.slice(start, this.pos), value, start, end: this.pos };
  }

  private error(start: number, end: number): Token {
    this.pos = end;
    return { type: 'error', text: this.text.slice(start, end), start, end };
  }

  /** Skips blanks and comments; returns an error token for an unterminated block comment. */
  private skipTrivia(): Token | undefined {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') this.pos++;
      else if (t.startsWith('//', this.pos)) {
        while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      } else if (t.startsWith('/*', this.pos)) {
        const start = this.pos;
        if (!this.skipBlockComment()) return this.error(start, start + 2);
      } else return undefined;
    }
    return undefined;
  }

  /** Block comments nest, as in Elasticsearch's MULTILINE_COMMENT rule. */
  private skipBlockComment(): boolean {
    const t = this.text;
    let depth = 0;
    while (this.pos < t.length) {
      if (t.startsWith('/*', this.pos)) {
        depth++;
        this.pos += 2;
      } else if (t.startsWith('*/', this.pos)) {
        depth--;
        this.pos += 2;
        if (depth === 0) return true;
      } else this.pos++;
    }
    return false;
  }

  private next(): Token {
    const c = this.text[this.pos];
    if (c === '|') return this.punct('|');
    switch (this.mode) {
      case 'command':
        return this.commandWord();
      case 'source':
        return this.sourceToken();
      case 'pattern':
        return this.patternToken();
      case 'policy':
        return this.policyToken();
      default:
        return this.exprToken();
    }
  }

  private punct(p: string): Token {
    const start = this.pos;
    this.pos += p.length;
    return this.make('punct', start);
  }

  private commandWord(): Token {
    if (!isLetter(this.text[this.pos])) {
      this.mode = 'expr';
      return this.exprToken();
    }
    const start = this.pos;
    while (this.pos < this.text.length && isIdBody(this.text[this.pos])) this.pos++;
    const token = this.make('word', start);
    this.mode = MODE_AFTER_COMMAND[token.text.toLowerCase()] ?? 'expr';
    this.inSet = token.text.toLowerCase() === 'set';
    return token;
  }

  private exprToken(): Token {
    const t = this.text;
    const start = this.pos;
    const c = t[start];
    if (c === '"') return this.stringToken();
    if (c === '`') return this.quotedId();
    if (isDigit(c) || (c === '.' && isDigit(t[start + 1] ?? ''))) return this.number();
    if (c === '?') {
      this.pos++;
      if (isLetter(t[this.pos] ?? '') || t[this.pos] === '_') while (this.pos < t.length && isIdBody(t[this.pos])) this.pos++;
      else while (this.pos < t.length && isDigit(t[this.pos])) this.pos++;
      return this.make('param', start);
    }
    if (isLetter(c) || c === '_' || c === '@') {
      this.pos++;
      while (this.pos < t.length && isIdBody(t[this.pos])) this.pos++;
      if (c !== '_' && c !== '@') return this.make('word', start);
      if (this.pos - start > 1) return this.make('word', start);
      return this.error(start, this.pos);
    }
    if (c === ';' && this.inSet) {
      this.inSet = false;
      return this.punct(';');
    }
    for (const p of PUNCTUATION) if (t.startsWith(p, start)) return this.punct(p);
    return this.error(start, start + 1);
  }

  private number(): Token {
    const t = this.text;
    const start = this.pos;
    this.skipDigits();
    let decimal = false;
    if (t[this.pos] === '.') {
      decimal = true;
      this.pos++;
      this.skipDigits();
    }
    const exp = /^[eE][+-]?[0-9]/.exec(t.slice(this.pos, this.pos + 3));
    if (exp) {
      decimal = true;
      this.pos += exp[0].length - 1;
      this.skipDigits();
    }
    return this.make(decimal ? 'decimal' : 'int', start);
  }

  private skipDigits(): void {
    while (this.pos < this.text.length && isDigit(this.text[this.pos])) this.pos++;
  }

  /** `"…"` with \t \n \r \" \\ escapes and no raw line break, or raw `"""…"""` on one line. */
  private stringToken(): Token {
    const t = this.text;
    const start = this.pos;
    if (t.startsWith('"""', start)) {
      const close = t.indexOf('"""', start + 3);
      // Only the string's own text is searched for a line break: searching the rest of the query
      // made a query of n such strings O(n²) (issue 13).
      if (close < 0 || /[\r\n]/.test(t.slice(start, close))) return this.error(start, start + 3);
      this.pos = close + 3;
      // ANTLR's rule lets up to two extra quotes end the string: `""""a""""` holds `"a"`.
      for (let i = 0; i < 2 && t[this.pos] === '"'; i++) this.pos++;
      return this.make('string', start, t.slice(start + 3, this.pos - 3));
    }
    let value = '';
    this.pos++;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '"') {
        this.pos++;
        return this.make('string', start, value);
      }
      if (c === '\r' || c === '\n') break;
      if (c === '\\') {
        const e = t[this.pos + 1];
        const decoded = ({ t: '\t', n: '\n', r: '\r', '"': '"', '\\': '\\' } as Record<string, string>)[e ?? ''];
        if (decoded === undefined) return this.error(start, Math.min(this.pos + 2, t.length));
        value += decoded;
        this.pos += 2;
        continue;
      }
      value += c;
      this.pos++;
    }
    return this.error(start, this.pos);
  }

  private quotedId(): Token {
    const token = this.readQuotedIdBody();
    if (token) return token;
    const empty = this.text.startsWith('``', this.pos) && this.text[this.pos + 2] !== '`';
    return this.error(this.pos, empty ? this.pos + 2 : this.text.length);
  }

  /** Reads `` `…` `` (with ``` `` ``` for a back-quote) from this.pos; undefined if unterminated or empty. */
  private readQuotedIdBody(): Token | undefined {
    const t = this.text;
    const start = this.pos;
    let value = '';
    let i = start + 1;
    while (i < t.length) {
      if (t[i] === '`') {
        if (t[i + 1] === '`') {
          value += '`';
          i += 2;
          continue;
        }
        // An empty `` is not an identifier (QUOTED_ID needs one block).
        if (i === start + 1) return undefined;
        this.pos = i + 1;
        return this.make('quotedId', start, value);
      }
      value += t[i++];
    }
    return undefined;
  }

  private sourceToken(): Token {
    const t = this.text;
    const start = this.pos;
    const c = t[start];
    if (c === ',') return this.punct(',');
    if (c === '"') return this.stringToken();
    // Cluster prefixes (`remote:logs-*`) and selectors (`logs::data`) stay in the name.
    while (this.pos < t.length) {
      const d = t[this.pos];
      if (d === ':') {
        this.pos++;
        continue;
      }
      if (SOURCE_STOP.has(d)) break;
      if (d === '/' && (t[this.pos + 1] === '/' || t[this.pos + 1] === '*')) break;
      this.pos++;
    }
    if (this.pos === start) return this.error(start, start + 1);
    return this.make('source', start);
  }

  private policyToken(): Token {
    const t = this.text;
    const start = this.pos;
    this.mode = 'pattern';
    if (t[start] === '"') return this.stringToken();
    while (this.pos < t.length && !POLICY_STOP.has(t[this.pos])) this.pos++;
    if (this.pos === start) return this.error(start, start + 1);
    return this.make('source', start);
  }

  /** A dotted, wildcarded name (`process.*`, `` `COUNT(*)` ``) as one token; value without quotes. */
  private patternToken(): Token {
    const t = this.text;
    const start = this.pos;
    const c = t[start];
    if (c === ',' || c === '=') return this.punct(c);
    let value = '';
    while (this.pos < t.length) {
      const d = t[this.pos];
      if (d === '`') {
        const q = this.readQuotedIdBody();
        if (!q) return this.error(this.pos, t.startsWith('``', this.pos) ? this.pos + 2 : t.length);
        value += q.value;
        continue;
      }
      if (!PATTERN_CHAR.test(d)) break;
      value += d;
      this.pos++;
    }
    if (this.pos === start) return this.error(start, start + 1);
    return this.make('pattern', start, value);
  }
}
