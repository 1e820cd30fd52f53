/**
 * The lead's sign-offs of weeks (table week_signoffs, migration 5), keyed by the week's Monday
 * (YYYY-MM-DD). A week has at most one standing sign-off (a unique index); revoking one keeps
 * its row, so the record of a week is never rewritten, only superseded. What may be signed is
 * lib/review's decision (week-signoff.ts); these are the statements.
 */
import 'server-only';
import type { AppDatabase } from './database';
import type { RevokedSignOff, WeekSignOff } from '../model/week';

interface Row {
  id: number;
  week_start: string;
  signed_by: string;
  signed_at: string;
  note: string;
}

const fromRow = (r: Row): WeekSignOff => ({ id: r.id, weekStart: r.week_start, signedBy: r.signed_by, signedAt: r.signed_at, note: r.note });

export function standingSignOff(db: AppDatabase, monday: string): WeekSignOff | undefined {
  const row = db.prepare('SELECT id, week_start, signed_by, signed_at, note FROM week_signoffs WHERE week_start = ? AND revoked_at IS NULL').get(monday) as Row | undefined;
  return row && fromRow(row);
}

/** The week's revoked sign-offs, newest first. */
export function revokedSignOffs(db: AppDatabase, monday: string): RevokedSignOff[] {
  const rows = db
    .prepare('SELECT id, week_start, signed_by, signed_at, note, revoked_by, revoked_at FROM week_signoffs WHERE week_start = ? AND revoked_at IS NOT NULL ORDER BY id DESC')
    .all(monday) as (Row & { revoked_by: string; revoked_at: string })[];
  return rows.map((r) => ({ ...fromRow(r), revokedBy: r.revoked_by, revokedAt: r.revoked_at }));
}

/** Throws (the unique index) when the week already has a standing sign-off: callers check first, in one transaction. */
export function insertSignOff(db: AppDatabase, signOff: Omit<WeekSignOff, 'id'>): WeekSignOff {
  const info = db
    .prepare('INSERT INTO week_signoffs (week_start, signed_by, signed_at, note) VALUES (?, ?, ?, ?)')
    .run(signOff.weekStart, signOff.signedBy, signOff.signedAt, signOff.note);
  return { id: Number(info.lastInsertRowid), ...signOff };
}

/** Marks the week's standing sign-off revoked; false when there was none. */
export function markSignOffRevoked(db: AppDatabase, monday: string, who: string, at: string): boolean {
  return db.prepare('UPDATE week_signoffs SET revoked_at = ?, revoked_by = ? WHERE week_start = ? AND revoked_at IS NULL').run(at, who, monday).changes > 0;
}
