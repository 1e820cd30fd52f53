/**
 * Which week: Monday 00:00 UTC to the next Monday, in UTC only (no time zone, so no DST). A week
 * is named three ways: by an instant in it (the current week), by its Monday (strict: the week
 * page's URL and a sign-off name a week exactly), or by any day in it (a bundle of "the week of
 * Wednesday the 7th" exports what an analyst means).
 */
import 'server-only';
import type { WeekBounds } from '../model/week';

export type WeekParse = { ok: true; week: WeekBounds } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

function boundsAt(mondayMs: number): WeekBounds {
  const from = new Date(mondayMs).toISOString();
  return { monday: from.slice(0, 10), from, to: new Date(mondayMs + WEEK_MS).toISOString() };
}

/** The week an instant falls in. */
export function weekContaining(at: Date): WeekBounds {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return boundsAt(midnight - sinceMonday * DAY_MS);
}

/** `weeks` later (earlier when negative). */
export function shiftWeek(week: WeekBounds, weeks: number): WeekBounds {
  return boundsAt(Date.parse(week.from) + weeks * WEEK_MS);
}

/** Midnight UTC of a `YYYY-MM-DD` calendar date, or why the text is not one. */
function calendarDay(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const shown = text.slice(0, 40);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { ok: false, message: `[${shown}] is not a date (YYYY-MM-DD).` };
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 02-30 over to March: a day that does not print back as itself is not one.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return { ok: false, message: `[${shown}] is not a calendar date (YYYY-MM-DD).` };
  return { ok: true, ms };
}

/** The week named by its Monday, `YYYY-MM-DD`; any other day is refused with the reason. */
export function weekOfMonday(text: string): WeekParse {
  const day = calendarDay(text);
  if (!day.ok) return day;
  if (new Date(day.ms).getUTCDay() !== 1) return { ok: false, message: `[${text}] is not a Monday: a week starts on Monday.` };
  return { ok: true, week: boundsAt(day.ms) };
}

/** The week any `YYYY-MM-DD` day falls in. */
export function weekOfDay(text: string): WeekParse {
  const day = calendarDay(text);
  return day.ok ? { ok: true, week: weekContaining(new Date(day.ms)) } : day;
}
