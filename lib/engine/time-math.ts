/**
 * UTC date arithmetic as Elasticsearch does it: a DATE_PERIOD is calendar arithmetic
 * (java.time Period: months clamp the day of month), a TIME_DURATION is an exact number of ms.
 * Before 9.4 Elasticsearch knows UTC only, and it reads now() once per query (docs/esql-semantics.md §9).
 */
import 'server-only';
import type { TimeUnit } from '../esql';

const DURATION_MS: Partial<Record<TimeUnit, number>> = {
  hour: 3_600_000,
  minute: 60_000,
  second: 1_000,
  millisecond: 1,
};

export function isDuration(unit: TimeUnit): boolean {
  return DURATION_MS[unit] !== undefined;
}

export function durationMs(quantity: number, unit: TimeUnit): number {
  return quantity * (DURATION_MS[unit] ?? 0);
}

/** A period in months and days (years and quarters are months, weeks are days). */
export function periodParts(quantity: number, unit: TimeUnit): { months: number; days: number } {
  switch (unit) {
    case 'year':
      return { months: 12 * quantity, days: 0 };
    case 'quarter':
      return { months: 3 * quantity, days: 0 };
    case 'month':
      return { months: quantity, days: 0 };
    case 'week':
      return { months: 0, days: 7 * quantity };
    default:
      return { months: 0, days: quantity };
  }
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** epochMs ± quantity unit, in UTC. */
export function addTimeSpan(epochMs: number, quantity: number, unit: TimeUnit, sign: 1 | -1): number {
  if (isDuration(unit)) return epochMs + sign * durationMs(quantity, unit);
  const { months, days } = periodParts(quantity, unit);
  const d = new Date(epochMs);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth() + sign * months;
  year += Math.floor(month / 12);
  month = ((month % 12) + 12) % 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  const msOfDay = epochMs - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(year, month, day) + msOfDay + sign * days * 86_400_000;
}
