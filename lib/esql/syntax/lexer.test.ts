import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer';

const kinds = (text: string) => tokenize(text).map((t) => `${t.type}:${t.value ?? t.text}`);

describe('lexer modes', () => {
  it('FROM names are index patterns up to the pipe', () => {
    expect(kinds('from logs-endpoint.*,remote:a-* , "q s" metadata _id | where x')).toEqual([
      'word:from', 'source:logs-endpoint.*', 'punct:,', 'source:remote:a-*', 'punct:,', 'string:q s', 'source:metadata', 'source:_id',
      'punct:|', 'word:where', 'word:x', 'eof:<EOF>',
    ]);
  });

  it('KEEP names are dotted wildcard patterns with quoted pieces', () => {
    expect(kinds('keep a.*, `b c`.d, *')).toEqual(['word:keep', 'pattern:a.*', 'punct:,', 'pattern:b c.d', 'punct:,', 'pattern:*', 'eof:<EOF>']);
  });

  it('expressions: operators, numbers, strings, params, comments', () => {
    expect(kinds('where a.b>=1.5e3 /* x /* nested */ y */ and ?p // c\n or "x\\ty"::ip')).toEqual([
      'word:where', 'word:a', 'punct:.', 'word:b', 'punct:>=', 'decimal:1.5e3', 'word:and', 'param:?p', 'word:or', 'string:x\ty', 'punct:::', 'word:ip', 'eof:<EOF>',
    ]);
    expect(kinds('where 7d + .5 - 1e')).toEqual(['word:where', 'int:7', 'word:d', 'punct:+', 'decimal:.5', 'punct:-', 'int:1', 'word:e', 'eof:<EOF>']);
  });

  it('reports unlexable input as an error token', () => {
    expect(kinds('where a ~ b')).toEqual(['word:where', 'word:a', 'error:~', 'eof:<EOF>']);
    expect(kinds('where /* open')).toEqual(['word:where', 'error:/*', 'eof:<EOF>']);
    expect(kinds('where `` == 1')).toEqual(['word:where', 'error:``', 'eof:<EOF>']);
    expect(kinds('where `open')).toEqual(['word:where', 'error:`open', 'eof:<EOF>']);
    expect(kinds('where ?_p')).toEqual(['word:where', 'param:?_p', 'eof:<EOF>']);
  });
});
