/**
 * The custom window's bounds as the analyst types them: ISO text in UTC (`2026-01-05T00:00`), not
 * a datetime-local box, which shows the browser's locale (mm/dd/yyyy) and hints at local time.
 * Parsing is strict — a date that does not exist is an error, never rolled over to the next month.
 */

export type UtcParse = { ok: true; iso: string } | { ok: false; message: string };

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?$/;

export const UTC_INPUT_HINT = 'UTC, as YYYY-MM-DDTHH:MM';

/** `2026-01-05T00:00` (seconds and a trailing Z allowed) → `2026-01-05T00:00:00.000Z`. */
export function parseUtcInput(text: string): UtcParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a time (UTC, as YYYY-MM-DDTHH:MM).' };
  const m = FORMAT.exec(trimmed);
  if (!m) return { ok: false, message: `“${trimmed.slice(0, 40)}” is not YYYY-MM-DDTHH:MM (UTC).` };
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const exists =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!exists) return { ok: false, message: `${trimmed.slice(0, 40)} is not a real date and time.` };
  return { ok: true, iso: back.toISOString() };
}

/** `2026-01-08T12:00:00.000Z` → `2026-01-08T12:00`, the form the inputs show. */
export function toUtcInput(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 16);
}

/** Both bounds parsed and in order, or the first problem to show. */
export function parseUtcRange(from: string, to: string): { ok: true; from: string; to: string } | { ok: false; field: 'from' | 'to'; message: string } {
  const start = parseUtcInput(from);
  if (!start.ok) return { ok: false, field: 'from', message: start.message };
  const end = parseUtcInput(to);
  if (!end.ok) return { ok: false, field: 'to', message: end.message };
  if (start.iso >= end.iso) return { ok: false, field: 'to', message: 'The end must be after the start.' };
  return { ok: true, from: start.iso, to: end.iso };
}
