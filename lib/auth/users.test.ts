import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../appstate/db';
import { createSession, sessionUser } from './sessions';
import { authTestDb } from './test-db';
import { addUser, countUsers, getUser, listUsers, LOCKED_OUT, lockedFor, removeUser, setPassword, setRole, verifyCredentials, WRONG_CREDENTIALS } from './users';

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
    expect(await verifyCredentials(db, 'Ana', PW, T0)).toMatchObject({ ok: true, user: { username: 'ana', role: 'analyst' } });
    expect(await verifyCredentials(db, 'ana', PW.toUpperCase(), T0)).toEqual({ ok: false, reason: 'wrong', message: WRONG_CREDENTIALS });
    expect(await verifyCredentials(db, 'nobody', PW, T0)).toEqual({ ok: false, reason: 'wrong', message: WRONG_CREDENTIALS });
  });

  it('locks a name for 15 minutes after 5 failures within 15 minutes, known or unknown alike', async () => {
    await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0);
    for (const name of ['ana', 'ghost']) {
      for (let i = 0; i < 4; i++) expect(await verifyCredentials(db, name, 'wrong password', at(i))).toMatchObject({ reason: 'wrong' });
      expect(await verifyCredentials(db, name, 'wrong password', at(4))).toEqual({ ok: false, reason: 'locked', message: LOCKED_OUT, retryAfterSeconds: 900 });
      // Even the right password is refused while locked.
      expect(await verifyCredentials(db, name, PW, at(10))).toEqual({ ok: false, reason: 'locked', message: LOCKED_OUT, retryAfterSeconds: 540 });
      expect(lockedFor(db, name.toUpperCase(), at(18.5))).toBe(30);
    }
    expect(await verifyCredentials(db, 'ana', PW, at(19))).toMatchObject({ ok: true });
    expect(await verifyCredentials(db, 'ghost', PW, at(19))).toMatchObject({ reason: 'wrong' });
  });

  it('does not lock on failures spread over more than 15 minutes, and a success clears the count', async () => {
    await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0);
    for (const minute of [0, 5, 10, 15, 20, 25, 30]) expect(await verifyCredentials(db, 'ana', 'wrong password', at(minute))).toMatchObject({ reason: 'wrong' });
    for (let i = 0; i < 4; i++) await verifyCredentials(db, 'bob', 'wrong password', at(40 + i));
    await addUser(db, { username: 'bob', role: 'viewer', password: PW }, T0);
    expect(await verifyCredentials(db, 'bob', PW, at(45))).toMatchObject({ ok: true });
    expect(await verifyCredentials(db, 'bob', 'wrong password', at(46))).toMatchObject({ reason: 'wrong' });
  });

  it('ends the sessions of a user whose password changes or who is removed', async () => {
    await addUser(db, { username: 'ana', role: 'analyst', password: PW }, T0);
    const first = createSession(db, 'ana', T0);
    expect(await setPassword(db, 'ana', 'another long passphrase', at(1))).toMatchObject({ ok: true });
    expect(sessionUser(db, first.token, at(2))).toBeUndefined();
    expect(await verifyCredentials(db, 'ana', PW, at(2))).toMatchObject({ reason: 'wrong' });
    expect(await verifyCredentials(db, 'ana', 'another long passphrase', at(2))).toMatchObject({ ok: true });
    expect(await setPassword(db, 'ana', 'short', at(2))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await setPassword(db, 'nobody', 'long enough password', at(2))).toMatchObject({ ok: false, reason: 'not-found' });
    const second = createSession(db, 'ana', at(3));
    removeUser(db, 'ana');
    expect(sessionUser(db, second.token, at(4))).toBeUndefined();
    expect((db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n).toBe(0);
  });
});
