import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../auth/sessions';
import { authTestDb } from '../../auth/testing/db';
import { addUser } from '../../auth/users';
import { currentIdentity, pageUser } from './authorize';

const state = vi.hoisted(() => ({ cookie: '', db: undefined as unknown }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(state.cookie ? { cookie: state.cookie } : {}) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));
vi.mock('../process/app-state', () => ({ serverAppState: () => state.db }));

describe('page identity (server components)', () => {
  const test = authTestDb();
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env = { ...saved, HUNTBOARD_NOW: '2026-01-08T12:00:00.000Z' };
    state.db = test.db;
    await addUser(test.db, { username: 'vic', role: 'viewer', password: 'correct horse battery' }, new Date('2026-01-08T11:00:00.000Z'));
  });
  afterAll(() => {
    process.env = saved;
    test.dispose();
  });

  it('reads the session cookie of the request being rendered', async () => {
    const { token } = createSession(test.db, 'vic', new Date('2026-01-08T11:00:00.000Z'));
    state.cookie = `huntboard_session=${token}`;
    expect(await currentIdentity()).toEqual({ kind: 'user', username: 'vic', role: 'viewer', via: 'session' });
    expect(await pageUser('/runs')).toMatchObject({ username: 'vic' });
  });

  it('sends the anonymous to the sign-in page, coming back afterwards', async () => {
    state.cookie = '';
    expect(await currentIdentity()).toEqual({ kind: 'anonymous' });
    await expect(pageUser('/runs/7')).rejects.toThrow('redirect /signin?next=%2Fruns%2F7');
  });
});
