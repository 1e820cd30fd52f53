/**
 * The lockout after wrong passwords, per source — the client address and the user name together —
 * not per name: five wrong passwords from one address lock that address out of that name, and
 * nobody else. Each further failure doubles the wait (30 s, 1 min, 2 min … at most 15 min); a quiet
 * spell of RESET_MINUTES or a success forgets the source. Kept in memory on the wall clock
 * (`clockMs`), never on the server's pinned `now` (HUNTBOARD_NOW), under which a lock would never end.
 */
import 'server-only';

export const LOCK_FAILURES = 5;
export const FIRST_LOCK_SECONDS = 30;
export const MAX_LOCK_MINUTES = 15;
export const RESET_MINUTES = 15;

export const LOCKED_OUT = 'Too many failed sign-ins for this user name from this address: wait before trying again.';

interface Failures {
  count: number;
  lastMs: number;
  untilMs: number;
}

/** Sources are attacker-chosen (user names, addresses): past this many the oldest are forgotten. */
const MAX_SOURCES = 20_000;

export class SignInLockout {
  private readonly sources = new Map<string, Failures>();

  constructor(private readonly clockMs: () => number = Date.now, private readonly maxSources = MAX_SOURCES) {}

  static key(address: string | undefined, username: string): string {
    return `${address ?? '?'}\u0000${username.trim().toLowerCase()}`;
  }

  /** Seconds left when the source is locked out now; else undefined. */
  lockedFor(source: string): number | undefined {
    const entry = this.current(source);
    if (!entry) return undefined;
    const left = entry.untilMs - this.clockMs();
    return left > 0 ? Math.ceil(left / 1000) : undefined;
  }

  /** Records a wrong password; the seconds of the lockout it starts, if it starts one. */
  failed(source: string): number | undefined {
    const now = this.clockMs();
    const entry = this.current(source) ?? { count: 0, lastMs: now, untilMs: 0 };
    entry.count += 1;
    entry.lastMs = now;
    if (entry.count >= LOCK_FAILURES) {
      const seconds = Math.min(MAX_LOCK_MINUTES * 60, FIRST_LOCK_SECONDS * 2 ** (entry.count - LOCK_FAILURES));
      entry.untilMs = now + seconds * 1000;
    }
    this.sources.delete(source); // re-inserted: iteration order is least recently failed first
    this.sources.set(source, entry);
    if (this.sources.size > this.maxSources) this.sources.delete(this.sources.keys().next().value as string);
    return this.lockedFor(source);
  }

  succeeded(source: string): void {
    this.sources.delete(source);
  }

  private current(source: string): Failures | undefined {
    const entry = this.sources.get(source);
    if (!entry) return undefined;
    const now = this.clockMs();
    // Forgotten after a quiet spell, counted from the end of any lock.
    if (now - Math.max(entry.lastMs, entry.untilMs) > RESET_MINUTES * 60_000) {
      this.sources.delete(source);
      return undefined;
    }
    return entry;
  }
}
