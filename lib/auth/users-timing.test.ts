import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as password from './password';
import { authTestDb } from './testing/db';
import { addUser, verifyCredentials } from './users';

vi.mock('./password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

describe('no timing oracle on user names', () => {
  let state: ReturnType<typeof authTestDb>;
  beforeEach(() => {
    state = authTestDb();
    vi.mocked(password.verifyPassword).mockClear();
  });
  afterEach(() => state.dispose());

  it('runs scrypt against a dummy hash when the user is unknown, and against the real one otherwise', async () => {
    const now = new Date('2026-01-08T12:00:00.000Z');
    await addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, now);
    await verifyCredentials(state.db, 'ghost', 'correct horse battery');
    await verifyCredentials(state.db, 'ana', 'not her password');
    const calls = vi.mocked(password.verifyPassword).mock.calls;
    expect(calls).toHaveLength(2);
    expect(calls[0][1]).toBe(await password.dummyHash());
    const stored = (state.db.prepare("SELECT password_hash AS h FROM users WHERE username = 'ana'").get() as { h: string }).h;
    expect(calls[1][1]).toBe(stored);
    expect(calls[0][1]).toMatch(/^scrypt\$16384\$8\$1\$/);
  });
});
