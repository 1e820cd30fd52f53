import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identify } from './identify';
import { modeFor, type AuthMode } from './mode';
import { createSession } from './sessions';
import { readAuthSettings } from './settings';
import { authTestDb } from './testing/db';
import { addUser, countUsers } from './users';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const SECRET = 's3cret-shared-with-proxy';
const PROXY = { HUNTBOARD_AUTH_PROXY_HEADER: 'X-Forwarded-User', HUNTBOARD_AUTH_PROXY_SECRET: SECRET };
const FROM_PROXY = { 'x-huntboard-proxy-secret': SECRET };

describe('auth mode and identify', () => {
  let state: ReturnType<typeof authTestDb>;
  beforeEach(() => {
    state = authTestDb();
  });
  afterEach(() => state.dispose());
  const addAna = () => addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);
  /** The mode a server starting now would take. */
  const modeOf = (env: Record<string, string>): AuthMode => {
    const settings = readAuthSettings(env);
    if (!settings.ok) throw new Error(settings.errors.join(' '));
    return modeFor(settings.settings, countUsers(state.db));
  };

  it('is single-user with no users and no proxy: everyone is the local lead', () => {
    expect(modeOf({})).toEqual({ kind: 'single-user', username: 'local analyst' });
    expect(identify(new Headers(), state.db, modeOf({}), NOW)).toEqual({ kind: 'user', username: 'local analyst', role: 'lead', via: 'single-user' });
    expect(identify(new Headers(), state.db, modeOf({ HUNTBOARD_USER: ' alice ' }), NOW)).toMatchObject({ username: 'alice', role: 'lead' });
  });

  it('is single-user with no account, whatever a request claims', () => {
    expect(identify(new Headers({ 'x-forwarded-user': 'eve', cookie: 'huntboard_session=forged' }), state.db, modeOf({}), NOW)).toMatchObject({ via: 'single-user', role: 'lead' });
  });

  it('uses accounts once a user exists at start: the session cookie, else anonymous', async () => {
    await addAna();
    expect(modeOf({})).toEqual({ kind: 'accounts' });
    const mode = modeOf({ HUNTBOARD_USER: 'alice' });
    const { token } = createSession(state.db, 'ana', NOW);
    expect(identify(new Headers({ cookie: `theme=dark; huntboard_session=${token}` }), state.db, mode, NOW)).toEqual({ kind: 'user', username: 'ana', role: 'analyst', via: 'session' });
    expect(identify(new Headers({ cookie: `huntboard_session=${'A'.repeat(43)}` }), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers(), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers({ 'x-forwarded-user': 'ana' }), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
  });

  it('stays in accounts mode when the last account is removed while it runs: nobody, not everybody', async () => {
    await addAna();
    const mode = modeOf({});
    state.db.prepare('DELETE FROM users').run();
    expect(countUsers(state.db)).toBe(0);
    expect(identify(new Headers(), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
  });

  it('trusts a proxy header, with roles from the users table else the default role', async () => {
    await addAna();
    expect(modeOf(PROXY)).toEqual({ kind: 'proxy', header: 'x-forwarded-user', secret: SECRET, defaultRole: 'viewer' });
    const mode = modeOf(PROXY);
    expect(identify(new Headers({ ...FROM_PROXY, 'x-forwarded-user': 'ANA' }), state.db, mode, NOW)).toEqual({ kind: 'user', username: 'ana', role: 'analyst', via: 'proxy' });
    expect(identify(new Headers({ ...FROM_PROXY, 'x-forwarded-user': 'bob@corp' }), state.db, mode, NOW)).toEqual({ kind: 'user', username: 'bob@corp', role: 'viewer', via: 'proxy' });
    const analysts = modeOf({ ...PROXY, HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE: 'Analyst' });
    expect(identify(new Headers({ ...FROM_PROXY, 'x-forwarded-user': 'bob@corp' }), state.db, analysts, NOW)).toMatchObject({ role: 'analyst' });
    // No header, an empty one or one with control/bidi characters: nobody.
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    expect(identify(new Headers({ ...FROM_PROXY, 'x-forwarded-user': utf8('josé') }), state.db, mode, NOW)).toMatchObject({ username: 'josé' });
    for (const value of [undefined, '   ', utf8('eve\u202egnp'), 'bad\u00ff', 'x'.repeat(201)]) {
      expect(identify(new Headers(value === undefined ? FROM_PROXY : { ...FROM_PROXY, 'x-forwarded-user': value }), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
    }
    // A session cookie means nothing behind a proxy.
    const { token } = createSession(state.db, 'ana', NOW);
    expect(identify(new Headers({ cookie: `huntboard_session=${token}` }), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
  });

  it('with a proxy secret, ignores a forged header that lacks the secret', () => {
    const mode = modeOf(PROXY);
    expect(identify(new Headers({ 'x-forwarded-user': 'mallory' }), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers({ 'x-forwarded-user': 'mallory', 'x-huntboard-proxy-secret': 'guess' }), state.db, mode, NOW)).toEqual({ kind: 'anonymous' });
    expect(identify(new Headers({ 'x-forwarded-user': 'bob', ...FROM_PROXY }), state.db, mode, NOW)).toEqual({ kind: 'user', username: 'bob', role: 'viewer', via: 'proxy' });
  });

  it('trusts the header alone only when the operator opted out of the secret explicitly', () => {
    const mode = modeOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_INSECURE: '1' });
    expect(mode).toEqual({ kind: 'proxy', header: 'x-forwarded-user', secret: undefined, defaultRole: 'viewer' });
    expect(identify(new Headers({ 'x-forwarded-user': 'bob' }), state.db, mode, NOW)).toMatchObject({ username: 'bob', via: 'proxy' });
  });
});
