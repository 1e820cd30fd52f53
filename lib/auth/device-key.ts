/**
 * The server key for device cookies: 32 random bytes made once in the data dir (`device-key`,
 * mode 0600) and never sent anywhere. Created under a temporary name and hard-linked into place,
 * so a reader never sees half a key and two servers starting together end up with the same one.
 * Any failure is data: without a key there are no device cookies and sign-in limits are as before.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export const DEVICE_KEY_FILE = 'device-key';
const KEY_BYTES = 32;

export type DeviceKey = { ok: true; key: Buffer } | { ok: false; reason: string };

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code;

function readKey(file: string): DeviceKey | 'missing' {
  try {
    const key = readFileSync(file);
    return key.length === KEY_BYTES ? { ok: true, key } : { ok: false, reason: `${file} is not a ${KEY_BYTES}-byte key` };
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return 'missing';
    return { ok: false, reason: `${file} cannot be read (${errorCode(e) ?? (e as Error).message})` };
  }
}

function writeKey(file: string): DeviceKey {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const key = randomBytes(KEY_BYTES);
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temporary, file);
    } catch (e) {
      // Another server made it first: use theirs.
      if (errorCode(e) === 'EEXIST') {
        const theirs = readKey(file);
        return theirs === 'missing' ? { ok: false, reason: `${file} vanished while being created` } : theirs;
      }
      // A file system without hard links: a rename is still atomic, only not exclusive.
      renameSync(temporary, file);
    }
    return { ok: true, key };
  } catch (e) {
    return { ok: false, reason: `${file} cannot be created (${errorCode(e) ?? (e as Error).message})` };
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed, or never created.
    }
  }
}

/** The key in `dataDir`, made on first use. */
export function loadDeviceKey(dataDir: string): DeviceKey {
  const file = path.join(dataDir, DEVICE_KEY_FILE);
  const found = readKey(file);
  return found === 'missing' ? writeKey(file) : found;
}
