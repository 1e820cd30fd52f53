/** positionsIn: the line index behind the positions of thousands of warnings agrees with positionOf. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionOf, positionsIn } from './errors';

describe('positionsIn', () => {
  it('gives positionOf for every offset, out-of-range ones clamped', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', 'é', '😀') }), fc.array(fc.integer({ min: -3, max: 60 })), (text, offsets) => {
        const at = positionsIn(text);
        for (const offset of offsets) expect(at(offset)).toEqual(positionOf(text, offset));
      }),
    );
  });

  it('counts \\r\\n as one line break and starts at 1:1', () => {
    const at = positionsIn('a\r\nbc\n\nd');
    expect([0, 3, 5, 7, 8].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});
