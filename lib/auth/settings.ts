/**
 * The environment variables that decide who may connect and where the server listens, read and
 * checked once at start. A variable that is set must mean something: a blank or malformed value
 * is an error naming the variable, never "unset" — `HUNTBOARD_AUTH_PROXY_HEADER=" "` once meant
 * "no proxy", which made an exposed server single-user for anyone.
 */
import 'server-only';
import { isIP } from 'node:net';
import { isRole, ROLES, type Role } from './roles';

type Env = Record<string, string | undefined>;

export interface ProxySettings {
  /** Lower-cased header name. */
  header: string;
  /** Undefined only when the operator opted out with HUNTBOARD_AUTH_PROXY_INSECURE=1. */
  secret: string | undefined;
  defaultRole: Role;
}

export interface AuthSettings {
  proxy: ProxySettings | undefined;
  /** HUNTBOARD_HOST as given (undefined: the mode's default). */
  host: string | undefined;
  port: number;
  trustProxy: boolean;
  /** The lead's name in local single-user mode. */
  singleUserName: string;
}

export type SettingsResult = { ok: true; settings: AuthSettings } | { ok: false; errors: string[] };

/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
export const MIN_PROXY_SECRET = 16;
// Headers a client sends itself or that Huntboard reads for something else: naming one would let
// anyone claim a user.
const RESERVED_HEADERS = new Set(['host', 'cookie', 'authorization', 'origin', 'referer', 'user-agent', 'x-forwarded-for', 'x-huntboard-proxy-secret', 'x-huntboard-peer', 'x-huntboard-csrf']);
const CONTROL = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Set (even to blank) versus unset: only unset takes the default. */
function given(env: Env, name: string): string | undefined {
  return Object.hasOwn(env, name) && env[name] !== undefined ? env[name] : undefined;
}

function flag(env: Env, name: string, errors: string[]): boolean {
  const value = given(env, name);
  if (value === undefined) return false;
  if (value.trim() === '1') return true;
  if (value.trim() === '0') return false;
  errors.push(`${name} must be 1 or 0, not [${value}].`);
  return false;
}

/** A value that is set must not be blank; the trimmed value is used. */
function nonBlank(env: Env, name: string, errors: string[]): string | undefined {
  const value = given(env, name);
  if (value === undefined) return undefined;
  if (value.trim() === '') {
    errors.push(`${name} is set but blank: give it a value or unset it.`);
    return undefined;
  }
  return value.trim();
}

function proxySettings(env: Env, errors: string[]): ProxySettings | undefined {
  const header = nonBlank(env, 'HUNTBOARD_AUTH_PROXY_HEADER', errors);
  const secret = nonBlank(env, 'HUNTBOARD_AUTH_PROXY_SECRET', errors);
  const role = nonBlank(env, 'HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE', errors)?.toLowerCase();
  const insecure = flag(env, 'HUNTBOARD_AUTH_PROXY_INSECURE', errors);
  if (header === undefined) {
    // These only mean something behind a proxy: set alone, the operator believes one is configured.
    for (const name of ['HUNTBOARD_AUTH_PROXY_SECRET', 'HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE', 'HUNTBOARD_AUTH_PROXY_INSECURE']) {
      if (given(env, name) !== undefined && given(env, 'HUNTBOARD_AUTH_PROXY_HEADER') === undefined) errors.push(`${name} is set but HUNTBOARD_AUTH_PROXY_HEADER is not.`);
    }
    return undefined;
  }
  if (!HEADER_NAME.test(header)) errors.push(`HUNTBOARD_AUTH_PROXY_HEADER [${header}] is not a valid header name.`);
  else if (RESERVED_HEADERS.has(header.toLowerCase())) errors.push(`HUNTBOARD_AUTH_PROXY_HEADER cannot be ${header.toLowerCase()}: clients send it themselves or Huntboard uses it.`);
  if (role !== undefined && !isRole(role)) errors.push(`HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE must be one of ${ROLES.join(', ')}, not [${role}].`);
  if (secret !== undefined && secret.length < MIN_PROXY_SECRET) errors.push(`HUNTBOARD_AUTH_PROXY_SECRET must have at least ${MIN_PROXY_SECRET} characters: it is the only proof that a request came through the proxy.`);
  if (secret !== undefined && insecure) errors.push('HUNTBOARD_AUTH_PROXY_INSECURE=1 and HUNTBOARD_AUTH_PROXY_SECRET are both set: keep the secret and unset HUNTBOARD_AUTH_PROXY_INSECURE.');
  if (secret === undefined && given(env, 'HUNTBOARD_AUTH_PROXY_SECRET') === undefined && !insecure) {
    errors.push(
      'HUNTBOARD_AUTH_PROXY_HEADER is set without HUNTBOARD_AUTH_PROXY_SECRET: anyone who can reach Huntboard could send that header and be any user. ' +
        'Set a secret that the proxy sends in x-huntboard-proxy-secret, or, if only the proxy can reach this server, set HUNTBOARD_AUTH_PROXY_INSECURE=1.',
    );
  }
  return { header: header.toLowerCase(), secret, defaultRole: isRole(role) ? role : 'viewer' };
}

function hostSetting(env: Env, errors: string[]): string | undefined {
  const host = nonBlank(env, 'HUNTBOARD_HOST', errors);
  if (host === undefined) return undefined;
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare) || HOSTNAME.test(bare)) return bare;
  errors.push(`HUNTBOARD_HOST [${host}] is not an IP address or host name (no scheme, no port: the port is PORT).`);
  return undefined;
}

function portSetting(env: Env, errors: string[]): number {
  const port = nonBlank(env, 'PORT', errors);
  if (port === undefined) return 3000;
  if (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535) return Number(port);
  errors.push(`PORT must be a number from 1 to 65535, not [${port}].`);
  return 3000;
}

function userSetting(env: Env, errors: string[]): string {
  const name = nonBlank(env, 'HUNTBOARD_USER', errors);
  if (name === undefined) return 'local analyst';
  if (name.length > 64 || CONTROL.test(name)) errors.push('HUNTBOARD_USER must have at most 64 characters and no control characters.');
  return name;
}

export function readAuthSettings(env: Env): SettingsResult {
  const errors: string[] = [];
  const settings: AuthSettings = {
    proxy: proxySettings(env, errors),
    host: hostSetting(env, errors),
    port: portSetting(env, errors),
    trustProxy: flag(env, 'HUNTBOARD_TRUST_PROXY', errors),
    singleUserName: userSetting(env, errors),
  };
  flag(env, 'HUNTBOARD_COOKIE_SECURE', errors);
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}
