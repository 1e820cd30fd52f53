import { describe, expect, it } from 'vitest';
import { highlightEsql, offsetOf } from './esql-highlight';

const QUERY = 'FROM logs-endpoint.events.network-* // net\n| WHERE @timestamp > NOW() - 7 days AND process.name == ?name /* c */\n| STATS n = COUNT(*) BY host.name\n| SORT n DESC\n| LIMIT 10';

function kinds(query: string): string[] {
  return highlightEsql(query).filter((s) => s.kind !== 'plain').map((s) => `${s.kind}:${s.text}`);
}

describe('highlightEsql', () => {
  it('keeps every character of the query, in order', () => {
    expect(highlightEsql(QUERY).map((s) => s.text).join('')).toBe(QUERY);
  });
  it('classifies commands, sources, functions, keywords, numbers, units, params, strings and comments', () => {
    const k = kinds(QUERY);
    expect(k).toEqual(expect.arrayContaining([
      'command:FROM', 'source:logs-endpoint.events.network-*', 'comment:// net', 'pipe:|', 'command:WHERE',
      'function:NOW', 'number:7', 'unit:days', 'keyword:AND', 'param:?name', 'comment:/* c */',
      'command:STATS', 'function:COUNT', 'keyword:BY', 'keyword:DESC', 'number:10', 'operator:==',
    ]));
    expect(kinds('ROW a = "x\\"y"')).toEqual(['command:ROW', 'identifier:a', 'operator:=', 'string:"x\\"y"']);
  });
  it('keeps the text after a lexer error visible', () => {
    const segments = highlightEsql('ROW a = "unterminated');
    expect(segments.map((s) => s.text).join('')).toBe('ROW a = "unterminated');
  });
  it('marks the segment a finding points at (1-based line and column)', () => {
    const marked = highlightEsql(QUERY, [{ line: 2, column: 9 }]).filter((s) => s.marked);
    expect(marked.map((s) => s.text)).toEqual(['@timestamp']);
    expect(highlightEsql(QUERY, [{ line: 99, column: 1 }]).some((s) => s.marked)).toBe(false);
  });
  it('maps line and column to an offset', () => {
    expect(offsetOf('ab\ncd', { line: 2, column: 2 })).toBe(4);
    expect(offsetOf('ab\ncd', { line: 1, column: 0 })).toBeUndefined();
  });
});
