/**
 * Huntboard's HTTP server (`npm start` → scripts/start.mjs → scripts/serve.mjs → here): Next.js
 * behind a plain node:http server, so that one process decides who may connect and where it
 * listens, together and once:
 * - the access decision (lib/auth/access.ts) is made from the settings and the accounts at start,
 *   published for the whole process (server-access.ts), and the listening address follows from it —
 *   no launcher and server to disagree, no recount per request;
 * - every request loses any client-sent PEER_HEADER and gets the socket's address in it, which is
 *   what the sign-in limits key on (Next.js route handlers never see the socket);
 * - in single-user mode, requests from another machine or addressed to another host name are
 *   answered 421 before Next.js sees them (loopback-guard.ts).
 */
import 'server-only';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decideFromEnv, type AccessDecision } from '../../auth/access';
import { publishAccess } from '../../auth/server-access';
import { countUsers } from '../../auth/users';
import { openAppState } from '../../appstate/db';
import { serverDataDir } from './app-state';
import { loopbackRefusal, MISDIRECTED } from '../http/loopback-guard';
import { PEER_HEADER } from '../http/peer';

/** For scripts/serve.mjs, which loads only this module. */
export { cannotStart } from '../../auth/access';

type Env = Record<string, string | undefined>;
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export interface NextApp {
  prepare(): Promise<void>;
  getRequestHandler(): Handler;
}
export type CreateNext = (options: { dev: false; dir: string; hostname: string; port: number }) => NextApp;

export type StartResult = { ok: true; server: http.Server; access: AccessDecision; url: string } | { ok: false; errors: string[] };

/** The client cannot speak for the socket: its copy of the peer header goes, ours replaces it. */
export function setPeer(req: http.IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === PEER_HEADER) raw.splice(i, 2);
  const address = req.socket.remoteAddress;
  if (address) {
    req.headers[PEER_HEADER] = address;
    raw.push(PEER_HEADER, address);
  }
}

export function huntboardHandler(access: AccessDecision, handle: Handler): http.RequestListener {
  return (req, res) => {
    setPeer(req);
    if (access.mode.kind === 'single-user') {
      const refusal = loopbackRefusal({ host: req.headers.host, peer: req.socket.remoteAddress, path: req.url ?? '/', port: access.port });
      if (refusal !== undefined) {
        res.writeHead(MISDIRECTED, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(`${refusal}\n`);
        return;
      }
    }
    handle(req, res).catch((e: unknown) => {
      console.error('huntboard: request failed:', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
}

function accountsAtStart(env: Env): number {
  const db = openAppState(serverDataDir(env));
  try {
    return countUsers(db);
  } finally {
    db.close();
  }
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Decides, prepares Next.js, listens. Settings errors come back as data: the entry prints them and exits. */
export async function startServer(options: { env: Env; root: string; createNext: CreateNext; log?: (line: string) => void; warn?: (line: string) => void }): Promise<StartResult> {
  const { env, root, createNext, log = console.log, warn = console.error } = options;
  const decided = decideFromEnv(env, () => accountsAtStart(env), { peerHeader: true });
  if (!decided.ok) return { ok: false, errors: decided.errors };
  const access = publishAccess(decided.access);
  const app = createNext({ dev: false, dir: root, hostname: access.host, port: access.port });
  await app.prepare();
  const server = http.createServer(huntboardHandler(access, app.getRequestHandler()));
  const bound = await listen(server, access.port, access.host);
  const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  const url = `http://${shown}:${bound.port}`;
  log(`Huntboard on ${url}`);
  for (const line of access.notices) log(line);
  for (const line of access.warnings) warn(line);
  return { ok: true, server, access, url };
}
