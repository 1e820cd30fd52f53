import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import { MIGRATIONS } from '../../appstate/migrations';
import { verifyCredentials } from '../../auth/users';
import { main } from '../main';
import { FIRST_ACCOUNT, LAST_ACCOUNT } from './users';
import { testIo } from '../testing/io';

const NOW = '2026-01-08T12:00:00.000Z';

describe('huntboard users', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-users-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (argv: string[], stdin = '') => {
    const io = testIo({ env: { HUNTBOARD_DATA_DIR: dir, HUNTBOARD_NOW: NOW }, stdin });
    const code = await main(['users', ...argv], io);
    return { code, out: io.out(), err: io.err() };
  };
  const check = async (username: string, password: string) => {
    const db = openAppState(dir, MIGRATIONS);
    try {
      return await verifyCredentials(db, username, password);
    } finally {
      db.close();
    }
  };

  it('adds users with the password from stdin and lists them', async () => {
    expect(await run(['list'])).toMatchObject({ code: 0, out: expect.stringContaining('No users: Huntboard starts in local single-user mode.') });
    expect(await run(['add', 'ana', '--role', 'analyst'], 'correct horse battery\r\nignored second line\n')).toEqual({ code: 0, out: `Added ana (analyst). ${FIRST_ACCOUNT}\n`, err: '' });
    expect(await run(['add', 'lee', '--role', 'lead', '--password-stdin'], 'another long passphrase')).toMatchObject({ code: 0 });
    const listed = await run(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^\s*name\s*\|\s*role\s*\|\s*created/);
    expect(listed.out).toMatch(/ana\s*\|analyst\s*\|2026-01-08T12:00:00.000Z/);
    expect(listed.out).toMatch(/lee\s*\|lead\s*\|/);
    expect(listed.out).not.toContain('correct horse');
    expect(await check('ana', 'correct horse battery')).toMatchObject({ ok: true });
  });

  it('refuses bad input: short password, duplicate, unknown role, no stdin, password in argv', async () => {
    expect(await run(['add', 'ana', '--role', 'analyst'], 'short\n')).toEqual({ code: 1, out: '', err: 'A password needs at least 10 characters.\n' });
    await run(['add', 'ana', '--role', 'analyst'], 'correct horse battery\n');
    expect(await run(['add', 'ANA', '--role', 'lead'], 'correct horse battery\n')).toMatchObject({ code: 1, err: 'There is already a user ANA.\n' });
    expect(await run(['add', 'bob', '--role', 'root'], 'correct horse battery\n')).toMatchObject({ code: 2, err: expect.stringContaining('the role must be one of viewer, analyst, lead') });
    expect(await run(['add', 'bob'], 'correct horse battery\n')).toMatchObject({ code: 2 });
    expect(await run(['add', 'bob', '--role', 'viewer'], '')).toMatchObject({ code: 2, err: expect.stringContaining('reads the password from stdin') });
    expect(await run(['add', 'bob', '--role', 'viewer', '--password', 'correct horse battery'])).toMatchObject({ code: 2 });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown users command [frobnicate]') });
  });

  it('changes passwords and roles, and removes users', async () => {
    await run(['add', 'ana', '--role', 'analyst'], 'correct horse battery\n');
    expect(await run(['passwd', 'ana'], 'a brand new passphrase\n')).toMatchObject({ code: 0, out: expect.stringContaining('Changed the password of ana') });
    expect(await check('ana', 'correct horse battery')).toMatchObject({ ok: false });
    expect(await check('ana', 'a brand new passphrase')).toMatchObject({ ok: true, user: { role: 'analyst' } });
    expect(await run(['passwd', 'nobody'], 'a brand new passphrase\n')).toMatchObject({ code: 1, err: 'There is no user nobody.\n' });
    expect(await run(['role', 'ana', 'lead'])).toEqual({ code: 0, out: 'ana is now lead.\n', err: '' });
    expect(await check('ana', 'a brand new passphrase')).toMatchObject({ ok: true, user: { role: 'lead' } });
    expect(await run(['role', 'ana', 'admin'])).toMatchObject({ code: 2 });
    // The server's mode is fixed at its start: removing the last account does not open a running one.
    expect(await run(['remove', 'ana'])).toMatchObject({ code: 0, out: `Removed ana. ${LAST_ACCOUNT}\n` });
    expect(LAST_ACCOUNT).toContain('the running server stays in accounts mode until restarted');
    expect(await run(['remove', 'ana'])).toMatchObject({ code: 1, err: 'There is no user ana.\n' });
  });

  it('prints its usage', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('users add NAME --role') });
    const io = testIo();
    expect(await main(['help', 'users'], io)).toBe(0);
    expect(io.out()).toContain('never taken from the command line');
  });
});
