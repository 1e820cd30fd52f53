import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../appstate/database';
import { createSession, sessionUser } from './sessions';
import { authTestDb } from './testing/db';
import { addUser, countUsers, getUser, listUsers, removeUser, setPassword, setRole, verifyCredentials, WRONG_CREDENTIALS } from './users';

const T0 = new Date('2026-01-08T12:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PW = 'correct horse battery';

describe('users', () => {
  let state: ReturnType<typeof authTestDb>;
  let db: AppDatabase;
  beforeEach(() => {
    state = authTestDb();
    db = state.db;
  });
  afterEach(() => state.dispose());

  it('adds, lists, changes the role of and removes users, errors as data', async () => {
    expect(countUsers(db)).toBe(0);
    expect(await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0)).toMatchObject({ ok: true, user: { username: 'ana', role: 'analyst', createdAt: T0.toISOString() } });
    expect(await addUser(db, { username: 'ANA', role: 'lead', password: PW }, T0)).toMatchObject({ ok: false, reason: 'exists' });
    expect(await addUser(db, { username: 'bob', role: 'viewer', password: 'short' }, T0)).toMatchObject({ ok: false, reason: 'invalid', message: 'A password needs at least 10 characters.' });
    expect(await addUser(db, { username: '=cmd|x', role: 'viewer', password: PW }, T0)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await addUser(db, { username: 'lee', role: 'lead', password: PW }, T0)).toMatchObject({ ok: true });
    expect(listUsers(db).map((u) => [u.username, u.role])).toEqual([['ana', 'analyst'], ['lee', 'lead']]);
    expect(setRole(db, 'Ana', 'viewer', at(1))).toMatchObject({ ok: true, user: { username: 'ana', role: 'viewer', updatedAt: at(1).toISOString() } });
    expect(setRole(db, 'nobody', 'viewer', at(1))).toMatchObject({ ok: false, reason: 'not-found' });
    expect(removeUser(db, 'lee')).toMatchObject({ ok: true, user: { username: 'lee' } });
    expect(removeUser(db, 'lee')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(getUser(db, 'ANA')?.username).toBe('ana');
  });

  it('verifies credentials case-insensitively on the name, exactly on the password', async () => {
    await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0);
    expect(await verifyCredentials(db, 'Ana', PW)).toMatchObject({ ok: true, user: { username: 'ana', role: 'analyst' } });
    expect(await verifyCredentials(db, 'ana', PW.toUpperCase())).toEqual({ ok: false, reason: 'wrong', message: WRONG_CREDENTIALS });
    expect(await verifyCredentials(db, 'nobody', PW)).toEqual({ ok: false, reason: 'wrong', message: WRONG_CREDENTIALS });
  });

  it('checks the password only: limits and lockouts live in the sign-in route, per source', async () => {
    await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0);
    for (let i = 0; i < 8; i++) expect(await verifyCredentials(db, 'ana', 'wrong password')).toMatchObject({ reason: 'wrong' });
    expect(await verifyCredentials(db, 'ana', PW)).toMatchObject({ ok: true });
  });

  it('ends the sessions of a user whose password changes or who is removed', async () => {
    await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0);
    const first = createSession(db, 'ana', T0);
    expect(await setPassword(db, 'ana', 'another long passphrase', at(1))).toMatchObject({ ok: true });
    expect(sessionUser(db, first.token, at(2))).toBeUndefined();
    expect(await verifyCredentials(db, 'ana', PW)).toMatchObject({ reason: 'wrong' });
    expect(await verifyCredentials(db, 'ana', 'another long passphrase')).toMatchObject({ ok: true });
    expect(await setPassword(db, 'ana', 'short', at(2))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await setPassword(db, 'nobody', 'long enough password', at(2))).toMatchObject({ ok: false, reason: 'not-found' });
    const second = createSession(db, 'ana', at(3));
    removeUser(db, 'ana');
    expect(sessionUser(db, second.token, at(4))).toBeUndefined();
    expect((db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n).toBe(0);
  });
});
