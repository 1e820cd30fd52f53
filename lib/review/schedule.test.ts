import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, isDue, lastSlot, nextSlot, parseSchedule } from './schedule';

describe('weekly schedule', () => {
  it('parses the setting', () => {
    expect(parseSchedule(undefined)).toEqual({ ok: true, schedule: DEFAULT_SCHEDULE });
    expect(parseSchedule('off')).toEqual({ ok: true, schedule: null });
    expect(parseSchedule('Friday 17:30')).toEqual({ ok: true, schedule: { day: 5, hour: 17, minute: 30 } });
    expect(parseSchedule('mon 25:00')).toMatchObject({ ok: false });
    expect(parseSchedule('someday 06:00')).toMatchObject({ ok: false });
  });

  it('finds the last and next Monday 06:00 UTC slot', () => {
    // 2026-01-08 is a Thursday.
    expect(lastSlot(DEFAULT_SCHEDULE, new Date('2026-01-08T12:00:00Z')).toISOString()).toBe('2026-01-05T06:00:00.000Z');
    expect(nextSlot(DEFAULT_SCHEDULE, new Date('2026-01-08T12:00:00Z')).toISOString()).toBe('2026-01-12T06:00:00.000Z');
    expect(lastSlot(DEFAULT_SCHEDULE, new Date('2026-01-05T05:59:59Z')).toISOString()).toBe('2025-12-29T06:00:00.000Z');
    expect(lastSlot(DEFAULT_SCHEDULE, new Date('2026-01-05T06:00:00Z')).toISOString()).toBe('2026-01-05T06:00:00.000Z');
  });

  it('is due when the latest slot has no run, a missed one included', () => {
    const now = new Date('2026-01-08T12:00:00Z');
    expect(isDue(DEFAULT_SCHEDULE, now, undefined)).toBe(true);
    expect(isDue(DEFAULT_SCHEDULE, now, new Date('2026-01-05T06:00:03Z'))).toBe(false);
    // The server was down on Monday: last run the week before, so it runs at the next start.
    expect(isDue(DEFAULT_SCHEDULE, now, new Date('2025-12-29T06:00:02Z'))).toBe(true);
  });
});
