/**
 * The weekly schedule: every hunt runs once a week at a configured UTC day and time (default
 * Monday 06:00). A slot missed while the server was down runs at the next start. Pure: the
 * caller supplies now and the time of the last scheduled run.
 */
import 'server-only';

export interface WeeklySchedule {
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
  day: number;
  hour: number;
  minute: number;
}

export const DEFAULT_SCHEDULE: WeeklySchedule = { day: 1, hour: 6, minute: 0 };
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export type ScheduleSetting = { ok: true; schedule: WeeklySchedule | null } | { ok: false; message: string };

/** `HUNTBOARD_SCHEDULE`: unset → Monday 06:00 UTC; `off`; or `<day> <HH:MM>` such as `fri 17:30`. */
export function parseSchedule(text: string | undefined): ScheduleSetting {
  const value = text?.trim().toLowerCase();
  if (!value) return { ok: true, schedule: DEFAULT_SCHEDULE };
  if (value === 'off') return { ok: true, schedule: null };
  const match = /^([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})$/.exec(value);
  const day = match ? DAYS.indexOf(match[1]) : -1;
  const hour = match ? Number(match[2]) : NaN;
  const minute = match ? Number(match[3]) : NaN;
  if (day < 0 || !(hour >= 0 && hour <= 23) || !(minute >= 0 && minute <= 59)) {
    return { ok: false, message: `HUNTBOARD_SCHEDULE must be "off" or a day and a UTC time such as "mon 06:00", not [${text}]` };
  }
  return { ok: true, schedule: { day, hour, minute } };
}

/** The latest slot at or before `now`. */
export function lastSlot(schedule: WeeklySchedule, now: Date): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), schedule.hour, schedule.minute));
  slot.setUTCDate(slot.getUTCDate() - ((now.getUTCDay() - schedule.day + 7) % 7));
  if (slot > now) slot.setUTCDate(slot.getUTCDate() - 7);
  return slot;
}

export function nextSlot(schedule: WeeklySchedule, now: Date): Date {
  const next = lastSlot(schedule, now);
  next.setUTCDate(next.getUTCDate() + 7);
  return next;
}

/** Due when no scheduled run started at or after the latest slot (a missed slot included). */
export function isDue(schedule: WeeklySchedule, now: Date, lastScheduledRun: Date | undefined): boolean {
  return lastScheduledRun === undefined || lastScheduledRun < lastSlot(schedule, now);
}
