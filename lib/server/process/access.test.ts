/** The process-wide access decision as routes read it under `next dev` / a bare `next start`. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import { publishAccess, resetAccessForTests } from '../../auth/server-access';
import { addUser, removeUser } from '../../auth/users';
import { AccessSettingsError, serverAccess } from './access';
import { authorizeWith } from '../http/authorize';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const saved = { ...process.env };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-access-'));
  process.env = { ...saved, HUNTBOARD_DATA_DIR: dir };
  for (const name of Object.keys(process.env)) if (/^HUNTBOARD_(AUTH_|HOST|TRUST_PROXY|COOKIE_SECURE|USER)/.test(name) || name === 'PORT') delete process.env[name];
  resetAccessForTests();
});
afterEach(() => {
  resetAccessForTests();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('serverAccess', () => {
  it('decides once: accounts added or removed later never change the mode of the running process', async () => {
    const db = openAppState(dir);
    try {
      await addUser(db, { username: 'solo', role: 'lead', password: 'correct horse battery' }, NOW);
      expect(serverAccess().mode).toEqual({ kind: 'accounts' });
      removeUser(db, 'solo');
      // The reported attack: an anonymous sign-off after the last account went. Still nobody.
      expect(serverAccess().mode).toEqual({ kind: 'accounts' });
      expect(authorizeWith(db, new Headers(), 'sign-off', serverAccess().mode, NOW)).toMatchObject({ ok: false });
      resetAccessForTests();
      expect(serverAccess().mode.kind).toBe('single-user');
      await addUser(db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);
      expect(serverAccess().mode.kind).toBe('single-user');
    } finally {
      db.close();
    }
  });

  it('keeps the decision published by Huntboard\'s HTTP server rather than making its own', () => {
    const published = publishAccess({ mode: { kind: 'accounts' }, host: '127.0.0.1', port: 3107, trustProxy: false, peerHeader: true, warnings: [], banner: undefined, notices: [] });
    expect(serverAccess()).toBe(published);
    expect(publishAccess({ ...published, mode: { kind: 'single-user', username: 'x' } })).toBe(published);
  });

  it('refuses to decide on a blank setting', () => {
    process.env.HUNTBOARD_AUTH_PROXY_HEADER = ' ';
    expect(() => serverAccess()).toThrow(AccessSettingsError);
    expect(() => serverAccess()).toThrow('HUNTBOARD_AUTH_PROXY_HEADER is set but blank');
  });
});
