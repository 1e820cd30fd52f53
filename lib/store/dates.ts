/**
 * Dates as Elasticsearch's default date format reads and prints them
 * (`strict_date_optional_time||epoch_millis`), stored as epoch milliseconds UTC (docs/esql-semantics.md §3, §5). Pure.
 */
import 'server-only';


const ISO_DATE =
  /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2})(?::([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?)?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)?)?$/;

const EPOCH_MILLIS = /^-?[0-9]+(?:\.[0-9]+)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (h > 18 || m > 59) return undefined;
  return sign * (h * 60 + m);
}

function parseIso(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // sub-millisecond digits are truncated, as a millisecond-resolution `date` field does
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12) return undefined;
  const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[8] === undefined ? 0 : parseOffsetMinutes(m[8]);
  if (offset === undefined) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millis);
  return d.getTime() - offset * 60_000;
}

/** The instants a date can be stored and printed as (those of ECMAScript's Date, ±273,790 years). */
const MAX_DATE_MS = 8.64e15;

const representable = (ms: number): number | undefined => (Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined);

/** Epoch ms of a text in `strict_date_optional_time` alone (TO_DATETIME of a string): no epoch millis. */
export function parseIsoDate(text: string): number | undefined {
  const iso = parseIso(text);
  return iso === undefined ? undefined : representable(iso);
}

/**
 * Epoch ms of an ISO-8601 date (no zone = UTC) or of epoch millis (number or numeric string).
 * An instant beyond the representable range is not a date: the document is rejected, not the ingest.
 */
export function parseDate(value: string | number): number | undefined {
  if (typeof value === 'number') return representable(Math.trunc(value));
  const iso = parseIso(value);
  if (iso !== undefined) return representable(iso);
  if (EPOCH_MILLIS.test(value)) return representable(Math.trunc(Number(value)));
  return undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `2026-01-08T00:00:00.000Z`; years beyond 9999 get a `+`, negative years a `-`, as java.time prints them. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const year = y > 9999 ? `+${y}` : y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  return (
    `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}Z`
  );
}
