import { describe, expect, it } from 'vitest';
import { toTxt } from './format-txt';

describe('toTxt', () => {
  it('aligns like Elasticsearch format=txt (min width 15, centred header)', () => {
    const text = toTxt([{ name: 'connection_count' }, { name: 'process.name' }], [[1, 'curl'], [12, null]]);
    expect(text).toBe(
      [
        'connection_count| process.name  ',
        '----------------+---------------',
        '1               |curl           ',
        '12              |null           ',
        '',
      ].join('\n'),
    );
  });

  it('widens a column to its longest value and prints multi-values in brackets', () => {
    const text = toTxt([{ name: 'a' }], [[['x', 'averyveryverylongvalue']]]);
    const lines = text.split('\n');
    expect(lines[0]).toBe(' '.repeat(13) + 'a' + ' '.repeat(13));
    expect(lines[2]).toBe('[x, averyveryverylongvalue]');
  });

  it('never lets control characters or bidi overrides reach the terminal', () => {
    const text = toTxt([{ name: 'p\x07' }], [['\x1b]0;pwned\x07'], ['gpj.\u202eexe'], ['tab\there'], ['\u0085c1']]);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(text).toContain('\\x1b]0;pwned\\x07');
    expect(text).toContain('gpj.\\u202eexe');
    expect(text).toContain('tab\\there');
    expect(text).toContain('\\x85c1');
    expect(text.split('\n')).toHaveLength(7);
  });
});

describe('toTxt and doubles', () => {
  it('prints a double column as Elasticsearch does (1.0, -0.0, 1.0E7) and other numbers as they are', () => {
    const text = toTxt([{ name: 'd', type: 'double' }, { name: 'n', type: 'long' }], [[1, 1], [[-0, 1e7], 2]]);
    expect(text.split('\n')[2]).toMatch(/^1\.0 +\|1 +$/);
    expect(text.split('\n')[3]).toMatch(/^\[-0\.0, 1\.0E7\] +\|2 +$/);
  });
});
