/**
 * Canonical one-line ES|QL text for a query, command or expression: upper-case commands,
 * keywords and function names, double-quoted strings, identifiers quoted only when needed and
 * the fewest parentheses that keep the tree. `parse(print(ast))` gives back `ast` (spans aside).
 */
import type { BinaryExpression, Column, Command, Expression, Field, FunctionOptions, Literal, Query, Rename, SortOrder, Source } from '../ast';
import { KEYWORDS_TO_QUOTE, TIME_UNITS } from './tokens';

export function print(node: Query | Command | Expression): string {
  if (node.kind === 'query') return printSettings(node, ' ') + node.commands.map(printCommand).join(' | ');
  if (isCommand(node)) return printCommand(node);
  return expr(node, 0);
}

/** A query one command per line, as hunt files write them: what the dashboard shows and sends. */
export function printMultiline(query: Query): string {
  return printSettings(query, '\n') + query.commands.map(printCommand).join('\n| ');
}

/** The SET statements, each ended by `;` and `after`: a printed query keeps its settings (time zone, unmapped fields). */
function printSettings(query: Query, after: string): string {
  return (query.settings ?? []).map((s) => `SET ${columnName(s.name)} = ${expr(s.value, 0)};${after}`).join('');
}

const COMMAND_KINDS = new Set([
  'from', 'row', 'where', 'eval', 'stats', 'sort', 'limit', 'keep', 'drop', 'renameCommand', 'mvExpand', 'dissect', 'grok', 'enrich',
]);

function isCommand(node: Command | Expression): node is Command {
  return COMMAND_KINDS.has(node.kind);
}

// Binding strength, loosest first; a child printed below its slot's minimum gets parentheses.
const OR = 1, AND = 2, NOT = 3, PREDICATE = 4, COMPARISON = 5, ADDITIVE = 6, MULTIPLICATIVE = 7, UNARY = 8, CAST = 9, PRIMARY = 10;

function precedence(e: Expression): number {
  switch (e.kind) {
    case 'binary':
      if (e.op === 'or') return OR;
      if (e.op === 'and') return AND;
      if (e.op === '+' || e.op === '-') return ADDITIVE;
      if (e.op === '*' || e.op === '/' || e.op === '%') return MULTIPLICATIVE;
      return COMPARISON;
    case 'unary':
      return e.op === 'not' ? NOT : UNARY;
    case 'isNull':
    case 'in':
    case 'like':
      return PREDICATE;
    case 'cast':
      return CAST;
    default:
      return PRIMARY;
  }
}

function expr(e: Expression, min: number): string {
  const text = bare(e);
  return precedence(e) < min ? `(${text})` : text;
}

function bare(e: Expression): string {
  switch (e.kind) {
    case 'literal':
      return literal(e);
    case 'list':
      return `[${e.items.map(literal).join(', ')}]`;
    case 'timeSpan': {
      const spelled = TIME_UNITS.get(e.unitText.toLowerCase()) === e.unit ? e.unitText : e.unit;
      return `${e.quantity} ${spelled}`;
    }
    case 'param':
      if (e.style === 'named') return `?${e.name ?? ''}`;
      return e.style === 'positional' ? `?${e.index ?? ''}` : '?';
    case 'column':
      return columnName(e.name);
    case 'function':
      return functionCall(e.name, e.star ? ['*'] : e.args.map((a) => expr(a, 0)), e.options);
    case 'unary':
      return e.op === 'not' ? `NOT ${expr(e.operand, NOT)}` : signed(e.op, e.operand);
    case 'binary':
      return binary(e);
    case 'isNull':
      return `${expr(e.operand, COMPARISON)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'in':
      return `${expr(e.operand, COMPARISON)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => expr(x, COMPARISON)).join(', ')})`;
    case 'like': {
      const patterns = e.patterns.map((x) => expr(x, PRIMARY));
      const shown = e.listForm ? `(${patterns.join(', ')})` : patterns[0] ?? '""';
      return `${expr(e.operand, COMPARISON)} ${e.negated ? 'NOT ' : ''}${e.operator.toUpperCase()} ${shown}`;
    }
    case 'cast':
      return `${expr(e.operand, CAST)}::${e.targetType}`;
  }
}

/** A sign before a number would fold into the literal, so a numeric operand gets parentheses. */
function signed(op: '-' | '+', operand: Expression): string {
  const text = expr(operand, UNARY);
  return /^[0-9.]/.test(text) ? `${op}(${text})` : `${op}${text}`;
}

/**
 * Left-associative: the right operand needs strictly tighter binding; comparisons don't chain.
 * The left spine is followed in a loop, so a 10,000-term OR chain costs no stack.
 */
function binary(e: BinaryExpression): string {
  const rights: string[] = [];
  let node: BinaryExpression = e;
  for (;;) {
    const p = precedence(node);
    const leftMin = p === COMPARISON ? ADDITIVE : p;
    const rightMin = p === COMPARISON ? ADDITIVE : p + 1;
    const op = node.op === 'and' || node.op === 'or' ? node.op.toUpperCase() : node.op;
    rights.push(` ${op} ${expr(node.right, rightMin)}`);
    const left = node.left;
    if (left.kind === 'binary' && precedence(left) >= leftMin) {
      node = left;
      continue;
    }
    return expr(left, leftMin) + rights.reverse().join('');
  }
}

function functionCall(name: string, args: string[], options: FunctionOptions | undefined): string {
  const shownName = /^[a-z_][a-z0-9_]*$/i.test(name) && !KEYWORDS_TO_QUOTE.has(name.toLowerCase()) ? name.toUpperCase() : quoteId(name);
  const all = options ? [...args, printOptions(options)] : args;
  return `${shownName}(${all.join(', ')})`;
}

function printOptions(options: FunctionOptions): string {
  const entries = options.entries.map((e) => `${quoteString(e.key)}: ${e.value.kind === 'list' ? `[${e.value.items.map(literal).join(', ')}]` : literal(e.value)}`);
  return `{${entries.join(', ')}}`;
}

function literal(l: Literal): string {
  const v = l.value;
  switch (v.type) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(v.value);
    case 'integer':
      return v.value.toString();
    case 'decimal': {
      const s = String(v.value);
      return /[.eE]/.test(s) || !/^-?[0-9]+$/.test(s) ? s : `${s}.0`;
    }
    case 'string':
      return quoteString(v.value);
  }
}

export function quoteString(s: string): string {
  const escaped = s.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c);
  return `"${escaped}"`;
}

function quoteId(s: string): string {
  return `\`${s.replace(/`/g, '``')}\``;
}

const BARE_PART = /^(?:[A-Za-z][A-Za-z0-9_]*|[_@][A-Za-z0-9_]+)$/;

/** Dotted names stay bare when every part is a plain identifier; otherwise the whole is quoted. */
export function columnName(name: string): string {
  const parts = name.split('.');
  const bare = parts.every((part, i) => BARE_PART.test(part) && (i > 0 || !KEYWORDS_TO_QUOTE.has(part.toLowerCase())));
  return bare ? name : quoteId(name);
}

const BARE_PATTERN_PART = /^(?:[A-Za-z*][A-Za-z0-9_*]*|[_@][A-Za-z0-9_*]+)$/;

function patternName(pattern: string): string {
  const parts = pattern.split('.');
  const bare = parts.every((part) => BARE_PATTERN_PART.test(part) && !KEYWORDS_TO_QUOTE.has(part.toLowerCase()));
  return bare ? pattern : quoteId(pattern);
}

const BARE_SOURCE = /^[^"=|,[\]\s/]+$/;

function source(s: Source): string {
  return BARE_SOURCE.test(s.name) && s.name.toLowerCase() !== 'metadata' ? s.name : quoteString(s.name);
}

function field(f: Field & { filter?: Expression }): string {
  const body = f.name ? `${columnName(f.name.name)} = ${expr(f.expression, 0)}` : expr(f.expression, 0);
  return f.filter ? `${body} WHERE ${expr(f.filter, 0)}` : body;
}

function order(o: SortOrder): string {
  let text = expr(o.expression, 0);
  if (o.direction) text += ` ${o.direction.toUpperCase()}`;
  if (o.nulls) text += ` NULLS ${o.nulls.toUpperCase()}`;
  return text;
}

function rename(r: Rename): string {
  return r.syntax === 'assign'
    ? `${patternName(r.to.name)} = ${patternName(r.from.pattern)}`
    : `${patternName(r.from.pattern)} AS ${patternName(r.to.name)}`;
}

function enrichWith(r: Rename): string {
  if (r.syntax === 'as' && r.to.name === r.from.pattern) return patternName(r.from.pattern);
  return `${patternName(r.to.name)} = ${patternName(r.from.pattern)}`;
}

const list = <T>(items: T[], f: (x: T) => string) => items.map(f).join(', ');
const metadataName = (c: Column) => c.name;

function printCommand(c: Command): string {
  switch (c.kind) {
    case 'from':
      return `FROM ${list(c.sources, source)}${c.metadata.length ? ` METADATA ${list(c.metadata, metadataName)}` : ''}`;
    case 'row':
      return `ROW ${list(c.fields, field)}`;
    case 'where':
      return `WHERE ${expr(c.condition, 0)}`;
    case 'eval':
      return `EVAL ${list(c.fields, field)}`;
    case 'stats': {
      const aggs = c.aggregates.length ? ` ${list(c.aggregates, field)}` : '';
      return `${c.inline ? 'INLINE ' : ''}STATS${aggs}${c.groupings.length ? ` BY ${list(c.groupings, field)}` : ''}`;
    }
    case 'sort':
      return `SORT ${list(c.orders, order)}`;
    case 'limit':
      return `LIMIT ${c.count}`;
    case 'keep':
      return `KEEP ${list(c.columns, (p) => patternName(p.pattern))}`;
    case 'drop':
      return `DROP ${list(c.columns, (p) => patternName(p.pattern))}`;
    case 'renameCommand':
      return `RENAME ${list(c.renames, rename)}`;
    case 'mvExpand':
      return `MV_EXPAND ${columnName(c.column.name)}`;
    case 'dissect': {
      const sep = c.appendSeparator !== undefined ? ` APPEND_SEPARATOR=${quoteString(c.appendSeparator)}` : '';
      return `DISSECT ${expr(c.input, CAST)} ${quoteString(c.pattern)}${sep}`;
    }
    case 'grok':
      return `GROK ${expr(c.input, CAST)} ${[c.pattern, ...(c.alternatives ?? [])].map(quoteString).join(', ')}`;
    case 'enrich': {
      const policy = /^[^\\/?"<>| ,#\t\r\n]+$/.test(c.policy) ? c.policy : quoteString(c.policy);
      const on = c.on ? ` ON ${patternName(c.on.name)}` : '';
      const withs = c.with.length ? ` WITH ${list(c.with, enrichWith)}` : '';
      return `ENRICH ${policy}${on}${withs}`;
    }
  }
}
