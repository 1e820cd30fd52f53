import { describe, expect, it } from 'vitest';
import type { EsqlValue } from '../../model/esql';
import { columnsAt, diagnose, type EditorSources } from './analysis';
import { fromPatterns } from './from-patterns';
import { overlaySegments } from './overlay';
import { paramRows, paramValue, rowsToParams } from './params';

const network: EditorSources = {
  indices: ['logs-network'],
  resolved: {
    patterns: ['logs-*'],
    result: { indices: ['logs-network'], fields: [{ name: '@timestamp', type: 'date' }, { name: 'destination.ip', type: 'ip' }, { name: 'process.name', type: 'keyword' }, { name: 'bytes', type: 'short' }] },
  },
};
const unknownX: EditorSources = { indices: ['logs-network'], resolved: { patterns: ['x'], result: { unknown: 'x' } } };

describe('fromPatterns', () => {
  it('reads the FROM’s patterns of a half-typed query, not its METADATA', () => {
    expect(fromPatterns('FROM logs-*, "other" METADATA _id | WHERE')).toEqual(['logs-*', 'other']);
    expect(fromPatterns('from a,a')).toEqual(['a']);
    expect(fromPatterns('ROW a = 1')).toEqual([]);
    expect(fromPatterns('')).toEqual([]);
  });
});

describe('diagnose', () => {
  it('positions the analyzer’s errors as Elasticsearch prints them', () => {
    const text = 'FROM logs-* | WHERE a == 1';
    expect(diagnose(text, network)).toEqual({
      checked: 'full',
      problems: [{ line: 1, column: 21, offset: 20, end: 21, message: 'Unknown column [a]', text: 'line 1:21: Unknown column [a]' }],
    });
    expect(diagnose('FROM logs-* | WHERE process.name == "curl" AND bytes > 10', network)).toEqual({ checked: 'full', problems: [] });
  });

  it('names an unknown index first, even while the rest does not parse', () => {
    const { problems, checked } = diagnose('FROM x | WHERE a = 1', unknownX);
    expect(checked).toBe('full');
    expect(problems[0]).toMatchObject({ text: 'line 1:6: Unknown index [x]', offset: 5, end: 6 });
    expect(problems[1].text).toMatch(/^line 1:18: mismatched input '='/);
    expect(diagnose('FROM x | WHERE a == 1', unknownX).problems.map((p) => p.text)).toEqual(['line 1:6: Unknown index [x]']);
  });

  it('checks only the syntax until the backend has answered for this FROM', () => {
    expect(diagnose('FROM other | WHERE a == 1', network)).toEqual({ checked: 'syntax', problems: [] });
    expect(diagnose('FROM other | WHERE', network).problems[0]).toMatchObject({ line: 1, column: 19, offset: 18, end: 18 });
    expect(diagnose('   ', network)).toEqual({ checked: 'full', problems: [] });
  });

  it('passes the params to the analyzer', () => {
    const text = 'FROM logs-* | WHERE destination.ip == ?ip';
    expect(diagnose(text, network, [{ ip: '10.0.0.1' }]).problems).toEqual([]);
    expect(diagnose(text, network, []).problems[0].message).toMatch(/ip/);
  });
});

describe('columnsAt', () => {
  it('gives the FROM’s fields, then what earlier commands made of them', () => {
    const text = 'FROM logs-* | STATS n = COUNT(*) BY process.name | WHERE ';
    expect(columnsAt(text, text.indexOf('| STATS'), network).map((c) => c.name)).toEqual(['@timestamp', 'bytes', 'destination.ip', 'process.name']);
    expect(columnsAt(text, text.lastIndexOf('|'), network)).toEqual([{ name: 'n', type: 'long' }, { name: 'process.name', type: 'keyword' }]);
    // A broken earlier command falls back to the FROM's fields rather than none.
    const broken = 'FROM logs-* | EVAL x = | WHERE ';
    expect(columnsAt(broken, broken.lastIndexOf('|'), network)).toHaveLength(4);
    expect(columnsAt('FROM y | WHERE ', 7, network)).toEqual([]);
  });
});

describe('overlaySegments', () => {
  it('cuts the highlighted segments at a problem’s range, and marks a problem past the end', () => {
    const segments = overlaySegments('FROM xyz | LIMIT', [{ offset: 6, end: 7 }, { offset: 16, end: 16 }]);
    expect(segments.map((s) => s.text).join('')).toBe('FROM xyz | LIMIT ');
    expect(segments.filter((s) => s.problem).map((s) => [s.text, s.start])).toEqual([['y', 6], [' ', 16]]);
    expect(segments.find((s) => s.text === 'x')).toMatchObject({ kind: 'source', problem: false });
  });
});

describe('params', () => {
  it('reads a value as JSON, or as the text typed', () => {
    expect(paramValue('5')).toBe(5);
    expect(paramValue('"5"')).toBe('5');
    expect(paramValue('10.0.0.1')).toBe('10.0.0.1');
    expect(paramValue('["a", 1]')).toEqual(['a', 1]);
    expect(paramValue('{"a": 1}')).toBe('{"a": 1}');
    expect(paramValue('null')).toBeNull();
  });

  it('turns rows into named params and back, refusing bad or doubled names', () => {
    const params: Record<string, EsqlValue>[] = [{ ip: '10.0.0.1' }, { n: 3 }, { many: ['a', 'b'] }];
    expect(paramRows(params)).toEqual([{ name: 'ip', value: '10.0.0.1' }, { name: 'n', value: '3' }, { name: 'many', value: '["a","b"]' }]);
    expect(rowsToParams(paramRows(params))).toEqual({ ok: true, params });
    expect(rowsToParams([{ name: '?ip', value: 'x' }, { name: '', value: ' ' }])).toEqual({ ok: true, params: [{ ip: 'x' }] });
    expect(rowsToParams([{ name: '1x', value: '1' }])).toMatchObject({ ok: false, row: 0 });
    expect(rowsToParams([{ name: 'a', value: '1' }, { name: 'a', value: '2' }])).toMatchObject({ ok: false, row: 1, message: 'Param ?a is given twice.' });
  });
});

describe('exploreDefaultColumns', () => {
  it('shows a narrow result whole and a wide one by the drill-down defaults', async () => {
    const { exploreDefaultColumns, ALL_COLUMNS_UP_TO } = await import('./columns');
    const narrow = [{ name: 'n', type: 'long' }, { name: 'process.name', type: 'keyword' }];
    expect(exploreDefaultColumns(narrow)).toEqual(['n', 'process.name']);
    const wide = [{ name: '@timestamp', type: 'date' }, { name: 'host.name', type: 'keyword' }, { name: 'process.name', type: 'keyword' }, ...Array.from({ length: ALL_COLUMNS_UP_TO }, (_, i) => ({ name: `zz.f${i}`, type: 'keyword' }))];
    expect(exploreDefaultColumns(wide)).toEqual(expect.arrayContaining(['@timestamp', 'host.name', 'process.name']));
    expect(exploreDefaultColumns(wide)).not.toContain('zz.f0');
  });
});
