/**
 * Processing and source commands. Each parser starts at the command word and stops before the
 * `|` or end of input; the query parser checks what follows.
 */
import type {
  AggregateField,
  Column,
  ColumnPattern,
  Command,
  Field,
  FromCommand,
  Rename,
  SortOrder,
  Source,
  StatsCommand,
} from '../ast';
import { EXPRESSION_START, parseBoolean, parseColumn, parsePrimaryExpression } from './expressions';
import type { ParserState } from './state';
import type { Token } from '../syntax/tokens';

type CommandParser = (p: ParserState, start: number) => Command;

export const COMMAND_PARSERS: Record<string, CommandParser> = {
  from: parseFrom,
  row: (p, start) => ({ kind: 'row', fields: parseFields(p), span: p.span(start) }),
  where: (p, start) => ({ kind: 'where', condition: parseBoolean(p), span: p.span(start) }),
  eval: (p, start) => ({ kind: 'eval', fields: parseFields(p), span: p.span(start) }),
  stats: parseStats,
  inline: (p, start) => {
    if (!p.acceptWord('stats')) p.fail(["'stats'"]);
    return { ...parseStats(p, start), inline: true };
  },
  sort: parseSort,
  limit: parseLimit,
  keep: (p, start) => ({ kind: 'keep', columns: parsePatterns(p), span: p.span(start) }),
  drop: (p, start) => ({ kind: 'drop', columns: parsePatterns(p), span: p.span(start) }),
  rename: parseRename,
  mv_expand: (p, start) => ({ kind: 'mvExpand', column: parseColumn(p), span: p.span(start) }),
  dissect: parseDissect,
  grok: parseGrok,
  enrich: parseEnrich,
};

function parseFrom(p: ParserState, start: number): FromCommand {
  const sources = [parseSource(p)];
  while (p.acceptPunct(',')) sources.push(parseSource(p));
  const metadata: Column[] = [];
  if (p.current.type === 'source' && p.acceptWord('metadata')) {
    do {
      const t = p.current;
      if (t.type !== 'source') p.fail(['UNQUOTED_SOURCE']);
      p.advance();
      metadata.push({ kind: 'column', name: t.text, span: { start: t.start, end: t.end } });
    } while (p.acceptPunct(','));
  }
  return { kind: 'from', sources, metadata, span: p.span(start) };
}

function parseSource(p: ParserState): Source {
  const t = p.current;
  if (t.type !== 'source' && t.type !== 'string') p.fail(['QUOTED_STRING', 'UNQUOTED_SOURCE']);
  p.advance();
  return { kind: 'source', name: t.type === 'string' ? (t.value ?? '') : t.text, span: { start: t.start, end: t.end } };
}

/** True when the tokens ahead are `qualifiedName =` (a named field). */
function atAssignment(p: ParserState): boolean {
  if (!p.isIdentifier(p.current)) return false;
  let i = 1;
  while (p.isPunct('.', p.peek(i)) && ['word', 'quotedId'].includes(p.peek(i + 1).type)) i += 2;
  return p.isPunct('=', p.peek(i));
}

function parseField(p: ParserState): Field {
  const start = p.current.start;
  let name: Column | undefined;
  if (atAssignment(p)) {
    name = parseColumn(p);
    p.advance(); // =
  }
  const expression = parseBoolean(p);
  return name ? { kind: 'field', name, expression, span: p.span(start) } : { kind: 'field', expression, span: p.span(start) };
}

function parseFields(p: ParserState): Field[] {
  const fields = [parseField(p)];
  while (p.acceptPunct(',')) fields.push(parseField(p));
  return fields;
}

function parseStats(p: ParserState, start: number): StatsCommand {
  const aggregates: AggregateField[] = [];
  const atEnd = () => p.current.type === 'eof' || p.isPunct('|');
  if (!atEnd() && !p.isWord('by')) {
    do {
      const field: AggregateField = parseField(p);
      if (p.current.type === 'word' && p.acceptWord('where')) {
        field.filter = parseBoolean(p);
        field.span = p.span(field.span.start);
      }
      aggregates.push(field);
    } while (p.acceptPunct(','));
  }
  const groupings = p.acceptWord('by') ? parseFields(p) : [];
  return { kind: 'stats', aggregates, groupings, span: p.span(start) };
}

function parseSort(p: ParserState, start: number): Command {
  const orders: SortOrder[] = [];
  do {
    const orderStart = p.current.start;
    const expression = parseBoolean(p);
    const order: SortOrder = { kind: 'order', expression, span: { start: orderStart, end: 0 } };
    if (p.acceptWord('asc')) order.direction = 'asc';
    else if (p.acceptWord('desc')) order.direction = 'desc';
    if (p.acceptWord('nulls')) {
      if (p.acceptWord('first')) order.nulls = 'first';
      else if (p.acceptWord('last')) order.nulls = 'last';
      else p.fail(["'first'", "'last'"]);
    }
    order.span = p.span(orderStart);
    orders.push(order);
  } while (p.acceptPunct(','));
  return { kind: 'sort', orders, span: p.span(start) };
}

function parseLimit(p: ParserState, start: number): Command {
  const t = p.current;
  if (t.type !== 'int') p.fail(['INTEGER_LITERAL']);
  p.advance();
  return { kind: 'limit', count: Number(t.text), span: p.span(start) };
}

function patternToken(p: ParserState): Token {
  const t = p.current;
  if (t.type !== 'pattern' || (t.value ?? '').split('.').some((part) => part === '')) p.fail(['ID_PATTERN']);
  return p.advance();
}

function columnPattern(t: Token): ColumnPattern {
  return { kind: 'columnPattern', pattern: t.value ?? t.text, span: { start: t.start, end: t.end } };
}

function columnOf(t: Token): Column {
  return { kind: 'column', name: t.value ?? t.text, span: { start: t.start, end: t.end } };
}

function parsePatterns(p: ParserState): ColumnPattern[] {
  const columns = [columnPattern(patternToken(p))];
  while (p.acceptPunct(',')) columns.push(columnPattern(patternToken(p)));
  return columns;
}

function parseRename(p: ParserState, start: number): Command {
  const renames: Rename[] = [];
  do {
    const first = patternToken(p);
    if (p.acceptPunct('=')) {
      const from = patternToken(p);
      renames.push({ kind: 'rename', from: columnPattern(from), to: columnOf(first), syntax: 'assign', span: p.span(first.start) });
    } else {
      if (!p.acceptWord('as')) p.fail(["'='", "'as'"]);
      const to = patternToken(p);
      renames.push({ kind: 'rename', from: columnPattern(first), to: columnOf(to), syntax: 'as', span: p.span(first.start) });
    }
  } while (p.acceptPunct(','));
  return { kind: 'renameCommand', renames, span: p.span(start) };
}

function expectString(p: ParserState): string {
  const t = p.current;
  if (t.type !== 'string') p.fail(['QUOTED_STRING']);
  p.advance();
  return t.value ?? '';
}

function parseDissect(p: ParserState, start: number): Command {
  const input = parsePrimaryExpression(p);
  const pattern = expectString(p);
  let appendSeparator: string | undefined;
  while (p.current.type === 'word' || p.current.type === 'quotedId') {
    const option = p.advance();
    const optionName = option.value ?? option.text;
    p.expectPunct('=');
    const value = p.current;
    if (!['string', 'int', 'decimal', 'word', 'param'].includes(value.type)) p.fail(EXPRESSION_START);
    p.advance();
    if (optionName.toLowerCase() !== 'append_separator') {
      p.raise({ start: option.start, end: option.end }, `Invalid option for dissect: [${optionName}]`);
    }
    if (value.type !== 'string') {
      p.raise(
        { start: value.start, end: value.end },
        `Invalid value for dissect append_separator: expected a string, but was [${value.text}]`,
      );
    }
    appendSeparator = value.value ?? '';
    if (!p.acceptPunct(',')) break;
  }
  const cmd: Command = { kind: 'dissect', input, pattern, span: p.span(start) };
  if (appendSeparator !== undefined) cmd.appendSeparator = appendSeparator;
  return cmd;
}

function parseGrok(p: ParserState, start: number): Command {
  const input = parsePrimaryExpression(p);
  const pattern = expectString(p);
  const alternatives: string[] = [];
  while (p.acceptPunct(',')) alternatives.push(expectString(p));
  const cmd: Command = { kind: 'grok', input, pattern, span: p.span(start) };
  if (alternatives.length > 0) cmd.alternatives = alternatives;
  return cmd;
}

function parseEnrich(p: ParserState, start: number): Command {
  const policyToken = p.current;
  if (policyToken.type !== 'source' && policyToken.type !== 'string') p.fail(['ENRICH_POLICY_NAME', 'QUOTED_STRING']);
  p.advance();
  const policy = policyToken.type === 'string' ? (policyToken.value ?? '') : policyToken.text;
  let on: Column | undefined;
  if (p.acceptWord('on')) on = columnOf(patternToken(p));
  const withClauses: Rename[] = [];
  if (p.acceptWord('with')) {
    do {
      const first = patternToken(p);
      if (p.acceptPunct('=')) {
        const field = patternToken(p);
        withClauses.push({ kind: 'rename', from: columnPattern(field), to: columnOf(first), syntax: 'assign', span: p.span(first.start) });
      } else {
        // A bare enrich field keeps its name: `syntax: 'as'` marks the unnamed form.
        withClauses.push({ kind: 'rename', from: columnPattern(first), to: columnOf(first), syntax: 'as', span: p.span(first.start) });
      }
    } while (p.acceptPunct(','));
  }
  const cmd: Command = { kind: 'enrich', policy, with: withClauses, span: p.span(start) };
  if (on) cmd.on = on;
  return cmd;
}
