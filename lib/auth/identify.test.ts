import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identify } from './identify';
import { authMode } from './mode';
import { createSession } from './sessions';
import { authTestDb } from './test-db';
import { addUser } from './users';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const PROXY = { HUNTBOARD_AUTH_PROXY_HEADER: 'X-Forwarded-User' };

describe('auth mode and identify', () => {
  let state: ReturnType<typeof authTestDb>;
  beforeEach(() => {
    state = authTestDb();
  });
  afterEach(() => state.dispose());
  const addAna = () => addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);

  it('is single-user with no users and no proxy: everyone is the local lead', () => {
    expect(authMode({}, state.db)).toEqual({ kind: 'single-user' });
    expect(identify(new Headers(), state.db, {}, NOW)).toEqual({ kind: 'user', username: 'local analyst', role: 'lead', via: 'single-user' });
    expect(identify(new Headers(), state.db, { HUNTBOARD_USER: ' alice ' }, NOW)).toMatchObject({ username: 'alice', role: 'lead' });
  });

  it('is single-user with no account, whatever a request claims', () => {
    expect(authMode({}, state.db)).toEqual({ kind: 'single-user' });
    expect(identify(new Headers({ 'x-forwarded-user': 'eve', cookie: 'huntboard_session=forged' }), state.db, {}, NOW)).toMatchObject({ via: 'single-user', role: 'lead' });
  });

  it('uses accounts once a user exists: the session cookie, else anonymous', async () => {
    await addAna();
    expect(authMode({}, state.db)).toEqual({ kind: 'accounts' });
    const { token } = createSession(state.db, 'ana', NOW);
    expect(identify(new Headers({ cookie: `theme=dark; huntboard_session=${token}` }), state.db, {}, NOW)).toEqual({ kind: 'user', username: 'ana', role: 'analyst', via: 'session' });
    expect(identify(new Headers({ cookie: `huntboard_session=${'A'.repeat(43)}` }), state.db, {}, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers(), state.db, { HUNTBOARD_USER: 'alice' }, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers({ 'x-forwarded-user': 'ana' }), state.db, {}, NOW)).toEqual({ kind: 'anonymous' });
  });

  it('trusts a proxy header, with roles from the users table else the default role', async () => {
    await addAna();
    expect(authMode(PROXY, state.db)).toEqual({ kind: 'proxy', header: 'x-forwarded-user', defaultRole: 'viewer' });
    expect(identify(new Headers({ 'x-forwarded-user': 'ANA' }), state.db, PROXY, NOW)).toEqual({ kind: 'user', username: 'ana', role: 'analyst', via: 'proxy' });
    expect(identify(new Headers({ 'x-forwarded-user': 'bob@corp' }), state.db, PROXY, NOW)).toEqual({ kind: 'user', username: 'bob@corp', role: 'viewer', via: 'proxy' });
    const env = { ...PROXY, HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE: 'analyst' };
    expect(identify(new Headers({ 'x-forwarded-user': 'bob@corp' }), state.db, env, NOW)).toMatchObject({ role: 'analyst' });
    expect(authMode({ ...PROXY, HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE: 'root' }, state.db)).toMatchObject({ defaultRole: 'viewer' });
    // No header, an empty one or one with control/bidi characters: nobody.
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    expect(identify(new Headers({ 'x-forwarded-user': utf8('josé') }), state.db, PROXY, NOW)).toMatchObject({ username: 'josé' });
    for (const value of [undefined, '   ', utf8('eve\u202egnp'), 'bad\u00ff', 'x'.repeat(201)]) {
      expect(identify(new Headers(value === undefined ? {} : { 'x-forwarded-user': value }), state.db, PROXY, NOW)).toEqual({ kind: 'anonymous' });
    }
    // A session cookie means nothing behind a proxy.
    const { token } = createSession(state.db, 'ana', NOW);
    expect(identify(new Headers({ cookie: `huntboard_session=${token}` }), state.db, PROXY, NOW)).toEqual({ kind: 'anonymous' });
  });

  it('with a proxy secret, ignores a forged header that lacks the secret', () => {
    const env = { ...PROXY, HUNTBOARD_AUTH_PROXY_SECRET: 's3cret-shared-with-proxy' };
    expect(authMode(env, state.db)).toMatchObject({ kind: 'proxy', secret: 's3cret-shared-with-proxy' });
    expect(identify(new Headers({ 'x-forwarded-user': 'mallory' }), state.db, env, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers({ 'x-forwarded-user': 'mallory', 'x-huntboard-proxy-secret': 'guess' }), state.db, env, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers({ 'x-forwarded-user': 'bob', 'x-huntboard-proxy-secret': 's3cret-shared-with-proxy' }), state.db, env, NOW)).toEqual({ kind: 'user', username: 'bob', role: 'viewer', via: 'proxy' });
  });

  it('fails closed on an invalid proxy header name', () => {
    const env = { HUNTBOARD_AUTH_PROXY_HEADER: 'x user' };
    expect(authMode(env, state.db)).toMatchObject({ kind: 'proxy', header: '' });
    expect(identify(new Headers({ 'x-user': 'bob' }), state.db, env, NOW)).toEqual({ kind: 'anonymous' });
  });
});
