/**
 * The device cookie (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful sign-in the browser gets a random id bound to the user name by an HMAC under a server
 * key. A later attempt for that name carrying it is judged on the device alone, so wrong passwords
 * from elsewhere — even from the same address — neither lock it out nor spend its budget. The id
 * carries no user name; only the server, holding the key, can tell which name a cookie is good for.
 */
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'huntboard_device';
export const DEVICE_DAYS = 180;
export const DEVICE_SECONDS = DEVICE_DAYS * 86_400;

// Only the sign-in route needs it; Strict so that no other site's request carries it.
const ATTRIBUTES = 'HttpOnly; SameSite=Strict; Path=/api/auth';
// 16 random bytes and a SHA-256 HMAC, both base64url.
const SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

const nameOf = (username: string) => username.trim().toLowerCase();
const mac = (key: Uint8Array, id: string, username: string) =>
  createHmac('sha256', key).update(`${id}\u0000${nameOf(username)}`, 'utf8').digest();

/** A fresh cookie value for this user name: `<id>.<hmac>`. */
export function newDeviceValue(key: Uint8Array, username: string): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${mac(key, id, username).toString('base64url')}`;
}

/** The device id when `value` was issued under `key` for this user name; anything else is no device. */
export function deviceIdFor(key: Uint8Array, value: string | undefined, username: string): string | undefined {
  const parts = value === undefined ? null : SHAPE.exec(value);
  if (!parts) return undefined;
  const [, id, given] = parts;
  const expected = mac(key, id, username);
  const actual = Buffer.from(given, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : undefined;
}

export function deviceCookie(value: string, options: { secure: boolean }): string {
  return `${DEVICE_COOKIE}=${value}; ${ATTRIBUTES}; Max-Age=${DEVICE_SECONDS}${options.secure ? '; Secure' : ''}`;
}
