import { describe, expect, it } from 'vitest';
import { classifyQuery, stripLeadingComments } from './classify';

describe('classifyQuery', () => {
  it('recognises ES|QL source commands in any case, after comments', () => {
    expect(classifyQuery('from logs-* | limit 1', ['ES|QL', 'SQL'])).toBe('ES|QL');
    expect(classifyQuery('FROM logs-*', ['ES|QL', 'SQL'])).toBe('ES|QL');
    expect(classifyQuery('// rare\n/* block */\nrow a = 1', ['ES|QL', 'SQL'])).toBe('ES|QL');
    expect(classifyQuery('SHOW info', ['ES|QL', 'EQL'])).toBe('ES|QL');
  });

  it('recognises OSQuery SQL by SELECT/WITH', () => {
    expect(classifyQuery('SELECT * FROM processes', ['ES|QL', 'SQL'])).toBe('SQL');
    expect(classifyQuery('\nwith x as (select 1) select * from x', ['ES|QL', 'SQL'])).toBe('SQL');
    expect(classifyQuery('-- osquery\nselect 1', ['SQL'])).toBe('SQL');
  });

  it('falls back to EQL when EQL is listed', () => {
    expect(classifyQuery('sequence by host.id [process where true]', ['EQL'])).toBe('EQL');
    expect(classifyQuery('file where file.path : "/etc/*"', ['ES|QL', 'EQL'])).toBe('EQL');
  });

  it('treats any query of an ES|QL-only hunt as ES|QL, so its errors show', () => {
    expect(classifyQuery('stats count(*)', ['ES|QL'])).toBe('ES|QL');
  });

  it('classifies a stray `sql` line by what follows it', () => {
    expect(classifyQuery('sql\nfrom logs-endpoint.events.file-*\n| where true', ['ES|QL', 'SQL'])).toBe('ES|QL');
    expect(classifyQuery('sql\nSELECT * FROM users', ['ES|QL', 'SQL'])).toBe('SQL');
    expect(classifyQuery('sql\nsomething | where x', ['ES|QL', 'SQL'])).toBe('ES|QL');
    expect(classifyQuery('sql\nsomething else', ['SQL', 'EQL'])).toBe('EQL');
  });

  it('says other when nothing fits', () => {
    expect(classifyQuery('grep foo', ['KQL'])).toBe('other');
  });

  it('strips leading comments only', () => {
    expect(stripLeadingComments('  // a\n  /* b */ from x // c')).toBe('from x // c');
    expect(stripLeadingComments('/* unterminated')).toBe('');
  });
});
