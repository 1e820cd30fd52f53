/**
 * Password hashing with scrypt (node:crypto). The encoded form carries its parameters so that a
 * later change of cost keeps old hashes verifiable: `scrypt$16384$8$1$<salt b64>$<hash b64>`.
 */
import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
// Longer inputs only cost CPU; no real passphrase is this long.
export const MAX_PASSWORD_LENGTH = 1024;

const N = 16384;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export function checkNewPassword(password: string): PasswordCheck {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { ok: false, message: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (length > MAX_PASSWORD_LENGTH) return { ok: false, message: `A password has at most ${MAX_PASSWORD_LENGTH} characters.` };
  return { ok: true };
}

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password; refuses one that is too short or too long (callers check first with checkNewPassword). */
export async function hashPassword(password: string): Promise<string> {
  const check = checkNewPassword(password);
  if (!check.ok) throw new Error(check.message);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Encoded {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function decode(encoded: string): Encoded | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  // Bounded so that a tampered row cannot make one sign-in take minutes or gigabytes.
  const sane = Number.isInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
  if (!sane) return undefined;
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || key.length < 16 || key.length > 256) return undefined;
  return { N: n, r, p, salt, key };
}

/** True when `password` matches `encoded`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = decode(encoded);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH * 4) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: 256 * parsed.N * parsed.r + 1024 * 1024 });
  return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;

/** A hash of a random password, to verify against when the user is unknown: same work, same time. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}
