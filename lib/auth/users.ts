/**
 * Accounts: who may sign in, with which role. Every function answers with data (a result union),
 * never by throwing, so the CLI and the routes word the refusal themselves. Sign-in limits and the
 * lockout after wrong passwords are per source, in the sign-in route (lockout.ts,
 * lib/server/http/rate-limit.ts): a name is never locked for everyone.
 */
import type { AppDatabase } from '../appstate/db';
import { checkNewPassword, dummyHash, hashPassword, verifyPassword } from './password';
import { isRole, type Role } from './roles';

export interface User {
  username: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

export type UserResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'exists' | 'not-found'; message: string };

export type Credentials = { ok: true; user: User } | { ok: false; reason: 'wrong'; message: string };

export const WRONG_CREDENTIALS = 'Wrong user name or password.';

// Names end up in triage history, exports and the CLI: plain characters only.
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;

export function checkUsername(username: string): { ok: true } | { ok: false; message: string } {
  return USERNAME.test(username)
    ? { ok: true }
    : { ok: false, message: 'A user name has 1 to 64 characters: letters, digits and . _ @ + - (starting with a letter or digit).' };
}

interface Row {
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

function fromRow(row: Row): User {
  // The CHECK constraint guarantees the role; the guard keeps the type honest.
  return { username: row.username, role: isRole(row.role) ? row.role : 'viewer', createdAt: row.created_at, updatedAt: row.updated_at };
}

function row(db: AppDatabase, username: string): Row | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
}

export function getUser(db: AppDatabase, username: string): User | undefined {
  const found = row(db, username);
  return found && fromRow(found);
}

export function listUsers(db: AppDatabase): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as Row[]).map(fromRow);
}

export function countUsers(db: AppDatabase): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

const notFound = (username: string): UserResult => ({ ok: false, reason: 'not-found', message: `There is no user ${username}.` });

export async function addUser(db: AppDatabase, user: { username: string; role: Role; password: string }, now: Date): Promise<UserResult> {
  const name = checkUsername(user.username);
  if (!name.ok) return { ok: false, reason: 'invalid', message: name.message };
  const password = checkNewPassword(user.password);
  if (!password.ok) return { ok: false, reason: 'invalid', message: password.message };
  if (row(db, user.username)) return { ok: false, reason: 'exists', message: `There is already a user ${user.username}.` };
  const hash = await hashPassword(user.password);
  const at = now.toISOString();
  // The await above lets another writer in: the primary key decides, and the answer says so.
  const info = db.prepare('INSERT OR IGNORE INTO users (username, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(user.username, user.role, hash, at, at);
  if (info.changes === 0) return { ok: false, reason: 'exists', message: `There is already a user ${user.username}.` };
  return { ok: true, user: { username: user.username, role: user.role, createdAt: at, updatedAt: at } };
}

/** Removes the user; their sessions go with them (ON DELETE CASCADE). */
export function removeUser(db: AppDatabase, username: string): UserResult {
  const found = row(db, username);
  if (!found) return notFound(username);
  db.prepare('DELETE FROM users WHERE username = ?').run(username);
  return { ok: true, user: fromRow(found) };
}

/** Sets a new password and ends the user's sessions: a password change is how one evicts a thief. */
export async function setPassword(db: AppDatabase, username: string, password: string, now: Date): Promise<UserResult> {
  const check = checkNewPassword(password);
  if (!check.ok) return { ok: false, reason: 'invalid', message: check.message };
  if (!row(db, username)) return notFound(username);
  const hash = await hashPassword(password);
  const at = now.toISOString();
  const changed = db.transaction(() => {
    const info = db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?').run(hash, at, username);
    db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
    return info.changes;
  })();
  const found = row(db, username);
  return changed && found ? { ok: true, user: fromRow(found) } : notFound(username);
}

export function setRole(db: AppDatabase, username: string, role: Role, now: Date): UserResult {
  const info = db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE username = ?').run(role, now.toISOString(), username);
  const found = row(db, username);
  return info.changes && found ? { ok: true, user: fromRow(found) } : notFound(username);
}

export async function verifyCredentials(db: AppDatabase, username: string, password: string): Promise<Credentials> {
  const found = row(db, username);
  // An unknown name costs the same scrypt work as a known one: timing tells nothing.
  const hash = found?.password_hash ?? (await dummyHash());
  const match = await verifyPassword(password, hash);
  if (found && match) return { ok: true, user: fromRow(found) };
  return { ok: false, reason: 'wrong', message: WRONG_CREDENTIALS };
}
