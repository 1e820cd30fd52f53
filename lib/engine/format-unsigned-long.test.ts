import { describe, expect, it } from 'vitest';
import { formatScalar } from './format';

describe('formatScalar of unsigned_long', () => {
  it('is a JS number up to 2^53 and the exact decimal text beyond', () => {
    expect(formatScalar('unsigned_long', 5n)).toBe(5);
    expect(formatScalar('unsigned_long', 9007199254740991n)).toBe(9007199254740991);
    expect(formatScalar('unsigned_long', 9007199254740993n)).toBe('9007199254740993');
    expect(formatScalar('unsigned_long', 18446744073709551615n)).toBe('18446744073709551615');
    expect(formatScalar('unsigned_long', null)).toBeNull();
  });
});
