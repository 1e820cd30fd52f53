/**
 * Browser sessions: a random token in an HttpOnly cookie; the database keeps only its sha256, so
 * a copy of the app state cannot be replayed as a session. Sessions last SESSION_HOURS.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { AppDatabase } from '../appstate/database';
import { deleteExpiredSessions, deleteSession, insertSession, sessionUserRow } from '../appstate/sessions';
import { inTransaction } from '../appstate/transaction';
import { isRole, type Role } from './roles';

export const SESSION_HOURS = 12;
export const SESSION_SECONDS = SESSION_HOURS * 3600;

export interface NewSession {
  token: string;
  expiresAt: string;
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function createSession(db: AppDatabase, username: string, now: Date): NewSession {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_SECONDS * 1000).toISOString();
  // Each sign-in sweeps the expired sessions: the table never grows with sessions nobody ended.
  inTransaction(db, () => {
    deleteExpiredSessions(db, now.toISOString());
    insertSession(db, { tokenHash: hashOf(token), username, createdAt: now.toISOString(), expiresAt });
  });
  return { token, expiresAt };
}

/** The signed-in user of a token, with their current role; undefined for an unknown or expired token. */
export function sessionUser(db: AppDatabase, token: string, now: Date): { username: string; role: Role } | undefined {
  // A base64url of 32 bytes is 43 characters; anything else is not ours and costs no query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const found = sessionUserRow(db, hashOf(token), now.toISOString());
  return found && isRole(found.role) ? { username: found.username, role: found.role } : undefined;
}

export function endSession(db: AppDatabase, token: string): boolean {
  return deleteSession(db, hashOf(token));
}
