/**
 * Constants: numbers (with an optional sign folded in, and an optional time unit), strings,
 * params, list literals and the `{ "key": constant }` options map of function calls.
 */
import type { Expression, FunctionOptions, ListLiteral, Literal, Param, Span } from '../ast';
import type { ParserState } from './state';
import { TIME_UNITS, type Token } from '../syntax/tokens';

/** Elasticsearch refuses a decimal that overflows a double rather than reading it as Infinity. */
function finiteDecimal(p: ParserState, t: { text: string; start: number; end: number }): number {
  const value = Number(t.text);
  if (!Number.isFinite(value)) p.raise({ start: t.start, end: t.end }, `Number [${t.text}] is too large`);
  return value;
}

/** A number (already past an optional sign), possibly qualified by a time unit. */
export function numberConstant(p: ParserState, sign: '-' | '+' | undefined, start: number): Expression {
  const t = p.advance();
  const negative = sign === '-';
  if (t.type === 'decimal') {
    const value = finiteDecimal(p, t);
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

export function stringLiteral(t: Token): Literal {
  return { kind: 'literal', value: { type: 'string', value: t.value ?? '' }, span: { start: t.start, end: t.end } };
}

export function param(p: ParserState): Param {
  const t = p.advance();
  const span = { start: t.start, end: t.end };
  const rest = t.text.slice(1);
  if (rest === '') return { kind: 'param', style: 'anonymous', index: ++p.anonymousParams, span };
  if (/^[0-9]+$/.test(rest)) return { kind: 'param', style: 'positional', index: Number(rest), span };
  return { kind: 'param', style: 'named', name: rest, span };
}

export function constant(p: ParserState, value: Literal['value']): Literal {
  const t = p.advance();
  return { kind: 'literal', value, span: { start: t.start, end: t.end } };
}

type ItemGroup = 'numeric' | 'boolean' | 'string';

const GROUP_START: Record<ItemGroup, string[]> = {
  numeric: ['INTEGER_LITERAL', 'DECIMAL_LITERAL', "'+'", "'-'"],
  boolean: ["'false'", "'true'"],
  string: ['QUOTED_STRING'],
};

function groupOf(l: Literal): ItemGroup {
  const type = l.value.type;
  return type === 'integer' || type === 'decimal' ? 'numeric' : type === 'boolean' ? 'boolean' : 'string';
}

/** `[1, 2.5]`, `[true]`, `["a", "b"]`: non-empty, one kind of constant, no null (as the grammar). */
export function parseList(p: ParserState): ListLiteral {
  const start = p.advance().start;
  const first = listItem(p, false);
  const group = groupOf(first);
  const items: Literal[] = [first];
  while (p.acceptPunct(',')) {
    const item = listItem(p, false);
    if (groupOf(item) !== group) p.raise(item.span, `mismatched input '${p.text.slice(item.span.start, item.span.end)}' expecting ${formatSet(GROUP_START[group])}`);
    items.push(item);
  }
  p.expectPunct(']', ["','", "']'"]);
  return { kind: 'list', items, span: p.span(start) };
}

const formatSet = (set: string[]) => (set.length === 1 ? set[0] : `{${set.join(', ')}}`);

/** One constant of a list (or, with `allowNull`, an options-map value). */
export function listItem(p: ParserState, allowNull: boolean): Literal {
  const t = p.current;
  const start = t.start;
  if (t.type === 'string') return stringLiteral(p.advance());
  if (p.isWord('true') || p.isWord('false')) return constant(p, { type: 'boolean', value: p.isWord('true') });
  if (allowNull && p.isWord('null')) return constant(p, { type: 'null' });
  let sign: '-' | '+' | undefined;
  if ((p.isPunct('-') || p.isPunct('+')) && ['int', 'decimal'].includes(p.peek().type)) sign = p.advance().text as '-' | '+';
  if (p.current.type === 'int' || p.current.type === 'decimal') {
    const tok = p.advance();
    const negative = sign === '-';
    const span = p.span(start);
    if (tok.type === 'decimal') {
      const v = finiteDecimal(p, tok);
      return { kind: 'literal', value: { type: 'decimal', value: negative ? -v : v }, span };
    }
    const v = BigInt(tok.text);
    return { kind: 'literal', value: { type: 'integer', value: negative ? -v : v }, span };
  }
  const expected = [...GROUP_START.string, ...GROUP_START.numeric, ...GROUP_START.boolean, ...(allowNull ? ["'null'"] : [])];
  return p.fail(expected);
}

/** mapExpression: `{ "key": constant, … }`. */
export function parseOptions(p: ParserState): FunctionOptions {
  const start = p.advance().start;
  const entries: FunctionOptions['entries'] = [];
  do {
    const key = p.current;
    if (key.type !== 'string') p.fail(['QUOTED_STRING']);
    p.advance();
    p.expectPunct(':');
    const value = p.isPunct('[') ? parseList(p) : listItem(p, true);
    entries.push({ key: key.value ?? '', value });
  } while (p.acceptPunct(','));
  p.expectPunct('}', ["','", "'}'"]);
  return { kind: 'options', entries, span: p.span(start) };
}
