import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue, QueryResponse } from '../../model/esql';
import { toCsv } from './csv';
import { exportFileName } from './file-name';
import { toQueryJson } from './json';
import { withExtraColumns } from './table-columns';

const columns: EsqlColumn[] = [
  { name: 'connection_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
];
const values: EsqlValue[][] = [
  [-5, '=HYPERLINK("http://evil","x")'],
  [3, '\u202Egnp.sh'],
  [null, ['a', 'b,c']],
];

describe('toCsv', () => {
  it('neutralises formulas, escapes bidi characters and quotes fields', () => {
    expect(toCsv(columns, values)).toBe(
      'connection_count,process.name\r\n-5,"\'=HYPERLINK(""http://evil"",""x"")"\r\n3,\\u202egnp.sh\r\n,"a;b,c"\r\n',
    );
  });
});

describe('the hunt table CSV with its context columns', () => {
  const context: EsqlColumn[] = [
    { name: 'host_names', type: 'keyword' },
    { name: 'process.name', type: 'keyword' },
  ];
  const byName: Record<string, EsqlValue[]> = {
    '=HYPERLINK("http://evil","x")': ['+cmd|calc', 'dup'],
    'a;b,c': [['h1', '@h2'], 'dup2'],
  };
  const extra = {
    columns: context,
    valuesFor: (row: readonly EsqlValue[]) => byName[Array.isArray(row[1]) ? row[1].join(';') : String(row[1])],
    prefix: 'context.',
  };

  it('appends the context columns, with empty cells where no context was fetched', () => {
    const table = withExtraColumns(columns, values, extra);
    expect(table.columns.map((c) => c.name)).toEqual(['connection_count', 'process.name', 'host_names', 'context.process.name']);
    expect(table.values[1]).toEqual([3, '\u202Egnp.sh', null, null]);
    expect(table.values[2]).toEqual([null, ['a', 'b,c'], ['h1', '@h2'], 'dup2']);
  });

  it('keeps hostile context values neutralised in the CSV', () => {
    const table = withExtraColumns(columns, values, extra);
    const csv = toCsv(table.columns, table.values);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('connection_count,process.name,host_names,context.process.name');
    expect(lines[1]).toBe('-5,"\'=HYPERLINK(""http://evil"",""x"")",\'+cmd|calc,dup');
    expect(lines[3]).toBe(',"a;b,c",h1;@h2,dup2');
    expect(csv).not.toMatch(/(^|,)[+=@]/m);
  });

  it('is the result alone when there is no context', () => {
    expect(withExtraColumns(columns, values, undefined)).toEqual({ columns, values });
  });
});

describe('toQueryJson', () => {
  it('keeps exactly the _query fields and stays valid JSON', () => {
    const response: QueryResponse = { columns, values, took: 12, is_partial: false, warnings: ['No limit defined'] };
    const text = toQueryJson(response);
    const parsed: unknown = JSON.parse(text);
    expect(Object.keys(parsed as object)).toEqual(['columns', 'values', 'took', 'is_partial']);
    expect(parsed).toEqual({ columns, values, took: 12, is_partial: false });
  });
  it('writes an unsigned_long past 2^53 (its decimal text) as the exact bare integer', () => {
    const text = toQueryJson({
      columns: [{ name: 'u', type: 'unsigned_long' }, { name: 'k', type: 'keyword' }],
      values: [['18446744073709551615', '18446744073709551615'], [[1, '9007199254740993'], null]],
      took: 1,
      is_partial: false,
    });
    expect(text).toContain('"18446744073709551615"');
    expect(text.replace(/\s+/g, '')).toContain('"values":[[18446744073709551615,"18446744073709551615"],[[1,9007199254740993],null]]');
  });
  it('writes bidi overrides as \\u escapes so a viewer is not reordered', () => {
    const text = toQueryJson({ columns, values, took: 1, is_partial: false });
    expect(text).not.toContain('\u202E');
    expect(text).toContain('\\u202e');
  });
});

describe('exportFileName', () => {
  it('adds the extension, replacing one already given', () => {
    expect(exportFileName('low_volume-q1-2026-01-08', 'csv')).toBe('low_volume-q1-2026-01-08.csv');
    expect(exportFileName('low_volume-q1-2026-01-08.csv', 'json', 'all')).toBe('low_volume-q1-2026-01-08-all.json');
  });
  it('keeps paths and odd characters out of the name', () => {
    expect(exportFileName('../etc/passwd\u202E', 'csv')).toBe('_etc_passwd_.csv');
    expect(exportFileName('', 'csv')).toBe('export.csv');
  });
});
