/**
 * ES|QL parser entry points: `parse` for a query, `parseExpression` for a lone expression.
 * Hand-written recursive descent over the modal lexer's tokens, following Elasticsearch's
 * grammar (x-pack/plugin/esql/src/main/antlr). Neither function throws, on any input.
 */
import type { Command, Expression, Query } from '../ast';
import { depthError, MAX_QUERY_DEPTH, QUERY_DEPTH_MESSAGE } from '../syntax/depth';
import { esqlError, type EsqlError } from '../errors';
import { tokenize } from '../syntax/lexer';
import { COMMAND_PARSERS } from './commands';
import { AFTER_EXPRESSION, parseBoolean } from './expressions';
import { ParseFailure, ParserState } from './state';
import { parseSettings } from './settings';
import { PROCESSING_COMMANDS, SOURCE_COMMANDS } from '../syntax/tokens';

export type ParseResult = { ok: true; query: Query } | { ok: false; errors: EsqlError[] };
export type ParseExpressionResult = { ok: true; expression: Expression } | { ok: false; errors: EsqlError[] };

const quoted = (words: readonly string[]) => words.map((w) => `'${w}'`);

export function parse(text: string): ParseResult {
  const tree = parseTree(text);
  if (!tree.ok) return tree;
  const deep = depthError(text, tree.query);
  return deep ? { ok: false, errors: [deep] } : tree;
}

/**
 * The syntax tree without Elasticsearch's depth limit: for the walkers' own tests over trees a
 * cluster would refuse (`parse` is what every caller uses).
 */
export function parseTree(text: string): ParseResult {
  return guarded(text, (p) => ({ ok: true, query: parseQuery(p) }));
}

export function parseExpression(text: string): ParseExpressionResult {
  return guarded(text, (p) => {
    const expression = parseBoolean(p);
    if (p.current.type !== 'eof') p.fail(AFTER_EXPRESSION.filter((x) => x !== "'|'" && x !== "','"));
    const deep = depthError(text, expression);
    return deep ? { ok: false, errors: [deep] } : { ok: true, expression };
  });
}

function guarded<T>(text: string, body: (p: ParserState) => T): T | { ok: false; errors: EsqlError[] } {
  try {
    return body(new ParserState(text, tokenize(text)));
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, errors: [e.error] };
    // Only a bug lands here (e.g. a stack overflow the depth guards missed); report it as data.
    if (e instanceof RangeError) return { ok: false, errors: [esqlError('parsing', text, { start: 0, end: 0 }, 'ESQL statement is too large to parse')] };
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [esqlError('parsing', text, { start: 0, end: 0 }, `internal parser error: ${message}`)] };
  }
}

function parseQuery(p: ParserState): Query {
  const first = p.current.start;
  const settings = parseSettings(p);
  const commands: Command[] = [parseCommand(p, SOURCE_COMMANDS)];
  while (p.acceptPunct('|')) {
    // Elasticsearch counts processing commands (../syntax/depth.ts); the pipe of the one too many is the position.
    if (commands.length > MAX_QUERY_DEPTH) p.raise({ start: p.lastEnd - 1, end: p.lastEnd }, QUERY_DEPTH_MESSAGE);
    commands.push(parseCommand(p, PROCESSING_COMMANDS));
  }
  if (p.current.type !== 'eof') p.fail(followSet(commands[commands.length - 1]));
  const start = settings.length > 0 ? first : commands[0].span.start;
  const query: Query = { kind: 'query', commands, span: { start, end: p.lastEnd } };
  if (settings.length > 0) query.settings = settings;
  return query;
}

function parseCommand(p: ParserState, allowed: readonly string[]): Command {
  const t = p.current;
  const word = t.type === 'word' ? t.text.toLowerCase() : undefined;
  // INLINE STATS (9.2+) is taken but kept out of the expected-token lists, which follow the 8.x grammar's messages.
  const known = word !== undefined && ((allowed as readonly string[]).includes(word) || (word === 'inline' && allowed === PROCESSING_COMMANDS));
  const parser = known ? COMMAND_PARSERS[word] : undefined;
  if (!parser) return p.fail(quoted(allowed));
  p.advance();
  return parser(p, t.start);
}

/** The tokens Elasticsearch would list after a complete command (for the message only). */
function followSet(last: Command): string[] {
  switch (last.kind) {
    case 'where':
    case 'eval':
    case 'row':
    case 'stats':
    case 'sort':
      return AFTER_EXPRESSION;
    default:
      return ['<EOF>', "'|'", "','"];
  }
}
