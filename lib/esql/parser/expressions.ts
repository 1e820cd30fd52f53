/**
 * Expressions, with Elasticsearch's precedence (docs/esql-semantics.md §7), loosest first:
 * OR < AND < NOT < (IS [NOT] NULL | [NOT] IN | [NOT] LIKE/RLIKE) < comparison (non-associative)
 * < `+ -` < `* / %` < unary `- +` < `::` cast < primary. `NOT x IS NULL` is NOT (x IS NULL).
 * A sign directly before a number is part of the literal (`-1` is the constant -1), as in the
 * grammar's `integerValue : (PLUS | MINUS)? INTEGER_LITERAL`.
 */
import type { BinaryOperator, ComparisonOperator, Column, Expression, FunctionCall, FunctionOptions } from '../ast';
import { constant, numberConstant, param, parseList, parseOptions, stringLiteral } from './literals';
import type { ParserState } from './state';

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

/** primaryExpression with its `::` casts (the input of DISSECT and GROK). */
export function parsePrimaryExpression(p: ParserState): Expression {
  const start = p.current.start;
  const signedNumber = (p.isPunct('-') || p.isPunct('+')) && (p.peek().type === 'int' || p.peek().type === 'decimal');
  if (signedNumber) return parseCasts(p, start, numberConstant(p, p.advance().text as '-' | '+', start));
  return parseCasts(p, start, parsePrimary(p));
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

/** The node keeps the parentheses in its span, so that its source text names it as ES does. */
function parseParenthesized(p: ParserState): Expression {
  const start = p.advance().start;
  const inner = parseBoolean(p);
  p.expectPunct(')', AFTER_EXPRESSION.filter((x) => x !== '<EOF>' && x !== "'|'" && x !== "','").concat("')'"));
  return { ...inner, span: p.span(start) };
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
