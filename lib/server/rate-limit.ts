/**
 * Token buckets for the sign-in route, pure with the clock passed in (milliseconds). A bucket
 * holds up to `capacity` attempts and refills continuously; an attempt takes one token from
 * every bucket that applies, or from none when any is empty, so a refused attempt costs nothing.
 */
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
  /** Every sign-in on this server: the backstop when no client address can be trusted. */
  global: BucketRule;
  /** Per user name (case-folded); the per-name lockout after wrong passwords still applies on top. */
  perName: BucketRule;
  /** Per client address, only when a trusted proxy names it (HUNTBOARD_TRUST_PROXY=1). */
  perAddress: BucketRule;
}

export const SIGN_IN_RULES: SignInRules = {
  global: { capacity: 20, perMinute: 20 },
  perName: { capacity: 10, perMinute: 10 },
  perAddress: { capacity: 10, perMinute: 10 },
};

export interface SignInLimiter {
  attempt(username: string, address: string | undefined): Taken;
}

/**
 * The clock is the wall clock, not the server's pinned `now()` (HUNTBOARD_NOW): with a pinned
 * time the buckets would never refill.
 */
export function signInLimiter(rules: SignInRules = SIGN_IN_RULES, clockMs: () => number = Date.now): SignInLimiter {
  const global = new TokenBuckets(rules.global, 1);
  const perName = new TokenBuckets(rules.perName);
  const perAddress = new TokenBuckets(rules.perAddress);
  return {
    attempt(username, address) {
      const checks = [
        { buckets: global, key: '*' },
        { buckets: perName, key: username.trim().toLowerCase() },
        ...(address !== undefined ? [{ buckets: perAddress, key: address }] : []),
      ];
      return takeAll(checks, clockMs());
    },
  };
}

/**
 * The client's address, only from a proxy we were told to trust: the last X-Forwarded-For entry
 * is the one that proxy appended; earlier entries are whatever the client claimed.
 */
export function clientAddress(headers: Headers, env: Record<string, string | undefined>): string | undefined {
  if (env.HUNTBOARD_TRUST_PROXY?.trim() !== '1') return undefined;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return last && last.length <= 100 ? last.toLowerCase() : undefined;
}
