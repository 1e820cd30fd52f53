import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, isLoopbackAddress, PEER_HEADER } from './peer';
import { SIGN_IN_RULES, signInLimiter, takeAll, TokenBuckets } from './rate-limit';

describe('token buckets', () => {
  it('allows a burst of `capacity`, then refills continuously', () => {
    const buckets = new TokenBuckets({ capacity: 3, perMinute: 6 });
    const take = (now: number) => takeAll([{ buckets, key: 'k' }], now);
    for (let i = 0; i < 3; i++) expect(take(0)).toEqual({ ok: true });
    expect(take(0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(take(9_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(take(10_000)).toEqual({ ok: true });
    expect(take(10_000).ok).toBe(false);
    // Never more than capacity, however long it rested.
    expect(buckets.level('k', 10_000_000)).toBe(3);
  });

  it('keeps keys apart', () => {
    const buckets = new TokenBuckets({ capacity: 1, perMinute: 1 });
    expect(takeAll([{ buckets, key: 'a' }], 0).ok).toBe(true);
    expect(takeAll([{ buckets, key: 'a' }], 0).ok).toBe(false);
    expect(takeAll([{ buckets, key: 'b' }], 0).ok).toBe(true);
  });

  it('takes from every bucket or none: a refusal costs the others nothing', () => {
    const wide = new TokenBuckets({ capacity: 5, perMinute: 5 });
    const narrow = new TokenBuckets({ capacity: 1, perMinute: 1 });
    expect(takeAll([{ buckets: wide, key: '*' }, { buckets: narrow, key: 'x' }], 0).ok).toBe(true);
    expect(takeAll([{ buckets: wide, key: '*' }, { buckets: narrow, key: 'x' }], 0)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(wide.level('*', 0)).toBe(4);
  });

  it('bounds memory: attacker-chosen keys beyond the limit are dropped, full buckets first', () => {
    const buckets = new TokenBuckets({ capacity: 2, perMinute: 60 }, 100);
    for (let i = 0; i < 1000; i++) buckets.take(`name-${i}`, i);
    expect(buckets.size).toBeLessThanOrEqual(100);
    // The most recent keys are kept (still limited).
    expect(buckets.level('name-999', 999)).toBe(1);
  });
});

describe('sign-in limiter', () => {
  const wide = { capacity: 100, perMinute: 100 };
  it('folds the user name’s case and uses its own clock', () => {
    let now = 0;
    const limiter = signInLimiter({ global: wide, perName: { capacity: 1, perMinute: 1 }, perAddress: wide, knownGood: wide }, () => now);
    expect(limiter.admit('Ana', undefined).ok).toBe(true);
    expect(limiter.admit(' ana ', undefined)).toEqual({ ok: false, reason: 'rate', retryAfterSeconds: 60 });
    now += 60_000;
    expect(limiter.admit('ana', undefined).ok).toBe(true);
  });

  it('by default: one address gets 10 a minute, a name 30, the server 120 — each larger than one source', () => {
    expect(SIGN_IN_RULES.perAddress.perMinute).toBeLessThan(SIGN_IN_RULES.perName.perMinute);
    expect(SIGN_IN_RULES.perName.perMinute).toBeLessThan(SIGN_IN_RULES.global.perMinute);
    const limiter = signInLimiter(undefined, () => 0);
    for (let i = 0; i < 10; i++) expect(limiter.admit(`user-${i}`, '198.51.100.1').ok).toBe(true);
    expect(limiter.admit('user-10', '198.51.100.1')).toEqual({ ok: false, reason: 'rate', retryAfterSeconds: 6 });
    for (let i = 0; i < 30; i++) expect(limiter.admit('ana', `203.0.113.${i}`).ok).toBe(true);
    expect(limiter.admit('ana', '203.0.113.200')).toMatchObject({ ok: false, reason: 'rate' });
  });

  it('locks a source after five failures with a growing wait, and forgets it on success', () => {
    let now = 0;
    const limiter = signInLimiter(undefined, () => now);
    for (let i = 0; i < 4; i++) expect(limiter.failed('ana', '198.51.100.1')).toBeUndefined();
    expect(limiter.failed('ana', '198.51.100.1')).toBe(30);
    expect(limiter.admit('ana', '198.51.100.1')).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 30 });
    expect(limiter.admit('ana', '198.51.100.2').ok).toBe(true);
    expect(limiter.admit('bob', '198.51.100.1').ok).toBe(true);
    now += 30_000;
    expect(limiter.failed('ana', '198.51.100.1')).toBe(60);
    now += 60_000;
    expect(limiter.failed('ana', '198.51.100.1')).toBe(120);
    now += 120_000;
    limiter.succeeded('ana', '198.51.100.1');
    expect(limiter.failed('ana', '198.51.100.1')).toBeUndefined();
  });
});

describe('sign-in limiter with a device', () => {
  it('judges a device on its own bucket and lockout, not its address\'s, the name\'s or the known-good\'s', () => {
    const one = { capacity: 1, perMinute: 1 };
    const limiter = signInLimiter({ global: one, perName: one, perAddress: one, knownGood: one, device: { capacity: 2, perMinute: 2 } }, () => 0);
    limiter.succeeded('lead', '198.51.100.1');
    // Someone at the same address spends every shared budget and locks the address out of the name.
    expect(limiter.admit('lead', '198.51.100.1').ok).toBe(true);
    expect(limiter.admit('lead', '198.51.100.2').ok).toBe(true);
    for (let i = 0; i < 5; i++) limiter.failed('lead', '198.51.100.1');
    expect(limiter.admit('lead', '198.51.100.1')).toMatchObject({ ok: false, reason: 'locked' });
    expect(limiter.admit('lead', '198.51.100.3')).toMatchObject({ ok: false, reason: 'rate' });
    expect(limiter.admit('lead', '198.51.100.1', 'dev1')).toEqual({ ok: true });
    expect(limiter.admit('lead', '198.51.100.1', 'dev1')).toEqual({ ok: true });
    expect(limiter.admit('lead', '198.51.100.1', 'dev1')).toEqual({ ok: false, reason: 'rate', retryAfterSeconds: 30 });
    // Its own lockout: five failures lock the device, not another device; its success leaves the address locked.
    for (let i = 0; i < 4; i++) expect(limiter.failed('lead', '198.51.100.1', 'dev2')).toBeUndefined();
    expect(limiter.failed('lead', '198.51.100.1', 'dev2')).toBe(30);
    expect(limiter.admit('lead', '198.51.100.1', 'dev2')).toMatchObject({ ok: false, reason: 'locked' });
    limiter.succeeded('lead', '198.51.100.1', 'dev1');
    expect(limiter.admit('lead', '198.51.100.1')).toMatchObject({ ok: false, reason: 'locked' });
  });
});

describe('client address', () => {
  const headers = new Headers({ 'x-forwarded-for': '10.0.0.1, 192.0.2.7', [PEER_HEADER]: '198.51.100.5' });
  it('is unknown unless Huntboard\'s server set the peer header or the proxy is trusted', () => {
    expect(clientAddress(headers, { trustProxy: false, peerHeader: false })).toBeUndefined();
    expect(clientAddress(headers, { trustProxy: false, peerHeader: true })).toBe('198.51.100.5');
  });
  it('is the entry the trusted proxy appended (the last), not what the client claimed', () => {
    expect(clientAddress(headers, { trustProxy: true, peerHeader: true })).toBe('192.0.2.7');
    expect(clientAddress(new Headers(), { trustProxy: true, peerHeader: false })).toBeUndefined();
  });
  it('is one key per client: IPv4-mapped as IPv4, IPv6 by its /64, garbage as nothing', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:DB8:0:1:2:3:4:5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('not an address')).toBeUndefined();
  });
  it('knows loopback', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '::2', '0.0.0.0', '', undefined]) expect(isLoopbackAddress(address)).toBe(false);
  });
});
