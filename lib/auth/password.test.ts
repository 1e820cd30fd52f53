import { describe, expect, it } from 'vitest';
import { checkNewPassword, dummyHash, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('encodes scrypt parameters, a 16-byte salt and a 64-byte key', async () => {
    const encoded = await hashPassword('correct horse battery');
    const parts = encoded.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(parts[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64')).toHaveLength(64);
  });

  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse battery', b)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('answers false, never throws, for malformed or hostile hashes', async () => {
    const good = await hashPassword('correct horse battery');
    const parts = good.split('$');
    for (const bad of ['', 'plain', 'bcrypt$x', parts.slice(0, 5).join('$'), ['scrypt', 2 ** 30, 8, 1, parts[4], parts[5]].join('$'), ['scrypt', 1000, 8, 1, parts[4], parts[5]].join('$'), ['scrypt', 16384, 8, 1, parts[4], ''].join('$')]) {
      expect(await verifyPassword('correct horse battery', bad)).toBe(false);
    }
  });

  it('refuses passwords shorter than 10 characters (counted as characters, not bytes)', async () => {
    expect(checkNewPassword('123456789')).toEqual({ ok: false, message: 'A password needs at least 10 characters.' });
    expect(checkNewPassword('ééééééééé').ok).toBe(false);
    expect(checkNewPassword('1234567890').ok).toBe(true);
    expect(checkNewPassword('x'.repeat(1025)).ok).toBe(false);
    await expect(hashPassword('short')).rejects.toThrow('at least 10');
  });

  it('keeps one dummy hash, a valid scrypt hash nobody knows the password of', async () => {
    const dummy = await dummyHash();
    expect(await dummyHash()).toBe(dummy);
    expect(dummy).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
