import { describe, expect, it } from 'vitest';
import { toJson } from './format-json';

describe('toJson', () => {
  const response = {
    took: 7,
    is_partial: false,
    columns: [{ name: 'process.name', type: 'keyword' }, { name: 'n', type: 'long' }],
    values: [['curl', 1], ['evil\u202e\x1b', 2]],
  };

  it('prints the _query body, one row per line, parseable back to the same data', () => {
    const text = toJson(response);
    expect(JSON.parse(text)).toEqual(response);
    expect(text.split('\n')).toContain('    ["curl",1],');
  });

  it('escapes control and bidi characters inside strings', () => {
    const text = toJson(response);
    expect(text).not.toMatch(/[\x1b\u202e]/);
    expect(text).toContain('evil\\u202e\\u001b');
  });

  it('prints empty lists inline', () => {
    expect(JSON.parse(toJson({ took: 0, is_partial: false, columns: [], values: [] }))).toEqual({
      took: 0,
      is_partial: false,
      columns: [],
      values: [],
    });
  });
});

describe('toJson and doubles', () => {
  it('writes a double column as Elasticsearch does: 1.0, -0.0, 1.0E7, in multi-values too', () => {
    const text = toJson({
      took: 1,
      is_partial: false,
      columns: [{ name: 'd', type: 'double' }, { name: 'n', type: 'long' }, { name: 'm', type: 'double' }],
      values: [[1, 1, [2, -0]], [1e7, 2, null], [null, 3, 0.5]],
    });
    expect(text).toContain('    [1.0,1,[2.0,-0.0]],');
    expect(text).toContain('    [1.0E7,2,null],');
    expect(text).toContain('    [null,3,0.5]\n');
    expect(JSON.parse(text).values).toEqual([[1, 1, [2, -0]], [1e7, 2, null], [null, 3, 0.5]]);
  });
});

describe('toJson and unsigned_long', () => {
  it('writes a value past 2^53 (its decimal text in EsqlValue) as the exact bare integer, in multi-values too', () => {
    const text = toJson({
      took: 1,
      is_partial: false,
      columns: [{ name: 'u', type: 'unsigned_long' }, { name: 'k', type: 'keyword' }],
      values: [['18446744073709551615', '18446744073709551615'], [[1, '9007199254740993'], null], [null, 'x']],
    });
    expect(text).toContain('    [18446744073709551615,"18446744073709551615"],');
    expect(text).toContain('    [[1,9007199254740993],null],');
    expect(text).toContain('    [null,"x"]');
  });
});
