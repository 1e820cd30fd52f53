import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_SECONDS, deviceCookie, deviceIdFor, newDeviceValue } from './device-cookie';
import { DEVICE_KEY_FILE, loadDeviceKey } from './device-key';

const KEY = Buffer.alloc(32, 7);

describe('device cookie value', () => {
  it('is a username-free id and an HMAC that holds only for its name (any case) and key', () => {
    const value = newDeviceValue(KEY, 'Lead');
    expect(value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(value.toLowerCase()).not.toContain('lead');
    const id = value.split('.')[0];
    expect(deviceIdFor(KEY, value, 'lead')).toBe(id);
    expect(deviceIdFor(KEY, value, ' LEAD ')).toBe(id);
    expect(deviceIdFor(KEY, value, 'ana')).toBeUndefined();
    expect(deviceIdFor(Buffer.alloc(32, 8), value, 'lead')).toBeUndefined();
    expect(newDeviceValue(KEY, 'lead')).not.toBe(value);
  });

  it('treats a forged, garbled or missing value as no device', () => {
    const value = newDeviceValue(KEY, 'lead');
    const [id, mac] = value.split('.');
    const flipped = `${id}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    const otherId = `${'x'.repeat(22)}.${mac}`;
    for (const bad of [flipped, otherId, `${value}x`, id, '', 'a.b', `${id}.${mac}.${mac}`, undefined]) expect(deviceIdFor(KEY, bad, 'lead')).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Strict, for /api/auth only, 180 days, Secure when asked', () => {
    expect(DEVICE_SECONDS).toBe(180 * 86_400);
    expect(deviceCookie('v', { secure: false })).toBe('huntboard_device=v; HttpOnly; SameSite=Strict; Path=/api/auth; Max-Age=15552000');
    expect(deviceCookie('v', { secure: true })).toBe('huntboard_device=v; HttpOnly; SameSite=Strict; Path=/api/auth; Max-Age=15552000; Secure');
  });
});

describe('device key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-device-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once: 32 random bytes, mode 0600, no temporary file left; later loads read it back', () => {
    const first = loadDeviceKey(dir);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const file = path.join(dir, DEVICE_KEY_FILE);
    expect(first.key.length).toBe(32);
    expect(readFileSync(file).equals(first.key)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDeviceKey(dir)).toEqual(first);
    expect(loadDeviceKey(path.join(dir, '..', path.basename(dir)))).toEqual(first);
    const other = mkdtempSync(path.join(os.tmpdir(), 'huntboard-device-key-'));
    try {
      const second = loadDeviceKey(other);
      expect(second.ok && !second.key.equals(first.key)).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    expect(readdirSync(dir)).toEqual([DEVICE_KEY_FILE]);
  });

  it('is none, with a reason, when the file is not a key or cannot be read or made', () => {
    writeFileSync(path.join(dir, DEVICE_KEY_FILE), 'short');
    expect(loadDeviceKey(dir)).toEqual({ ok: false, reason: expect.stringContaining('not a 32-byte key') });
    rmSync(path.join(dir, DEVICE_KEY_FILE));
    mkdirSync(path.join(dir, DEVICE_KEY_FILE));
    expect(loadDeviceKey(dir)).toEqual({ ok: false, reason: expect.stringContaining('cannot be read') });
    expect(loadDeviceKey(path.join(dir, 'missing', 'deeper'))).toEqual({ ok: false, reason: expect.stringContaining('cannot be created') });
  });
});

