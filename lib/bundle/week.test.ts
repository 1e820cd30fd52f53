import { describe, expect, it } from 'vitest';
import { bundleFileName, weekOf } from './week';

describe('the week a bundle covers', () => {
  it('is Monday to Monday (UTC) of any day in it', () => {
    for (const day of ['2026-01-05', '2026-01-07', '2026-01-11']) {
      expect(weekOf(day)).toEqual({ ok: true, week: { monday: '2026-01-05', start: '2026-01-05T00:00:00.000Z', end: '2026-01-12T00:00:00.000Z' } });
    }
    const week = weekOf('2026-01-12');
    expect(week.ok && week.week.monday).toBe('2026-01-12');
    expect(week.ok && bundleFileName(week.week)).toBe('huntboard-week-2026-01-12.huntboard.gz');
  });

  it('refuses what is not a calendar date', () => {
    for (const day of ['2026-02-30', '2026-1-5', 'last week', '2026-01-05T00:00:00Z', '']) {
      const week = weekOf(day);
      expect(week.ok).toBe(false);
      if (!week.ok) expect(week.message).toMatch(/YYYY-MM-DD/);
    }
  });
});
