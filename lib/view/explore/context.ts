/**
 * What the ES|QL editor expects at the cursor: a command, an index, a column, an expression or an
 * operator, in which command, and the partly typed word to complete (with the range it replaces).
 * Read from lib/esql's lexer over the text before the cursor, so a query that does not parse yet
 * still gets suggestions.
 */
import { tokenize, type Token } from '../../esql';

export type CursorContext =
  | { kind: 'none' }
  | { kind: 'command'; first: boolean }
  | { kind: 'source' }
  | { kind: 'after-source' }
  | { kind: 'metadata' }
  | { kind: 'column'; command: string }
  | { kind: 'expression'; command: string }
  | { kind: 'operator'; command: string };

export interface CursorWord {
  context: CursorContext;
  /** The typed part of the word being completed (may be empty). */
  prefix: string;
  /** The range a suggestion replaces: the whole word around the cursor. */
  start: number;
  end: number;
  /** Offset of the `|` that opens the current command, or -1 in the first command. */
  pipe: number;
}

const WORD_CHAR = /[A-Za-z0-9_.@]/;
const SOURCE_CHAR = /[A-Za-z0-9_.@*\-:]/;
/** Commands whose arguments are column names, not expressions. */
const COLUMN_COMMANDS = new Set(['keep', 'drop', 'rename', 'mv_expand']);
const EXPRESSION_COMMANDS = new Set(['where', 'eval', 'stats', 'sort', 'row']);
/** Words after which an operand is expected again. */
const OPERAND_EXPECTED = new Set(['and', 'or', 'not', 'in', 'like', 'rlike', 'by', 'is']);
/** Words that end an operand (literals, and SORT's order words). */
const OPERAND_WORDS = new Set(['null', 'true', 'false', 'asc', 'desc', 'first', 'last']);

const isPipe = (t: Token) => t.type === 'punct' && t.text === '|';

/** Inside a string or a comment nothing is completed. */
function inStringOrComment(before: string, tokens: readonly Token[]): boolean {
  const last = tokens.filter((t) => t.type !== 'eof').at(-1);
  // An unterminated string or block comment is the lexer's error token.
  if (last?.type === 'error' && /^(["'`]|\/\*)/.test(last.text)) return true;
  if (last?.type === 'string' && last.end === before.length && !/"$/.test(before)) return true;
  const gap = before.slice(last?.end ?? 0);
  const line = gap.lastIndexOf('\n');
  if (gap.slice(line + 1).includes('//')) return true;
  const open = gap.lastIndexOf('/*');
  return open >= 0 && !gap.slice(open).includes('*/');
}

function wordAround(text: string, offset: number, char: RegExp): { start: number; end: number } {
  let start = offset;
  while (start > 0 && char.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && char.test(text[end])) end++;
  return { start, end };
}

function commandWord(tokens: readonly Token[]): { word: Token | undefined; pipe: number; after: Token[] } {
  let at = -1;
  tokens.forEach((t, i) => {
    if (isPipe(t)) at = i;
  });
  const rest = tokens.slice(at + 1);
  return { word: rest[0], pipe: at >= 0 ? tokens[at].start : -1, after: rest.slice(1) };
}

function endsOperand(t: Token): boolean {
  switch (t.type) {
    case 'word':
      return !OPERAND_EXPECTED.has(t.text.toLowerCase()) || OPERAND_WORDS.has(t.text.toLowerCase());
    case 'quotedId':
    case 'pattern':
    case 'int':
    case 'decimal':
    case 'string':
    case 'param':
      return true;
    case 'punct':
      return t.text === ')' || t.text === ']';
    default:
      return false;
  }
}

function fromContext(after: readonly Token[], spaceBefore: boolean): CursorContext {
  const last = after.at(-1);
  if (!last || (last.type === 'punct' && last.text === ',')) {
    return after.some((t) => t.type === 'source' && t.text.toLowerCase() === 'metadata') ? { kind: 'metadata' } : { kind: 'source' };
  }
  if (last.type === 'source' && last.text.toLowerCase() === 'metadata') return { kind: 'metadata' };
  if (after.some((t) => t.type === 'source' && t.text.toLowerCase() === 'metadata')) return { kind: 'none' };
  return spaceBefore ? { kind: 'after-source' } : { kind: 'none' };
}

function argumentContext(command: string, after: readonly Token[]): CursorContext {
  const last = after.at(-1);
  if (COLUMN_COMMANDS.has(command)) {
    // RENAME a AS b: after the old name comes AS; after AS, a new name nobody can complete.
    if (command === 'rename' && last && last.type !== 'punct') return last.text.toLowerCase() === 'as' ? { kind: 'none' } : { kind: 'operator', command };
    return last && last.type !== 'punct' ? { kind: 'none' } : { kind: 'column', command };
  }
  if (command === 'dissect' || command === 'grok') return last ? { kind: 'none' } : { kind: 'column', command };
  if (EXPRESSION_COMMANDS.has(command)) return last && endsOperand(last) ? { kind: 'operator', command } : { kind: 'expression', command };
  return { kind: 'none' };
}

export function cursorWord(text: string, offset: number): CursorWord {
  const cursor = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, cursor);
  const all = tokenize(before).filter((t) => t.type !== 'eof');
  const none = { context: { kind: 'none' } as CursorContext, prefix: '', start: cursor, end: cursor, pipe: -1 };
  if (inStringOrComment(before, all)) return none;
  const first = commandWord(all);
  const inFrom = first.word?.type === 'word' && first.word.text.toLowerCase() === 'from' && first.word.end < cursor;
  const range = wordAround(text, cursor, inFrom ? SOURCE_CHAR : WORD_CHAR);
  const prefix = text.slice(range.start, cursor);
  const tokens = all.filter((t) => t.end <= range.start);
  const { word, pipe, after } = commandWord(tokens);
  const base = { prefix, start: range.start, end: range.end, pipe };
  if (!word) return { ...base, context: { kind: 'command', first: pipe < 0 } };
  if (word.type !== 'word') return { ...base, context: { kind: 'none' } };
  const command = word.text.toLowerCase();
  if (command === 'from') return { ...base, context: fromContext(after, /\s$/.test(text.slice(0, range.start))) };
  return { ...base, context: argumentContext(command, after) };
}
