/**
 * Local single-user mode answers this machine only. Listening on a loopback address keeps other
 * machines out; the Host check keeps other *sites* out: a page on rebind.attacker.example whose
 * name re-resolves to 127.0.0.1 (DNS rebinding) reaches the loopback port from the victim's own
 * browser, same-origin to itself, with its own CSRF cookie — only its Host header gives it away.
 */
import 'server-only';
import { isLoopbackAddress } from './peer';

export const MISDIRECTED = 421;

const HEALTH = '/api/health';

export interface GuardInput {
  host: string | null | undefined;
  /** The socket's address; undefined when unknown (not behind Huntboard's HTTP server). */
  peer: string | undefined;
  path: string;
  /** The port we listen on; undefined when unknown (then any port of a loopback name passes). */
  port: number | undefined;
}

function loopbackHosts(port: number): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  // Browsers leave out the default port.
  return port === 80 ? [...names, ...names.map((n) => `${n}:80`)] : names.map((n) => `${n}:${port}`);
}

function hostAllowed(host: string, port: number | undefined): boolean {
  const value = host.trim().toLowerCase();
  if (port !== undefined) return loopbackHosts(port).includes(value);
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d{1,5}$/, '');
  return ['127.0.0.1', 'localhost', '[::1]'].includes(name);
}

/** Why a single-user request is refused (the text to answer with), or undefined to serve it. */
export function loopbackRefusal(input: GuardInput): string | undefined {
  if (input.peer !== undefined && !isLoopbackAddress(input.peer)) {
    return 'Huntboard runs in local single-user mode and answers this machine only. Add accounts (`huntboard users add`) and restart to serve others.';
  }
  // The health check reveals nothing, and process managers name the server in many ways.
  if (input.path === HEALTH || input.path.startsWith(`${HEALTH}?`)) return undefined;
  if (input.host && hostAllowed(input.host, input.port)) return undefined;
  const where = input.port !== undefined ? `http://127.0.0.1:${input.port}/ (or localhost, [::1] on that port)` : 'http://127.0.0.1 or http://localhost';
  return `Huntboard runs in local single-user mode and answers only requests addressed to ${where}, not to [${(input.host ?? '').slice(0, 200)}]. Open it by that address.`;
}
