/**
 * `SET name = value;` statements before the source command (Elasticsearch 9.2+ query settings,
 * docs/esql-semantics.md §6.9). Only the shape is parsed here: which names and values are
 * accepted is the analyzer's call (../analysis/settings.ts), as Elasticsearch validates them
 * after parsing.
 */
import type { QuerySetting } from '../ast';
import { parsePrimaryExpression } from './expressions';
import type { ParserState } from './state';

export function parseSettings(p: ParserState): QuerySetting[] {
  const settings: QuerySetting[] = [];
  while (p.isWord('set')) {
    p.advance();
    // Elasticsearch positions a setting's errors at its `name = value`, not at SET.
    const name = p.current;
    const start = name.start;
    if (!p.isIdentifier(name)) p.fail(['UNQUOTED_IDENTIFIER', 'QUOTED_IDENTIFIER']);
    p.advance();
    p.expectPunct('=');
    const value = parsePrimaryExpression(p);
    const span = p.span(start);
    p.expectPunct(';');
    settings.push({ kind: 'setting', name: name.value ?? name.text, value, span });
  }
  return settings;
}
