import { describe, expect, it } from 'vitest';
import { escapeWarning, parseWarning, parseWarnings } from './elasticsearch-warnings';

describe('warning headers', () => {
  it('strips the 299 envelope, with or without -SNAPSHOT and hash', () => {
    expect(parseWarning('299 Elasticsearch-9.1.0-abc123 "No limit defined, adding default limit of [1000]"')).toBe(
      'No limit defined, adding default limit of [1000]',
    );
    expect(parseWarning('299 Elasticsearch-8.15.0-SNAPSHOT-0f1e2d "Line 1:20: evaluation of [x] failed"')).toBe('Line 1:20: evaluation of [x] failed');
  });

  it('unescapes quotes, backslashes and percent-encoding', () => {
    expect(parseWarning('299 Elasticsearch-9.1.0-abc "Line 1:5: [a == \\"b\\\\c\\"] caf%C3%A9"')).toBe('Line 1:5: [a == "b\\c"] café');
    expect(parseWarning('299 Elasticsearch-9.1.0-abc "100% bad %ZZ"')).toBe('100% bad %ZZ');
  });

  it('keeps unknown shapes as they are and de-duplicates across responses', () => {
    expect(parseWarnings(['299 Elasticsearch-9.1.0-a "x"'], null, ['299 Elasticsearch-9.1.0-a "x"', 'odd warning'])).toEqual(['x', 'odd warning']);
  });

  it('escapes and encodes a text as the server does, and parses back to it', () => {
    expect(escapeWarning('a "b" \\c')).toBe('a \\"b\\" \\\\c');
    expect(escapeWarning('[max % 0]')).toBe('[max %25 0]');
    expect(escapeWarning('Zürich ❗\n')).toBe('Zürich %E2%9D%97%0A');
    for (const text of ['[max % 0]', 'Zürich ❗\n', 'a "b" \\c', 'caf\u00e9 100%']) expect(parseWarning(`299 Elasticsearch-9.1.0-abc "${escapeWarning(text)}"`)).toBe(text);
  });
});
