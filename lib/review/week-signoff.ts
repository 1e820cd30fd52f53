/**
 * The lead's sign-off of a week: what may be signed and revoked, and when. A week is signed by its
 * Monday; the current week may be signed (the time says how early), a week that has not started
 * may not, and a week already signed must be revoked first. The rows are lib/appstate's.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { inTransaction } from '../appstate/transaction';
import { insertSignOff, markSignOffRevoked, standingSignOff } from '../appstate/week-signoffs';
import type { WeekSignOff } from '../model/week';
import { weekOfMonday } from './week-bounds';

export type SignOffResult =
  | { ok: true; signOff: WeekSignOff }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'already-signed'; message: string; current: WeekSignOff };

export type RevokeResult =
  | { ok: true; revoked: WeekSignOff }
  | { ok: false; reason: 'not-signed'; message: string };

export const MAX_SIGNOFF_NOTE = 2_000;

/** `monday`: the week's Monday, YYYY-MM-DD. */
export function signOffWeek(db: AppDatabase, monday: string, who: string, at: string, note = ''): SignOffResult {
  const week = weekOfMonday(monday);
  if (!week.ok) return { ok: false, reason: 'invalid', message: week.message };
  if (who.trim() === '') return { ok: false, reason: 'invalid', message: 'A sign-off needs its author.' };
  if (note.length > MAX_SIGNOFF_NOTE) return { ok: false, reason: 'invalid', message: `A sign-off note is at most ${MAX_SIGNOFF_NOTE} characters.` };
  const atMs = Date.parse(at);
  if (Number.isNaN(atMs)) return { ok: false, reason: 'invalid', message: 'A sign-off needs a valid time.' };
  if (Date.parse(week.week.from) > atMs) return { ok: false, reason: 'invalid', message: `The week of ${monday} has not started yet.` };
  return inTransaction(db, (): SignOffResult => {
    const current = standingSignOff(db, monday);
    if (current) {
      return { ok: false, reason: 'already-signed', current, message: `The week of ${monday} was already signed off by ${current.signedBy} at ${current.signedAt}; revoke that sign-off first.` };
    }
    return { ok: true, signOff: insertSignOff(db, { weekStart: monday, signedBy: who, signedAt: at, note }) };
  });
}

/** Withdraws the standing sign-off (kept as history), so the week can be signed again. */
export function revokeSignOff(db: AppDatabase, monday: string, who: string, at: string): RevokeResult {
  return inTransaction(db, (): RevokeResult => {
    const current = standingSignOff(db, monday);
    if (!current) return { ok: false, reason: 'not-signed', message: `The week of ${monday.slice(0, 40)} has no sign-off to revoke.` };
    markSignOffRevoked(db, monday, who, at);
    return { ok: true, revoked: current };
  });
}
