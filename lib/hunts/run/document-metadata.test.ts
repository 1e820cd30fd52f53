import { describe, expect, it } from 'vitest';
import { parse, print } from '../../esql';
import { withDocumentMetadata } from './document-metadata';

function withMetadata(text: string): { text: string; added: boolean } {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(text);
  const { query, added } = withDocumentMetadata(parsed.query);
  return { text: print(query), added };
}

describe('withDocumentMetadata', () => {
  it('asks FROM for _id and _index when the pipeline keeps every column', () => {
    expect(withMetadata('FROM logs-* | WHERE a == 1 | EVAL b = a + 1 | MV_EXPAND c | SORT b | LIMIT 10')).toEqual({
      text: 'FROM logs-* METADATA _id, _index | WHERE a == 1 | EVAL b = a + 1 | MV_EXPAND c | SORT b | LIMIT 10',
      added: true,
    });
  });

  it('adds only what the FROM does not already ask for', () => {
    expect(withMetadata('FROM logs-* METADATA _index | WHERE a == 1').text).toBe('FROM logs-* METADATA _index, _id | WHERE a == 1');
  });

  it.each([
    'FROM logs-* | KEEP a',
    'FROM logs-* | DROP a',
    'FROM logs-* | RENAME a AS b',
    'FROM logs-* | STATS c = COUNT(*) BY a',
    'FROM logs-* | EVAL _id = "x"',
    'FROM logs-* | DISSECT a "%{_index} %{b}"',
    'FROM logs-* | GROK a "%{WORD:b}", "%{WORD:_id}"',
    'ROW a = 1',
  ])('leaves %j alone: a command there could drop, rename or overwrite them', (text) => {
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(text);
    expect(withDocumentMetadata(parsed.query)).toEqual({ query: parsed.query, added: false });
  });
});
