/**
 * The sessions table: a session is kept by the sha256 of its token (lib/auth makes the token and
 * hashes it), the user it signs in and when it expires. Instants are ISO strings, compared as text.
 */
import 'server-only';
import type { AppDatabase } from './database';

export interface SessionRow {
  tokenHash: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

export function insertSession(db: AppDatabase, session: SessionRow): void {
  db.prepare('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)').run(session.tokenHash, session.username, session.createdAt, session.expiresAt);
}

/** Removes the sessions expired at `at`; how many went. */
export function deleteExpiredSessions(db: AppDatabase, at: string): number {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(at).changes;
}

/** The user a live session signs in, with the user's role as stored now (a changed role applies at once). */
export function sessionUserRow(db: AppDatabase, tokenHash: string, at: string): { username: string; role: string } | undefined {
  return db
    .prepare('SELECT u.username AS username, u.role AS role FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ? AND s.expires_at > ?')
    .get(tokenHash, at) as { username: string; role: string } | undefined;
}

/** False when no session had that hash. */
export function deleteSession(db: AppDatabase, tokenHash: string): boolean {
  return db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash).changes === 1;
}

export function deleteSessionsOf(db: AppDatabase, username: string): number {
  return db.prepare('DELETE FROM sessions WHERE username = ?').run(username).changes;
}
