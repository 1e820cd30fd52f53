import { describe, expect, it } from 'vitest';
import { shiftWeek, weekContaining, weekOfDay, weekOfMonday } from './week-bounds';

const W = { monday: '2026-11-23', from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };

describe('week bounds', () => {
  it('run Monday 00:00 UTC to the next Monday, named by the Monday', () => {
    expect(weekOfMonday('2026-11-23')).toEqual({ ok: true, week: W });
  });

  it('put an instant in the week it falls in, the last millisecond before Monday in the week before', () => {
    expect(weekContaining(new Date('2026-11-23T00:00:00Z'))).toEqual(W);
    expect(weekContaining(new Date('2026-11-25T12:00:00Z'))).toEqual(W);
    expect(weekContaining(new Date('2026-11-29T23:59:59.999Z'))).toEqual(W);
    expect(weekContaining(new Date('2026-11-30T00:00:00Z')).monday).toBe('2026-11-30');
    // An offset is only another way to write a UTC instant: Monday 01:00 at +02:00 is still Sunday in UTC.
    expect(weekContaining(new Date('2026-11-30T01:00:00+02:00')).monday).toBe('2026-11-23');
  });

  it('cross month and year ends, and leap days, in UTC (no daylight saving to skip an hour)', () => {
    expect(weekOfDay('2027-01-01')).toEqual({ ok: true, week: { monday: '2026-12-28', from: '2026-12-28T00:00:00.000Z', to: '2027-01-04T00:00:00.000Z' } });
    expect(weekOfDay('2024-02-29')).toMatchObject({ ok: true, week: { monday: '2024-02-26', to: '2024-03-04T00:00:00.000Z' } });
    // The last Sunday of March, when Europe's clocks go forward: still seven days of 24 hours.
    const march = weekOfDay('2026-03-29');
    expect(march.ok && Date.parse(march.week.to) - Date.parse(march.week.from)).toBe(7 * 86_400_000);
    expect(shiftWeek(W, 1)).toEqual({ monday: '2026-11-30', from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
    expect(shiftWeek(W, 6).monday).toBe('2027-01-04');
    expect(shiftWeek(W, -1).monday).toBe('2026-11-16');
  });

  it('named by any day: every day of the week names it', () => {
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-27', '2026-11-29']) expect(weekOfDay(day)).toEqual({ ok: true, week: W });
    expect(weekOfDay('2026-11-30')).toMatchObject({ ok: true, week: { monday: '2026-11-30' } });
  });

  it('named by its Monday: strict, another day of it is refused', () => {
    for (const day of ['2026-11-24', '2026-11-29']) expect(weekOfMonday(day)).toEqual({ ok: false, message: `[${day}] is not a Monday: a week starts on Monday.` });
  });

  it('refuse what is not a calendar date, YYYY-MM-DD, either way', () => {
    for (const parse of [weekOfDay, weekOfMonday]) {
      expect(parse('2026-02-30')).toEqual({ ok: false, message: '[2026-02-30] is not a calendar date (YYYY-MM-DD).' });
      expect(parse('2026-13-02')).toMatchObject({ ok: false, message: expect.stringContaining('not a calendar date') });
      // Date.UTC reads years 0 to 99 as 1900 to 1999: such a day does not print back as itself.
      expect(parse('0099-01-05')).toMatchObject({ ok: false, message: expect.stringContaining('not a calendar date') });
      for (const bad of ['', 'x', 'last week', '2026-11-23T00:00:00Z', '23-11-2026', '2026-1-5', ' 2026-11-23', '2026-11-23 ']) {
        expect(parse(bad)).toEqual({ ok: false, message: `[${bad}] is not a date (YYYY-MM-DD).` });
      }
      expect(parse('y'.repeat(500))).toEqual({ ok: false, message: `[${'y'.repeat(40)}] is not a date (YYYY-MM-DD).` });
    }
  });
});
