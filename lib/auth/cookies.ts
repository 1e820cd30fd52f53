/**
 * The session cookie: how it is written (HttpOnly, SameSite=Lax, Secure over https) and read back
 * from a Cookie header, which is attacker-written text and parsed defensively.
 */
import 'server-only';
import { SESSION_SECONDS } from './sessions';

export const SESSION_COOKIE = 'huntboard_session';

const ATTRIBUTES = 'HttpOnly; SameSite=Lax; Path=/';

export function sessionCookie(token: string, options: { secure: boolean }): string {
  return `${SESSION_COOKIE}=${token}; ${ATTRIBUTES}; Max-Age=${SESSION_SECONDS}${options.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(options: { secure: boolean }): string {
  return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0${options.secure ? '; Secure' : ''}`;
}

/** Secure cookies when the browser talks https to us or to the proxy in front (or when forced). */
export function cookieSecure(url: string, headers: Headers, env: Record<string, string | undefined>): boolean {
  if (env.HUNTBOARD_COOKIE_SECURE?.trim() === '1') return true;
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded === 'https') return true;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** A cookie's value from a Cookie header; the first occurrence wins, a malformed pair is skipped. */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header || header.length > 16_384) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
