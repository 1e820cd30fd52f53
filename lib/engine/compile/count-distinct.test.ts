/** COUNT_DISTINCT's exactness limit and the runtime refusal it raises above it. */
import { describe, expect, it } from 'vitest';
import { exactLimit } from './count-distinct';
import { engineFailure } from '../engine-errors';

describe('COUNT_DISTINCT precision', () => {
  it('is exact below three quarters of the linear-counting capacity of the precision', () => {
    // precision 5 → 7 entries × 4 bytes → 5 bits → 8 ints → 6; the default 3000 → 14 bits → 3072.
    expect(exactLimit(5)).toBe(6);
    expect(exactLimit(3000)).toBe(3072);
    // Bounded by HyperLogLog++'s precisions 4 and 18.
    expect(exactLimit(0)).toBe(3);
    expect(exactLimit(80000)).toBe(49152);
    expect(exactLimit(1e9)).toBe(49152);
  });

  it('turns the SQL-raised refusal into a positioned unsupported error', () => {
    const raw = 'Invalid Input Error: ESQL_REFUSAL[line 1:20: COUNT_DISTINCT with precision [5] …]ESQL_REFUSAL';
    expect(engineFailure(raw, { dataDir: '/tmp', expressions: 3 })).toEqual({
      kind: 'unsupported',
      message: 'Found 1 problem\nline 1:20: COUNT_DISTINCT with precision [5] …',
    });
  });
});
