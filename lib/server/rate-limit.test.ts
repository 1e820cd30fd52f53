import { describe, expect, it } from 'vitest';
import { clientAddress, signInLimiter, takeAll, TokenBuckets } from './rate-limit';

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
  it('folds the user name’s case and uses its own clock', () => {
    let now = 0;
    const limiter = signInLimiter({ global: { capacity: 100, perMinute: 100 }, perName: { capacity: 1, perMinute: 1 }, perAddress: { capacity: 100, perMinute: 100 } }, () => now);
    expect(limiter.attempt('Ana', undefined).ok).toBe(true);
    expect(limiter.attempt(' ana ', undefined)).toEqual({ ok: false, retryAfterSeconds: 60 });
    now += 60_000;
    expect(limiter.attempt('ana', undefined).ok).toBe(true);
  });

  it('has a server-wide budget of 20 attempts a minute by default', () => {
    const limiter = signInLimiter(undefined, () => 0);
    for (let i = 0; i < 20; i++) expect(limiter.attempt(`user-${i}`, undefined).ok).toBe(true);
    expect(limiter.attempt('user-20', undefined)).toEqual({ ok: false, retryAfterSeconds: 3 });
  });
});

describe('client address', () => {
  const headers = new Headers({ 'x-forwarded-for': '10.0.0.1, 192.0.2.7' });
  it('is ignored unless the proxy is trusted', () => {
    expect(clientAddress(headers, {})).toBeUndefined();
    expect(clientAddress(headers, { HUNTBOARD_TRUST_PROXY: '0' })).toBeUndefined();
  });
  it('is the entry the trusted proxy appended (the last), not what the client claimed', () => {
    expect(clientAddress(headers, { HUNTBOARD_TRUST_PROXY: '1' })).toBe('192.0.2.7');
    expect(clientAddress(new Headers(), { HUNTBOARD_TRUST_PROXY: '1' })).toBeUndefined();
  });
});
