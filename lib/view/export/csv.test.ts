import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const columns = [
  { name: 'process.name', type: 'keyword' },
  { name: 'count', type: 'long' },
];

describe('toCsv', () => {
  it('writes a header and RFC 4180 rows with CRLF', () => {
    expect(toCsv(columns, [['curl', 3], ['a,b', 1], ['say "hi"', null]])).toBe(
      'process.name,count\r\ncurl,3\r\n"a,b",1\r\n"say ""hi""",\r\n',
    );
  });

  it('neutralises spreadsheet formulas in string cells only', () => {
    const csv = toCsv(columns, [['=HYPERLINK("x")', -5], ['+1', 1], ['-cmd', 1], ['@SUM(A1)', 1], ['\tx', 1], ['\rx', 1]]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""x"")",-5`,
      `'+1,1`,
      `'-cmd,1`,
      `'@SUM(A1),1`,
      `'\\tx,1`,
      `'\\rx,1`,
    ]);
  });

  it('escapes control characters, ANSI escapes and bidi overrides visibly', () => {
    const csv = toCsv(columns, [['evil\x1b[31mred\nline\u202eexe.txt', 1]]);
    expect(csv).toBe('process.name,count\r\nevil\\x1b[31mred\\nline\\u202eexe.txt,1\r\n');
    expect(csv).not.toMatch(/[\x1b\u202e]/);
  });

  it('joins multi-values with ; and prints booleans', () => {
    expect(toCsv([{ name: 'ips', type: 'ip' }, { name: 'ok', type: 'boolean' }], [[['10.0.0.1', '::1'], true]])).toBe(
      'ips,ok\r\n10.0.0.1;::1,true\r\n',
    );
  });

  it('writes only the header for an empty result', () => {
    expect(toCsv(columns, [])).toBe('process.name,count\r\n');
  });
});
