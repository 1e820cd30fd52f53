/**
 * The users table: who may sign in, their role and scrypt hash. Rows as stored; lib/auth decides
 * what a name, a password or a role may be and words the refusals.
 */
import 'server-only';
import type { AppDatabase } from './database';

export interface UserRow {
  username: string;
  /** As stored: the column's CHECK admits lib/auth's roles only; lib/auth narrows the type. */
  role: string;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'username, role, password_hash, created_at, updated_at';

const fromRow = (r: Row): UserRow => ({ username: r.username, role: r.role, passwordHash: r.password_hash, createdAt: r.created_at, updatedAt: r.updated_at });

/** The user of that name (names compare case-insensitively: the column is COLLATE NOCASE). */
export function userRow(db: AppDatabase, username: string): UserRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`).get(username) as Row | undefined;
  return row && fromRow(row);
}

/** Every user, by name. */
export function userRows(db: AppDatabase): UserRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`).all() as Row[]).map(fromRow);
}

export function userCount(db: AppDatabase): number {
  return db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
}

/**
 * Inserts the user; false when the name is taken (the primary key decides, so a racing writer loses
 * cleanly). OR IGNORE also skips a row breaking the role's CHECK: false too, nothing written.
 */
export function insertUser(db: AppDatabase, user: UserRow): boolean {
  return db.prepare(`INSERT OR IGNORE INTO users (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(user.username, user.role, user.passwordHash, user.createdAt, user.updatedAt).changes === 1;
}

/** Deletes the user; their sessions go with them (ON DELETE CASCADE). False when there was none. */
export function deleteUser(db: AppDatabase, username: string): boolean {
  return db.prepare('DELETE FROM users WHERE username = ?').run(username).changes === 1;
}

export function updatePasswordHash(db: AppDatabase, username: string, passwordHash: string, at: string): boolean {
  return db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?').run(passwordHash, at, username).changes === 1;
}

export function updateRole(db: AppDatabase, username: string, role: string, at: string): boolean {
  return db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE username = ?').run(role, at, username).changes === 1;
}
