/**
 * The lead's sign-off of a week: its reads and writes (the table: migration 5). A week has at
 * most one standing sign-off; a revoked one stays in the table (who signed, who revoked, when), so
 * the record of a week is never rewritten, only superseded.
 */
import type { AppDatabase } from '../appstate/db';
import type { WeekSignOff } from '../model/week';


export type SignOffResult =
  | { ok: true; signOff: WeekSignOff }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'already-signed'; message: string; current: WeekSignOff };

export type RevokeResult =
  | { ok: true; revoked: WeekSignOff }
  | { ok: false; reason: 'not-signed'; message: string };

export const MAX_SIGNOFF_NOTE = 2_000;

interface Row {
  id: number;
  week_start: string;
  signed_by: string;
  signed_at: string;
  note: string;
}

const fromRow = (r: Row): WeekSignOff => ({ id: r.id, weekStart: r.week_start, signedBy: r.signed_by, signedAt: r.signed_at, note: r.note });

export function standingSignOff(db: AppDatabase, weekStart: string): WeekSignOff | undefined {
  const row = db.prepare('SELECT id, week_start, signed_by, signed_at, note FROM week_signoffs WHERE week_start = ? AND revoked_at IS NULL').get(weekStart) as Row | undefined;
  return row && fromRow(row);
}

export interface RevokedSignOff extends WeekSignOff {
  revokedBy: string;
  revokedAt: string;
}

/** The week's revoked sign-offs, newest first: the record of what was signed before. */
export function revokedSignOffs(db: AppDatabase, weekStart: string): RevokedSignOff[] {
  const rows = db
    .prepare('SELECT id, week_start, signed_by, signed_at, note, revoked_by, revoked_at FROM week_signoffs WHERE week_start = ? AND revoked_at IS NOT NULL ORDER BY id DESC')
    .all(weekStart) as (Row & { revoked_by: string; revoked_at: string })[];
  return rows.map((r) => ({ ...fromRow(r), revokedBy: r.revoked_by, revokedAt: r.revoked_at }));
}

function isMonday(text: string): boolean {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text && new Date(ms).getUTCDay() === 1;
}

/**
 * Signs the week off. The current week may be signed (the time says how early); a week that has
 * not started yet may not, and a week already signed must be revoked first.
 */
export function signOffWeek(db: AppDatabase, weekStart: string, who: string, at: string, note = ''): SignOffResult {
  if (!isMonday(weekStart)) return { ok: false, reason: 'invalid', message: `[${weekStart.slice(0, 40)}] is not a week start (a Monday, YYYY-MM-DD).` };
  if (who.trim() === '') return { ok: false, reason: 'invalid', message: 'A sign-off needs its author.' };
  if (note.length > MAX_SIGNOFF_NOTE) return { ok: false, reason: 'invalid', message: `A sign-off note is at most ${MAX_SIGNOFF_NOTE} characters.` };
  const atMs = Date.parse(at);
  if (Number.isNaN(atMs)) return { ok: false, reason: 'invalid', message: 'A sign-off needs a valid time.' };
  if (Date.parse(`${weekStart}T00:00:00Z`) > atMs) return { ok: false, reason: 'invalid', message: `The week of ${weekStart} has not started yet.` };
  return db.transaction((): SignOffResult => {
    const current = standingSignOff(db, weekStart);
    if (current) {
      return { ok: false, reason: 'already-signed', current, message: `The week of ${weekStart} was already signed off by ${current.signedBy} at ${current.signedAt}; revoke that sign-off first.` };
    }
    const info = db.prepare('INSERT INTO week_signoffs (week_start, signed_by, signed_at, note) VALUES (?, ?, ?, ?)').run(weekStart, who, at, note);
    return { ok: true, signOff: { id: Number(info.lastInsertRowid), weekStart, signedBy: who, signedAt: at, note } };
  })();
}

/** Withdraws the standing sign-off (kept as history), so the week can be signed again. */
export function revokeSignOff(db: AppDatabase, weekStart: string, who: string, at: string): RevokeResult {
  return db.transaction((): RevokeResult => {
    const current = standingSignOff(db, weekStart);
    if (!current) return { ok: false, reason: 'not-signed', message: `The week of ${weekStart.slice(0, 40)} has no sign-off to revoke.` };
    db.prepare('UPDATE week_signoffs SET revoked_at = ?, revoked_by = ? WHERE week_start = ? AND revoked_at IS NULL').run(at, who, weekStart);
    return { ok: true, revoked: current };
  })();
}
