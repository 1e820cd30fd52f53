/**
 * The week a bundle covers: Monday 00:00 UTC to the next Monday, named by its Monday. Any day
 * names its week, so "the week of Wednesday the 7th" exports what an analyst means.
 */
import { BUNDLE_EXTENSION } from './format';

export interface BundleWeek {
  /** YYYY-MM-DD of the Monday. */
  monday: string;
  /** ISO instants, start inclusive, end exclusive. */
  start: string;
  end: string;
}

const DAY_MS = 864e5;

export function weekOf(day: string): { ok: true; week: BundleWeek } | { ok: false; message: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    return { ok: false, message: `A week is named by a date, YYYY-MM-DD (its Monday, or any day in it); got [${day.slice(0, 40)}].` };
  }
  const monday = ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
  return {
    ok: true,
    week: { monday: new Date(monday).toISOString().slice(0, 10), start: new Date(monday).toISOString(), end: new Date(monday + 7 * DAY_MS).toISOString() },
  };
}

export function bundleFileName(week: BundleWeek): string {
  return `huntboard-week-${week.monday}${BUNDLE_EXTENSION}`;
}
