import { describe, expect, it } from 'vitest';
import { addAmount, addAmounts, amountOf, negateAmount } from './time-math';

const ms = (iso: string) => BigInt(Date.parse(iso));
const iso = (r: ReturnType<typeof addAmount>) => (r.ok ? new Date(Number(r.ms)).toISOString() : r.reason);

describe('date math over folded amounts (java.time Period / Duration)', () => {
  it('adds the months first, clamping the day, then the days', () => {
    const p = addAmounts(amountOf(1, 'month'), amountOf(1, 'day'))!;
    expect(p).toEqual({ kind: 'period', months: 1, days: 1 });
    expect(p.kind === 'period' && iso(addAmount(ms('2024-01-31T10:00:00Z'), p, 1))).toBe('2024-03-01T10:00:00.000Z');
    expect(p.kind === 'period' && iso(addAmount(ms('2024-03-31T00:00:00Z'), p, -1))).toBe('2024-02-28T00:00:00.000Z');
  });

  it('keeps summed fields apart and negates them all', () => {
    const sum = addAmounts(addAmounts(amountOf(4, 'year'), amountOf(3, 'month'))!, amountOf(2, 'week'))!;
    expect(sum).toEqual({ kind: 'period', months: 51, days: 14 });
    expect(negateAmount(sum)).toEqual({ kind: 'period', months: -51, days: -14 });
    expect(addAmounts(amountOf(1, 'hour'), amountOf(1, 'day'))).toBeUndefined();
    expect(addAmounts(amountOf(1, 'hour'), { kind: 'null' })).toEqual({ kind: 'null' });
  });

  it('works before 1970 and far from it', () => {
    expect(iso(addAmount(ms('1953-04-04T00:00:00Z'), { kind: 'period', months: 51, days: 15 }, 1))).toBe('1957-07-19T00:00:00.000Z');
    expect(iso(addAmount(ms('1969-12-31T23:59:59.999Z'), amountOf(1, 'millisecond'), 1))).toBe('1970-01-01T00:00:00.000Z');
  });

  it('fails as java.time does: long overflow, or a year out of range', () => {
    const max = 2n ** 63n - 1n;
    expect(iso(addAmount(max, amountOf(1, 'day'), 1))).toBe('java.lang.ArithmeticException: long overflow');
    expect(iso(addAmount(max, amountOf(1, 'millisecond'), 1))).toBe('java.lang.ArithmeticException: long overflow');
    expect(iso(addAmount(0n, amountOf(2147483647, 'year'), 1))).toBe(
      'java.time.DateTimeException: Invalid value for Year (valid values -999999999 - 999999999): 2147485617',
    );
  });
});
