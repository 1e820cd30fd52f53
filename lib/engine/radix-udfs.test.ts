import { describe, expect, it } from 'vitest';
import { radixDigits } from './radix-udfs';

describe('radixDigits (ToLongBase drops a leading 0x for base 16 only)', () => {
  it('drops 0x for base 16', () => expect(radixDigits('0x1f', 16)).toBe('1f'));
  it('keeps 0x for other bases and 0X or -0x for base 16', () => {
    expect(radixDigits('0x32', 8)).toBe('0x32');
    expect(radixDigits('0X1f', 16)).toBe('0X1f');
    expect(radixDigits('-0x1', 16)).toBe('-0x1');
  });
});
