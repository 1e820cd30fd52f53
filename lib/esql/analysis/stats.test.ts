/** STATS: the shadowing warnings, BY aliases in per-aggregate filters, and the newer aggregates' types. */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { resolver } from '../testing/network-index';
import { formatErrors } from '../errors';
import { parse } from '../parser/parse';

function analyzeText(text: string) {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(formatErrors(parsed.errors));
  const result = analyze(parsed.query, text, resolver);
  if (!result.ok) throw new Error(formatErrors(result.errors));
  return result.analyzed;
}

describe('STATS shadowing', () => {
  it('warns for each earlier field of a name, pointing at the rightmost', () => {
    const a = analyzeText('ROW g = "F", e = 1\n| STATS x = MAX(e), x = MIN(e) BY x = g');
    expect(a.warnings).toEqual(["Line 2:9: Field 'x' shadowed by field at line 2:35", "Line 2:21: Field 'x' shadowed by field at line 2:35"]);
    expect(a.output).toEqual([{ name: 'x', type: 'keyword' }]);
  });

  it('warns for a repeated BY key and stays silent for distinct names', () => {
    expect(analyzeText('ROW a = 1 | STATS c = COUNT(*) BY a, b = a, a').warnings).toEqual(["Line 1:35: Field 'a' shadowed by field at line 1:45"]);
    expect(analyzeText('ROW a = 1 | STATS c = COUNT(*) BY a').warnings).toEqual([]);
  });
});

describe('STATS aggregates', () => {
  it('lets a per-aggregate filter read a BY alias', () => {
    expect(analyzeText('ROW x = 1 | STATS c = COUNT(x) WHERE l > 1 BY l = x').output).toEqual([
      { name: 'c', type: 'long' },
      { name: 'l', type: 'integer' },
    ]);
  });

  it('types the newer aggregates and SUM over null', () => {
    const a = analyzeText('ROW x = 1 | STATS s = STD_DEV(x), v = STD_VAR(x), w = WEIGHTED_AVG(x, 2), t = TOP(x, 2, "asc"), p = PRESENT(x), n = SUM(null)');
    expect(a.output.map((c) => `${c.name}:${c.type}`)).toEqual(['s:double', 'v:double', 'w:double', 't:integer', 'p:boolean', 'n:null']);
  });
});
