import { describe, expect, it } from 'vitest';
import { hypot } from './hypot';

describe('hypot (Java Math.hypot, correctly rounded)', () => {
  it('gives the values Elasticsearch gives (math.csv-spec hypot, hypotWithFrom)', () => {
    expect(hypot(3, 4)).toBe(5);
    expect(hypot(9932469097722733505, 14925592145374204307)).toBe(1.792839209932874e19);
    // V8's Math.hypot gives 2.269128788670783E19 here.
    expect(hypot(16462768484251021236, 15616395223975497926)).toBe(2.2691287886707827e19);
  });

  it('handles the scaled, subnormal and special ranges', () => {
    expect(hypot(1e308, 1e308)).toBe(1.4142135623730951e308);
    expect(hypot(3e-320, 4e-320)).toBe(5e-320);
    expect(hypot(-3, 0)).toBe(3);
    expect(hypot(0, -0)).toBe(0);
    expect(hypot(Infinity, Number.NaN)).toBe(Infinity);
    expect(hypot(1, Number.NaN)).toBeNaN();
    expect(hypot(Number.MAX_VALUE, Number.MAX_VALUE)).toBe(Infinity);
  });

  it('agrees with V8 (itself within an ulp or two) and is exact on Pythagorean triples', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    for (let i = 0; i < 2000; i++) {
      const x = next() * 10 ** Math.floor(next() * 40);
      const y = next() * 10 ** Math.floor(next() * 40);
      const h = hypot(x, y);
      expect(Math.abs(h - Math.hypot(x, y))).toBeLessThanOrEqual(2 * Number.EPSILON * h);
    }
    for (const [a, b, c] of [[5, 12, 13], [8, 15, 17], [20, 21, 29], [119, 120, 169]]) expect(hypot(a * 1e10, b * 1e10)).toBe(c * 1e10);
  });
});
