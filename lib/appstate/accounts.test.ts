/** The users and sessions tables, and inTransaction over them: the rows lib/auth builds on. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppState } from './db';
import type { AppDatabase } from './database';
import { deleteExpiredSessions, deleteSession, deleteSessionsOf, insertSession, sessionUserRow } from './sessions';
import { inTransaction } from './transaction';
import { deleteUser, insertUser, updatePasswordHash, updateRole, userCount, userRow, userRows, type UserRow } from './users';

let dir: string;
let db: AppDatabase;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-accounts-'));
  db = openAppState(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = '2026-01-08T12:00:00.000Z';
const T1 = '2026-01-08T13:00:00.000Z';
const T2 = '2026-01-08T14:00:00.000Z';
const user = (username: string, role = 'analyst'): UserRow => ({ username, role, passwordHash: `hash-of-${username}`, createdAt: T0, updatedAt: T0 });
const session = (tokenHash: string, username: string, expiresAt = T2) => ({ tokenHash, username, createdAt: T0, expiresAt });

describe('users', () => {
  it('inserts once per name, case-insensitively, and reads rows back as stored', () => {
    expect(insertUser(db, user('ana'))).toBe(true);
    expect(insertUser(db, user('ANA', 'lead'))).toBe(false);
    expect(insertUser(db, user('bo', 'viewer'))).toBe(true);
    expect(userRow(db, 'Ana')).toEqual(user('ana'));
    expect(userRows(db).map((u) => u.username)).toEqual(['ana', 'bo']);
    expect(userCount(db)).toBe(2);
  });

  it('updates the role and the hash with their time, and says when there was no such user', () => {
    insertUser(db, user('ana'));
    expect(updateRole(db, 'ana', 'lead', T1)).toBe(true);
    expect(updatePasswordHash(db, 'ana', 'new-hash', T2)).toBe(true);
    expect(userRow(db, 'ana')).toMatchObject({ role: 'lead', passwordHash: 'new-hash', updatedAt: T2 });
    expect(updateRole(db, 'nobody', 'lead', T1)).toBe(false);
    expect(updatePasswordHash(db, 'nobody', 'x', T1)).toBe(false);
    expect(deleteUser(db, 'nobody')).toBe(false);
  });

  it('refuses a role the schema does not know, writing nothing', () => {
    expect(insertUser(db, user('eve', 'root'))).toBe(false);
    expect(userRow(db, 'eve')).toBeUndefined();
  });
});

describe('sessions', () => {
  beforeEach(() => {
    insertUser(db, user('ana'));
    insertUser(db, user('bo', 'viewer'));
  });

  it('finds the user of a live session with their role as stored now; not once it expired', () => {
    insertSession(db, session('h1', 'ana'));
    expect(sessionUserRow(db, 'h1', T1)).toEqual({ username: 'ana', role: 'analyst' });
    updateRole(db, 'ana', 'lead', T1);
    expect(sessionUserRow(db, 'h1', T1)).toEqual({ username: 'ana', role: 'lead' });
    expect(sessionUserRow(db, 'h1', T2)).toBeUndefined();
    expect(sessionUserRow(db, 'unknown', T1)).toBeUndefined();
  });

  it('deletes one session, a user’s, the expired ones, and a deleted user’s by cascade', () => {
    insertSession(db, session('h1', 'ana'));
    insertSession(db, session('h2', 'ana', T1));
    insertSession(db, session('h3', 'bo'));
    insertSession(db, session('h4', 'bo'));
    expect(deleteExpiredSessions(db, T1)).toBe(1);
    expect(deleteSession(db, 'h1')).toBe(true);
    expect(deleteSession(db, 'h1')).toBe(false);
    insertSession(db, session('h5', 'ana'));
    expect(deleteSessionsOf(db, 'ANA')).toBe(1);
    expect(deleteUser(db, 'bo')).toBe(true);
    expect(sessionUserRow(db, 'h3', T0)).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });
});

describe('inTransaction', () => {
  beforeEach(() => {
    insertUser(db, user('ana'));
    insertSession(db, session('h1', 'ana'));
  });

  it('returns what the function returns, deferred or immediate', () => {
    expect(inTransaction(db, () => updatePasswordHash(db, 'ana', 'h', T1))).toBe(true);
    expect(inTransaction(db, () => deleteSessionsOf(db, 'ana'), 'immediate')).toBe(1);
  });

  it('undoes every write when the function throws', () => {
    expect(() =>
      inTransaction(db, () => {
        updatePasswordHash(db, 'ana', 'half-done', T1);
        deleteSessionsOf(db, 'ana');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(userRow(db, 'ana')?.passwordHash).toBe('hash-of-ana');
    expect(sessionUserRow(db, 'h1', T0)).toEqual({ username: 'ana', role: 'analyst' });
  });

  it('nests: an inner failure caught inside undoes only the inner writes', () => {
    inTransaction(db, () => {
      updateRole(db, 'ana', 'lead', T1);
      try {
        inTransaction(db, () => {
          deleteSessionsOf(db, 'ana');
          throw new Error('inner');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(userRow(db, 'ana')?.role).toBe('lead');
    expect(sessionUserRow(db, 'h1', T0)).toBeDefined();
  });
});
