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

/** A folded temporal amount: java.time's Period (months and days; years are months) or Duration (ms), or null (`1 day + null`). */
export type Amount = { kind: 'period'; months: number; days: number } | { kind: 'duration'; ms: number } | { kind: 'null' };
export type TimeAmount = Exclude<Amount, { kind: 'null' }>;

export function amountOf(quantity: number, unit: TimeUnit): TimeAmount {
  return isDuration(unit) ? { kind: 'duration', ms: durationMs(quantity, unit) } : { kind: 'period', ...periodParts(quantity, unit) };
}

export function negateAmount(a: Amount): Amount {
  if (a.kind === 'null') return a;
  return a.kind === 'duration' ? { kind: 'duration', ms: -a.ms } : { kind: 'period', months: -a.months, days: -a.days };
}

/** Period.plus / Duration.plus: fields add without normalising (`1 month + 40 days` stays so). */
export function addAmounts(a: Amount, b: Amount): Amount | undefined {
  if (a.kind === 'null' || b.kind === 'null') return { kind: 'null' };
  if (a.kind === 'duration' && b.kind === 'duration') return { kind: 'duration', ms: a.ms + b.ms };
  if (a.kind === 'period' && b.kind === 'period') return { kind: 'period', months: a.months + b.months, days: a.days + b.days };
  return undefined;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const DAY_MS = 86_400_000n;
const MAX_YEAR = 999_999_999;

/** Days since 1970-01-01 → proleptic Gregorian (y, m 1-12, d); exact for any safe integer day count. */
function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

export type DateMathResult = { ok: true; ms: bigint } | { ok: false; reason: string };

const LONG_OVERFLOW: DateMathResult = { ok: false, reason: 'java.lang.ArithmeticException: long overflow' };

/**
 * epochMs + sign × amount exactly as Elasticsearch computes it in UTC (ZonedDateTime.plus, Period.addTo:
 * months with the day clamped, then days), over the whole long range: a year past ±999999999 is java.time's
 * DateTimeException, a result outside the long range `long overflow` (docs/esql-semantics.md §9).
 */
export function addAmount(epochMs: bigint, amount: TimeAmount, sign: 1 | -1): DateMathResult {
  if (amount.kind === 'duration') {
    const ms = epochMs + BigInt(sign * amount.ms);
    return ms < LONG_MIN || ms > LONG_MAX ? LONG_OVERFLOW : { ok: true, ms };
  }
  const dayNumber = epochMs >= 0n ? epochMs / DAY_MS : -((-epochMs + DAY_MS - 1n) / DAY_MS);
  const msOfDay = epochMs - dayNumber * DAY_MS;
  const { y, m, d } = civilFromDays(Number(dayNumber));
  const monthCount = y * 12 + (m - 1) + sign * amount.months;
  const year = Math.floor(monthCount / 12);
  if (Math.abs(year) > MAX_YEAR) {
    return { ok: false, reason: `java.time.DateTimeException: Invalid value for Year (valid values -999999999 - 999999999): ${year}` };
  }
  const month = monthCount - year * 12 + 1;
  const days = daysFromCivil(year, month, Math.min(d, monthLength(year, month))) + sign * amount.days;
  const ms = BigInt(days) * DAY_MS + msOfDay;
  return ms < LONG_MIN || ms > LONG_MAX ? LONG_OVERFLOW : { ok: true, ms };
}

/** A folded date constant's epoch ms as a bigint (a double date truncates as Elasticsearch's conversion does). */
export function epochMsOf(value: number | bigint): bigint | undefined {
  if (typeof value === 'bigint') return value;
  return Number.isFinite(value) ? BigInt(Math.trunc(value)) : undefined;
}
