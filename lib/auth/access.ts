/**
 * The access decision of one server process: the mode (mode.ts) and, following from it, the
 * address to listen on. Made once at start from the settings and the number of accounts then;
 * pure, so the server entry (lib/server/process/serve.ts), the Next.js process fallback and the tests all
 * decide the same way.
 */
import 'server-only';
import { modeFor, type AuthMode } from './mode';
import { readAuthSettings, type AuthSettings } from './settings';

export interface AccessDecision {
  mode: AuthMode;
  /** The address the server listens on (single-user: always a loopback address). */
  host: string;
  port: number;
  /** HUNTBOARD_TRUST_PROXY=1: the last X-Forwarded-For entry names the client. */
  trustProxy: boolean;
  /**
   * True when Huntboard's own HTTP server is in front (lib/server/process/serve.ts): it strips the peer
   * header from incoming requests and sets it from the socket, so that header can be believed.
   */
  peerHeader: boolean;
  /** Said on stderr at start and, for `banner`, shown to every user in the page header. */
  warnings: string[];
  banner: string | undefined;
  /** Said on stdout at start. */
  notices: string[];
}

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;

export const INSECURE_PROXY_BANNER =
  'Insecure sign-on: Huntboard trusts the user header of every request (HUNTBOARD_AUTH_PROXY_INSECURE=1, no HUNTBOARD_AUTH_PROXY_SECRET). Anyone who can reach this server directly can be any user.';

function hostFor(mode: AuthMode, settings: AuthSettings, notices: string[]): string {
  if (mode.kind !== 'single-user') return settings.host ?? '0.0.0.0';
  if (settings.host !== undefined && (LOOPBACK_HOSTS as readonly string[]).includes(settings.host)) return settings.host;
  if (settings.host !== undefined) notices.push(`HUNTBOARD_HOST=${settings.host} ignored: no account is configured (add one with \`huntboard users add NAME --role lead\`, then restart).`);
  return '127.0.0.1';
}

export function decideAccess(settings: AuthSettings, accountCount: number, options: { peerHeader: boolean }): AccessDecision {
  const mode = modeFor(settings, accountCount);
  const notices: string[] = [];
  const warnings: string[] = [];
  const host = hostFor(mode, settings, notices);
  let banner: string | undefined;
  if (mode.kind === 'single-user') {
    notices.push(`Local single-user mode: listening on ${host} only; every visitor is the local lead (${mode.username}). Add accounts with \`huntboard users add\`, then restart.`);
  } else if (mode.kind === 'accounts') {
    notices.push(`Accounts: sign in at /signin. This mode holds until restart, whatever \`huntboard users\` changes meanwhile.`);
  } else {
    notices.push(`Single sign-on through the ${mode.header} header of the reverse proxy.`);
    if (mode.secret === undefined) {
      banner = INSECURE_PROXY_BANNER;
      warnings.push(`!!! WARNING: ${INSECURE_PROXY_BANNER} Set HUNTBOARD_AUTH_PROXY_SECRET and have the proxy send it in x-huntboard-proxy-secret. !!!`);
    }
  }
  if (!options.peerHeader && mode.kind !== 'proxy' && !settings.trustProxy) {
    warnings.push('Not started by `npm start` (scripts/serve.mjs): the client address is unknown, so sign-in limits are per name and server-wide only, and the loopback check of single-user mode looks at the Host header alone.');
  }
  return { mode, host, port: settings.port, trustProxy: settings.trustProxy, peerHeader: options.peerHeader, warnings, banner, notices };
}

export type DecidedAccess = { ok: true; access: AccessDecision } | { ok: false; errors: string[] };

/** The settings read from `env`, then the decision; accounts are counted only when the settings hold. */
export function decideFromEnv(env: Record<string, string | undefined>, accountCount: () => number, options: { peerHeader: boolean }): DecidedAccess {
  const settings = readAuthSettings(env);
  if (!settings.ok) return { ok: false, errors: settings.errors };
  return { ok: true, access: decideAccess(settings.settings, accountCount(), options) };
}

/** What the server prints when the settings keep it from starting. */
export function cannotStart(errors: readonly string[]): string {
  return `Huntboard cannot start:\n${errors.map((e) => `  - ${e}`).join('\n')}`;
}
