/**
 * Huntboard's HTTP server with a stand-in for Next.js: the decision at start, the listening
 * address that follows it, the peer header and the single-user guard, over real sockets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import { resetAccessForTests } from '../../auth/server-access';
import { addUser, removeUser } from '../../auth/users';
import { serverAccess } from './access';
import { authorizeWith } from '../http/authorize';
import { PEER_HEADER } from '../http/peer';
import { startServer, type CreateNext, type StartResult } from './serve';

const NOW = new Date('2026-01-08T12:00:00.000Z');
let dir: string;
let running: StartResult | undefined;

/** Answers with what a route would see: the mode in force, the peer header, and an anonymous sign-off's fate. */
const fakeNext: CreateNext = () => ({
  prepare: async () => undefined,
  getRequestHandler: () => async (req, res) => {
    const db = openAppState(dir);
    try {
      const signoff = authorizeWith(db, new Headers(), 'sign-off', serverAccess().mode, NOW);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ mode: serverAccess().mode.kind, peer: req.headers[PEER_HEADER], signoff: signoff.ok ? signoff.who.username : signoff.response.status }));
    } finally {
      db.close();
    }
  },
});

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function start(env: Record<string, string> = {}) {
  const lines = { log: [] as string[], warn: [] as string[] };
  const port = await freePort();
  running = await startServer({ env: { HUNTBOARD_DATA_DIR: dir, PORT: String(port), ...env }, root: dir, createNext: fakeNext, log: (l) => lines.log.push(l), warn: (l) => lines.warn.push(l) });
  return { started: running, port, lines };
}

function get(port: number, headers: Record<string, string>, urlPath = '/api/week'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-serve-'));
  resetAccessForTests();
});
afterEach(async () => {
  if (running?.ok) await new Promise((resolve) => (running as Extract<StartResult, { ok: true }>).server.close(resolve));
  running = undefined;
  resetAccessForTests();
  rmSync(dir, { recursive: true, force: true });
});

describe('Huntboard HTTP server', () => {
  it('keeps the mode of its start: removing the last account leaves it in accounts mode, anonymous sign-off refused', async () => {
    const db = openAppState(dir);
    await addUser(db, { username: 'solo', role: 'lead', password: 'correct horse battery' }, NOW);
    const { started, port } = await start({ HUNTBOARD_HOST: '127.0.0.1' });
    expect(started).toMatchObject({ ok: true, access: { mode: { kind: 'accounts' }, host: '127.0.0.1' } });
    removeUser(db, 'solo');
    db.close();
    expect(JSON.parse((await get(port, { host: `127.0.0.1:${port}` })).body)).toMatchObject({ mode: 'accounts', signoff: 401 });
  });

  it('in single-user mode listens on 127.0.0.1 whatever HUNTBOARD_HOST says, and adding an account later changes nothing', async () => {
    const { started, port, lines } = await start({ HUNTBOARD_HOST: '0.0.0.0' });
    expect(started).toMatchObject({ ok: true, access: { mode: { kind: 'single-user' }, host: '127.0.0.1' }, url: `http://127.0.0.1:${port}` });
    expect(lines.log.join('\n')).toContain('HUNTBOARD_HOST=0.0.0.0 ignored');
    const db = openAppState(dir);
    await addUser(db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);
    db.close();
    expect(JSON.parse((await get(port, { host: `127.0.0.1:${port}` })).body)).toMatchObject({ mode: 'single-user', signoff: 'local analyst' });
  });

  it('in single-user mode answers only requests addressed to its loopback address (DNS rebinding gets 421)', async () => {
    const { port } = await start();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect((await get(port, { host })).status, host).toBe(200);
    for (const host of ['rebind.attacker.example', `rebind.attacker.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `10.0.0.5:${port}`]) {
      const refused = await get(port, { host, origin: `http://${host}`, cookie: 'huntboard_csrf=attacker-own-token-0123456789' });
      expect(refused.status, host).toBe(421);
      expect(refused.body).toContain('local single-user mode');
    }
    // Health checks name the server in many ways and learn nothing.
    expect((await get(port, { host: 'whatever.example' }, '/api/health')).status).toBe(200);
  });

  it('replaces a client-sent peer header with the socket\'s address', async () => {
    const { port } = await start();
    const seen = JSON.parse((await get(port, { host: `127.0.0.1:${port}`, [PEER_HEADER]: '203.0.113.7' })).body);
    expect(seen.peer).toBe('127.0.0.1');
  });

  it('refuses to start on a blank or unsafe setting, naming the variable, before Next.js is even created', async () => {
    let created = 0;
    const counting: CreateNext = (options) => {
      created++;
      return fakeNext(options);
    };
    for (const [env, message] of [
      [{ HUNTBOARD_AUTH_PROXY_HEADER: ' ' }, 'HUNTBOARD_AUTH_PROXY_HEADER is set but blank'],
      [{ HUNTBOARD_HOST: '' }, 'HUNTBOARD_HOST is set but blank'],
      [{ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user' }, 'HUNTBOARD_AUTH_PROXY_HEADER is set without HUNTBOARD_AUTH_PROXY_SECRET'],
      [{ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: '   ' }, 'HUNTBOARD_AUTH_PROXY_SECRET is set but blank'],
    ] as const) {
      const result = await startServer({ env: { HUNTBOARD_DATA_DIR: dir, ...env }, root: dir, createNext: counting, log: () => undefined, warn: () => undefined });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join('\n')).toContain(message);
    }
    expect(created).toBe(0);
  });

  it('starts a proxy without a secret only on the explicit opt-out, and then warns on stderr', async () => {
    const { started, lines } = await start({ HUNTBOARD_HOST: '127.0.0.1', HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_INSECURE: '1' });
    expect(started).toMatchObject({ ok: true, access: { mode: { kind: 'proxy', secret: undefined }, banner: expect.stringContaining('Insecure sign-on') } });
    expect(lines.warn).toEqual([expect.stringMatching(/^!!! WARNING: Insecure sign-on/)]);
  });
});
