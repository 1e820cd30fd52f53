/**
 * Token buckets for the sign-in route, pure with the clock passed in (milliseconds). A bucket
 * holds up to `capacity` attempts and refills continuously; an attempt takes one token from
 * every bucket that applies, or from none when any is empty, so a refused attempt costs nothing.
 * `signInLimiter` is the sign-in policy over them, with the per-source lockout (lib/auth/lockout.ts).
 */
import 'server-only';
import { SignInLockout } from '../../auth/lockout';

export interface BucketRule {
  capacity: number;
  /** Tokens per minute. */
  perMinute: number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Level {
  tokens: number;
  atMs: number;
}

/** Keys are attacker-chosen (user names): past this many, full buckets are dropped, then the oldest. */
const MAX_KEYS = 10_000;

export class TokenBuckets {
  private readonly levels = new Map<string, Level>();

  constructor(readonly rule: BucketRule, private readonly maxKeys = MAX_KEYS) {}

  /** Tokens available for `key` at `nowMs` (a fresh key has a full bucket). */
  level(key: string, nowMs: number): number {
    const level = this.levels.get(key);
    if (!level) return this.rule.capacity;
    const refilled = (Math.max(0, nowMs - level.atMs) / 60_000) * this.rule.perMinute;
    // Rounded so that float dust (0.9999999) does not turn a due token into a refusal.
    return Math.min(this.rule.capacity, Math.round((level.tokens + refilled) * 1e9) / 1e9);
  }

  /** Whole seconds until one token is back (at least 1). */
  secondsUntilToken(key: string, nowMs: number): number {
    const missing = 1 - this.level(key, nowMs);
    if (missing <= 0) return 0;
    const ms = Math.round((missing / this.rule.perMinute) * 60_000);
    return Math.max(1, Math.ceil(ms / 1000));
  }

  take(key: string, nowMs: number): void {
    const tokens = this.level(key, nowMs) - 1;
    this.levels.delete(key); // re-insert so iteration order is least recently used first
    this.levels.set(key, { tokens, atMs: nowMs });
    if (this.levels.size > this.maxKeys) this.prune(nowMs);
  }

  get size(): number {
    return this.levels.size;
  }

  private prune(nowMs: number): void {
    for (const key of [...this.levels.keys()]) if (this.level(key, nowMs) >= this.rule.capacity) this.levels.delete(key);
    for (const key of this.levels.keys()) {
      if (this.levels.size <= this.maxKeys) break;
      this.levels.delete(key);
    }
  }
}

/** One attempt against several buckets: all take a token, or none does and the longest wait is returned. */
export function takeAll(checks: readonly { buckets: TokenBuckets; key: string }[], nowMs: number): Taken {
  const waits = checks.map(({ buckets, key }) => buckets.secondsUntilToken(key, nowMs));
  const wait = Math.max(0, ...waits);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  for (const { buckets, key } of checks) buckets.take(key, nowMs);
  return { ok: true };
}

export interface SignInRules {
  /** Per client address: the first budget, so one source spends at most this of the others. */
  perAddress: BucketRule;
  /** Per user name (case-folded): larger than perAddress, so one address cannot spend a name's. */
  perName: BucketRule;
  /** Every sign-in on this server: a backstop for the scrypt work, larger than any one source's budget. */
  global: BucketRule;
  /** A client address + name that signed in before: its own budget only, spent by nobody else. */
  knownGood: BucketRule;
  /** A browser with a device cookie for the name: its own budget only (defaults to knownGood's). */
  device?: BucketRule;
}

export const SIGN_IN_RULES: SignInRules = {
  perAddress: { capacity: 10, perMinute: 10 },
  perName: { capacity: 30, perMinute: 30 },
  global: { capacity: 120, perMinute: 120 },
  knownGood: { capacity: 10, perMinute: 10 },
  device: { capacity: 10, perMinute: 10 },
};

/** How long a successful sign-in keeps its address + name known-good. */
export const KNOWN_GOOD_DAYS = 30;

export type Admission = { ok: true } | { ok: false; reason: 'rate' | 'locked'; retryAfterSeconds: number };

/**
 * `device` is the id of a device cookie already verified for this name (lib/auth/device-cookie.ts):
 * the attempt is then that device's alone — its own bucket and lockout; the address, the name's
 * shared budget and the known-good budget are neither checked nor spent, so nobody else's wrong
 * passwords, even from the same address, hold it back.
 */
export interface SignInLimiter {
  /** Before the password is checked (the expensive part): may this source try this name now? */
  admit(username: string, address: string | undefined, device?: string): Admission;
  /** A wrong password: the seconds of the lockout this starts for the source, if any. */
  failed(username: string, address: string | undefined, device?: string): number | undefined;
  succeeded(username: string, address: string | undefined, device?: string): void;
}

/** Whose attempt it is, for the lockout and own budgets: a device (no address looks like `device:…`) or an address. */
const sourceOf = (username: string, address: string | undefined, device: string | undefined) =>
  SignInLockout.key(device !== undefined ? `device:${device}` : address, username);

/**
 * The clock is the wall clock, not the server's pinned `now()` (HUNTBOARD_NOW): with a pinned
 * time the buckets would never refill and a lockout never end.
 */
export function signInLimiter(rules: SignInRules = SIGN_IN_RULES, clockMs: () => number = Date.now): SignInLimiter {
  const global = new TokenBuckets(rules.global, 1);
  const perName = new TokenBuckets(rules.perName);
  const perAddress = new TokenBuckets(rules.perAddress);
  const knownGood = new TokenBuckets(rules.knownGood);
  const devices = new TokenBuckets(rules.device ?? rules.knownGood);
  const lockout = new SignInLockout(clockMs);
  // Insertion order is oldest success first, so the bound drops the stalest.
  const known = new Map<string, number>();
  const isKnown = (source: string, nowMs: number) => {
    const at = known.get(source);
    return at !== undefined && nowMs - at < KNOWN_GOOD_DAYS * 86_400_000;
  };
  // A device, or a source that signed in before, is not held back by anyone else's attempts.
  const budgets = (source: string, username: string, address: string | undefined, isDevice: boolean, nowMs: number) => {
    if (isDevice) return [{ buckets: devices, key: source }];
    if (address !== undefined && isKnown(source, nowMs)) return [{ buckets: knownGood, key: source }];
    return [
      ...(address !== undefined ? [{ buckets: perAddress, key: address }] : []),
      { buckets: perName, key: username.trim().toLowerCase() },
      { buckets: global, key: '*' },
    ];
  };
  return {
    admit(username, address, device) {
      const source = sourceOf(username, address, device);
      const locked = lockout.lockedFor(source);
      if (locked !== undefined) return { ok: false, reason: 'locked', retryAfterSeconds: locked };
      const nowMs = clockMs();
      const taken = takeAll(budgets(source, username, address, device !== undefined, nowMs), nowMs);
      return taken.ok ? taken : { ok: false, reason: 'rate', retryAfterSeconds: taken.retryAfterSeconds };
    },
    failed(username, address, device) {
      return lockout.failed(sourceOf(username, address, device));
    },
    succeeded(username, address, device) {
      // A device's success clears only the device: the address's failures may be someone else's.
      const source = sourceOf(username, address, device);
      lockout.succeeded(source);
      if (address === undefined || device !== undefined) return;
      known.delete(source);
      known.set(source, clockMs());
      if (known.size > MAX_KEYS) known.delete(known.keys().next().value as string);
    },
  };
}
