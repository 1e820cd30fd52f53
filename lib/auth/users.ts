/**
 * Accounts: who may sign in, with which role. Every function answers with data (a result union),
 * never by throwing, so the CLI and the routes word the refusal themselves. Sign-in limits and the
 * lockout after wrong passwords are per source, in the sign-in route (lockout.ts,
 * lib/server/http/rate-limit.ts): a name is never locked for everyone.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { deleteSessionsOf } from '../appstate/sessions';
import { inTransaction } from '../appstate/transaction';
import { deleteUser, insertUser, updatePasswordHash, updateRole, userCount, userRow, userRows, type UserRow } from '../appstate/users';
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

function fromRow(row: UserRow): User {
  // The CHECK constraint guarantees the role; the guard keeps the type honest.
  return { username: row.username, role: isRole(row.role) ? row.role : 'viewer', createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function getUser(db: AppDatabase, username: string): User | undefined {
  const found = userRow(db, username);
  return found && fromRow(found);
}

export function listUsers(db: AppDatabase): User[] {
  return userRows(db).map(fromRow);
}

export function countUsers(db: AppDatabase): number {
  return userCount(db);
}

const notFound = (username: string): UserResult => ({ ok: false, reason: 'not-found', message: `There is no user ${username}.` });

export async function addUser(db: AppDatabase, user: { username: string; role: Role; password: string }, now: Date): Promise<UserResult> {
  const name = checkUsername(user.username);
  if (!name.ok) return { ok: false, reason: 'invalid', message: name.message };
  const password = checkNewPassword(user.password);
  if (!password.ok) return { ok: false, reason: 'invalid', message: password.message };
  if (userRow(db, user.username)) return { ok: false, reason: 'exists', message: `There is already a user ${user.username}.` };
  const hash = await hashPassword(user.password);
  const at = now.toISOString();
  // The await above lets another writer in: the primary key decides, and the answer says so.
  const inserted = insertUser(db, { username: user.username, role: user.role, passwordHash: hash, createdAt: at, updatedAt: at });
  if (!inserted) return { ok: false, reason: 'exists', message: `There is already a user ${user.username}.` };
  return { ok: true, user: { username: user.username, role: user.role, createdAt: at, updatedAt: at } };
}

/** Removes the user; their sessions go with them (ON DELETE CASCADE). */
export function removeUser(db: AppDatabase, username: string): UserResult {
  const found = userRow(db, username);
  if (!found || !deleteUser(db, username)) return notFound(username);
  return { ok: true, user: fromRow(found) };
}

/** Sets a new password and ends the user's sessions: a password change is how one evicts a thief. */
export async function setPassword(db: AppDatabase, username: string, password: string, now: Date): Promise<UserResult> {
  const check = checkNewPassword(password);
  if (!check.ok) return { ok: false, reason: 'invalid', message: check.message };
  if (!userRow(db, username)) return notFound(username);
  const hash = await hashPassword(password);
  const at = now.toISOString();
  const changed = inTransaction(db, () => {
    const updated = updatePasswordHash(db, username, hash, at);
    deleteSessionsOf(db, username);
    return updated;
  });
  const found = userRow(db, username);
  return changed && found ? { ok: true, user: fromRow(found) } : notFound(username);
}

export function setRole(db: AppDatabase, username: string, role: Role, now: Date): UserResult {
  const changed = updateRole(db, username, role, now.toISOString());
  const found = userRow(db, username);
  return changed && found ? { ok: true, user: fromRow(found) } : notFound(username);
}

export async function verifyCredentials(db: AppDatabase, username: string, password: string): Promise<Credentials> {
  const found = userRow(db, username);
  // An unknown name costs the same scrypt work as a known one: timing tells nothing.
  const hash = found?.passwordHash ?? (await dummyHash());
  const match = await verifyPassword(password, hash);
  if (found && match) return { ok: true, user: fromRow(found) };
  return { ok: false, reason: 'wrong', message: WRONG_CREDENTIALS };
}
