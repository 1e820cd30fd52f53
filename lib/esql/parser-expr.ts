/**
 * Expressions, with Elasticsearch's precedence (parser/Expression.g4), loosest first:
 * OR < AND < NOT < (IS [NOT] NULL | [NOT] IN | [NOT] LIKE/RLIKE) < comparison (non-associative)
 * < `+ -` < `* / %` < unary `- +` < `::` cast < primary. `NOT x IS NULL` is NOT (x IS NULL).
 * A sign directly before a number is part of the literal (`-1` is the constant -1), as in the
 * grammar's `integerValue : (PLUS | MINUS)? INTEGER_LITERAL`.
 */
import type {
  BinaryOperator,
  ComparisonOperator,
  Column,
  Expression,
  FunctionCall,
  FunctionOptions,
  Literal,
  ListLiteral,
  Param,
  Span,
} from './ast';
import type { ParserState } from './parser-state';
import { TIME_UNITS, type Token } from './tokens';

export const EXPRESSION_START = [
  'QUOTED_STRING', 'INTEGER_LITERAL', 'DECIMAL_LITERAL', "'false'", "'('", "'not'", "'null'", "'?'", "'true'",
  "'+'", "'-'", 'NAMED_OR_POSITIONAL_PARAM', "'['", 'UNQUOTED_IDENTIFIER', 'QUOTED_IDENTIFIER',
];

/** What may follow a complete expression (used in messages only). */
export const AFTER_EXPRESSION = [
  '<EOF>', "'|'", "','", "'and'", "'or'", "'::'", "'=='", "'!='", "'<'", "'<='", "'>'", "'>='",
  "'+'", "'-'", "'*'", "'/'", "'%'", "'is'", "'in'", "'like'", "'rlike'", "'not'",
];

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

export function parseBoolean(p: ParserState): Expression {
  p.enter();
  try {
    return parseOr(p);
  } finally {
    p.leave();
  }
}

function binary(op: BinaryOperator, left: Expression, right: Expression, start: number, p: ParserState): Expression {
  return { kind: 'binary', op, left, right, span: p.span(start) };
}

function parseOr(p: ParserState): Expression {
  const start = p.current.start;
  let left = parseAnd(p);
  while (p.acceptWord('or')) left = binary('or', left, parseAnd(p), start, p);
  return left;
}

function parseAnd(p: ParserState): Expression {
  const start = p.current.start;
  let left = parseNot(p);
  while (p.acceptWord('and')) left = binary('and', left, parseNot(p), start, p);
  return left;
}

function parseNot(p: ParserState): Expression {
  const start = p.current.start;
  if (p.acceptWord('not')) {
    p.enter();
    try {
      const operand = parseNot(p);
      return { kind: 'unary', op: 'not', operand, span: p.span(start) };
    } finally {
      p.leave();
    }
  }
  return parsePredicate(p);
}

/** valueExpression followed by at most one IS NULL / IN / LIKE / RLIKE. */
function parsePredicate(p: ParserState): Expression {
  const start = p.current.start;
  const operand = parseValue(p);
  if (p.acceptWord('is')) {
    const negated = p.acceptWord('not') !== undefined;
    if (!p.acceptWord('null')) p.fail(negated ? ["'null'"] : ["'not'", "'null'"]);
    return { kind: 'isNull', operand, negated, span: p.span(start) };
  }
  const negated = p.isWord('not') && (p.isWord('in', p.peek()) || p.isWord('like', p.peek()) || p.isWord('rlike', p.peek()));
  if (negated) p.advance();
  if (p.acceptWord('in')) {
    p.expectPunct('(');
    const list = [parseValueNested(p)];
    while (p.acceptPunct(',')) list.push(parseValueNested(p));
    p.expectPunct(')', ["','", "')'"]);
    return { kind: 'in', operand, list, negated, span: p.span(start) };
  }
  const like = p.acceptWord('like') ? 'like' : p.acceptWord('rlike') ? 'rlike' : undefined;
  if (like) {
    const listForm = p.acceptPunct('(') !== undefined;
    const patterns = [parsePattern(p)];
    if (listForm) {
      while (p.acceptPunct(',')) patterns.push(parsePattern(p));
      p.expectPunct(')', ["','", "')'"]);
    }
    return { kind: 'like', operator: like, operand, patterns, negated, listForm, span: p.span(start) };
  }
  return operand;
}

function parsePattern(p: ParserState): Expression {
  const t = p.current;
  if (t.type === 'string') return stringLiteral(p.advance());
  if (t.type === 'param') return param(p);
  return p.fail(['QUOTED_STRING']);
}

function parseValueNested(p: ParserState): Expression {
  p.enter();
  try {
    return parseValue(p);
  } finally {
    p.leave();
  }
}

/** operatorExpression [comparison operatorExpression]: comparisons do not chain. */
function parseValue(p: ParserState): Expression {
  const start = p.current.start;
  const left = parseAdditive(p);
  const t = p.current;
  if (t.type === 'punct' && COMPARISONS.has(t.text)) {
    p.advance();
    return binary(t.text as ComparisonOperator, left, parseAdditive(p), start, p);
  }
  return left;
}

function parseAdditive(p: ParserState): Expression {
  const start = p.current.start;
  let left = parseMultiplicative(p);
  while (p.isPunct('+') || p.isPunct('-')) {
    const op = p.advance().text as '+' | '-';
    left = binary(op, left, parseMultiplicative(p), start, p);
  }
  return left;
}

function parseMultiplicative(p: ParserState): Expression {
  const start = p.current.start;
  let left = parseUnary(p);
  while (p.isPunct('*') || p.isPunct('/') || p.isPunct('%')) {
    const op = p.advance().text as '*' | '/' | '%';
    left = binary(op, left, parseUnary(p), start, p);
  }
  return left;
}

function parseUnary(p: ParserState): Expression {
  const start = p.current.start;
  if (p.isPunct('-') || p.isPunct('+')) {
    const sign = p.current.text as '-' | '+';
    const next = p.peek();
    if (next.type === 'int' || next.type === 'decimal') {
      p.advance();
      return parseCasts(p, start, numberConstant(p, sign, start));
    }
    p.advance();
    p.enter();
    try {
      const operand = parseUnary(p);
      return { kind: 'unary', op: sign, operand, span: p.span(start) };
    } finally {
      p.leave();
    }
  }
  return parseCasts(p, start, parsePrimary(p));
}

function parseCasts(p: ParserState, start: number, operand: Expression): Expression {
  let e = operand;
  while (p.acceptPunct('::')) {
    const t = p.current;
    if (!p.isIdentifier(t)) p.fail(['UNQUOTED_IDENTIFIER', 'QUOTED_IDENTIFIER']);
    p.advance();
    e = { kind: 'cast', operand: e, targetType: (t.value ?? t.text).toLowerCase(), span: p.span(start) };
  }
  return e;
}

/** A number (already past an optional sign), possibly qualified by a time unit. */
function numberConstant(p: ParserState, sign: '-' | '+' | undefined, start: number): Expression {
  const t = p.advance();
  const negative = sign === '-';
  if (t.type === 'decimal') {
    const value = Number(t.text);
    return { kind: 'literal', value: { type: 'decimal', value: negative ? -value : value }, span: p.span(start) };
  }
  const value = BigInt(t.text);
  const unitToken = p.current;
  if (unitToken.type === 'word' && p.isIdentifier(unitToken) && unitToken.text.toLowerCase() !== 'where') {
    p.advance();
    const unit = TIME_UNITS.get(unitToken.text.toLowerCase());
    const span: Span = p.span(start);
    if (!unit) p.raise(span, `Unexpected temporal unit: '${unitToken.text}'`);
    const quantity = Number(negative ? -value : value);
    return { kind: 'timeSpan', quantity, unit, unitText: unitToken.text, span };
  }
  return { kind: 'literal', value: { type: 'integer', value: negative ? -value : value }, span: p.span(start) };
}

function stringLiteral(t: Token): Literal {
  return { kind: 'literal', value: { type: 'string', value: t.value ?? '' }, span: { start: t.start, end: t.end } };
}

function param(p: ParserState): Param {
  const t = p.advance();
  const span = { start: t.start, end: t.end };
  const rest = t.text.slice(1);
  if (rest === '') return { kind: 'param', style: 'anonymous', index: ++p.anonymousParams, span };
  if (/^[0-9]+$/.test(rest)) return { kind: 'param', style: 'positional', index: Number(rest), span };
  return { kind: 'param', style: 'named', name: rest, span };
}

/** primaryExpression with its `::` casts (the input of DISSECT and GROK). */
export function parsePrimaryExpression(p: ParserState): Expression {
  return parseCasts(p, p.current.start, parsePrimary(p));
}

function parsePrimary(p: ParserState): Expression {
  const t = p.current;
  const start = t.start;
  switch (t.type) {
    case 'int':
    case 'decimal':
      return numberConstant(p, undefined, start);
    case 'string':
      return stringLiteral(p.advance());
    case 'param':
      return param(p);
    case 'word': {
      const word = t.text.toLowerCase();
      if (word === 'null') return constant(p, { type: 'null' });
      if (word === 'true' || word === 'false') return constant(p, { type: 'boolean', value: word === 'true' });
      if (p.isIdentifier(t)) return p.isPunct('(', p.peek()) ? parseCall(p) : parseColumn(p);
      return p.fail(EXPRESSION_START);
    }
    case 'quotedId':
      return p.isPunct('(', p.peek()) ? parseCall(p) : parseColumn(p);
    case 'punct':
      if (t.text === '(') return parseParenthesized(p);
      if (t.text === '[') return parseList(p);
      return p.fail(EXPRESSION_START);
    default:
      return p.fail(EXPRESSION_START);
  }
}

function constant(p: ParserState, value: Literal['value']): Literal {
  const t = p.advance();
  return { kind: 'literal', value, span: { start: t.start, end: t.end } };
}

/** The node keeps the parentheses in its span, so that its source text names it as ES does. */
function parseParenthesized(p: ParserState): Expression {
  const start = p.advance().start;
  const inner = parseBoolean(p);
  p.expectPunct(')', AFTER_EXPRESSION.filter((x) => x !== '<EOF>' && x !== "'|'" && x !== "','").concat("')'"));
  return { ...inner, span: p.span(start) };
}

function parseList(p: ParserState): ListLiteral {
  const start = p.advance().start;
  const items: Literal[] = [];
  if (!p.isPunct(']')) {
    do items.push(listItem(p));
    while (p.acceptPunct(','));
  }
  p.expectPunct(']', ["','", "']'"]);
  return { kind: 'list', items, span: p.span(start) };
}

function listItem(p: ParserState): Literal {
  const t = p.current;
  const start = t.start;
  if (t.type === 'string') return stringLiteral(p.advance());
  if (p.isWord('true') || p.isWord('false')) return constant(p, { type: 'boolean', value: p.isWord('true') });
  if (p.isWord('null')) return constant(p, { type: 'null' });
  let sign: '-' | '+' | undefined;
  if ((p.isPunct('-') || p.isPunct('+')) && ['int', 'decimal'].includes(p.peek().type)) sign = p.advance().text as '-' | '+';
  if (p.current.type === 'int' || p.current.type === 'decimal') {
    const tok = p.advance();
    const negative = sign === '-';
    const span = p.span(start);
    if (tok.type === 'decimal') {
      const v = Number(tok.text);
      return { kind: 'literal', value: { type: 'decimal', value: negative ? -v : v }, span };
    }
    const v = BigInt(tok.text);
    return { kind: 'literal', value: { type: 'integer', value: negative ? -v : v }, span };
  }
  return p.fail(['QUOTED_STRING', 'INTEGER_LITERAL', 'DECIMAL_LITERAL', "'false'", "'null'", "'true'", "'+'", "'-'"]);
}

function parseCall(p: ParserState): Expression {
  const nameToken = p.advance();
  const start = nameToken.start;
  p.advance(); // (
  const name = (nameToken.value ?? nameToken.text).toLowerCase();
  if (p.acceptPunct('*')) {
    p.expectPunct(')');
    return { kind: 'function', name, args: [], star: true, span: p.span(start) };
  }
  const args: Expression[] = [];
  let options: FunctionOptions | undefined;
  if (!p.isPunct(')')) {
    do {
      if (args.length > 0 && p.isPunct('{')) {
        options = parseOptions(p);
        break;
      }
      args.push(parseBoolean(p));
    } while (p.acceptPunct(','));
  }
  p.expectPunct(')', ["','", "')'"]);
  const call: FunctionCall = { kind: 'function', name, args, span: p.span(start) };
  if (options) call.options = options;
  return call;
}

/** mapExpression: `{ "key": constant, … }`. */
function parseOptions(p: ParserState): FunctionOptions {
  const start = p.advance().start;
  const entries: FunctionOptions['entries'] = [];
  do {
    const key = p.current;
    if (key.type !== 'string') p.fail(['QUOTED_STRING']);
    p.advance();
    p.expectPunct(':');
    const value = p.isPunct('[') ? parseList(p) : listItem(p);
    entries.push({ key: key.value ?? '', value });
  } while (p.acceptPunct(','));
  p.expectPunct('}', ["','", "'}'"]);
  return { kind: 'options', entries, span: p.span(start) };
}

/** qualifiedName: identifier ('.' identifier)*; parts after a dot may be any word. */
export function parseColumn(p: ParserState): Column {
  const first = p.current;
  if (!p.isIdentifier(first)) p.fail(['UNQUOTED_IDENTIFIER', 'QUOTED_IDENTIFIER']);
  p.advance();
  const parts = [first.value ?? first.text];
  while (p.isPunct('.') && ['word', 'quotedId'].includes(p.peek().type)) {
    p.advance();
    const t = p.advance();
    parts.push(t.value ?? t.text);
  }
  return { kind: 'column', name: parts.join('.'), span: p.span(first.start) };
}
