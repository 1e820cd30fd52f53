/**
 * How much of the backend one user's Explore may take. Hunt queries are the catalogue's; Explore
 * runs whatever the analyst types, so each user has a budget of runs a minute and of runs at once
 * (a held Ctrl+Enter, a script): past either, 429 with when to retry, and the backend never hears
 * of it. Source lookups are cached (lib/explore/source-cache.ts) and get a larger budget of their own.
 */
import 'server-only';
import { apiError } from '../../model/api';
import { refusal } from '../http/error-status';
import { TokenBuckets, type BucketRule } from '../http/rate-limit';

export interface ExploreLimits {
  runs: BucketRule;
  /** Runs of one user in flight at once. */
  concurrent: number;
  sources: BucketRule;
}

export const EXPLORE_LIMITS: ExploreLimits = {
  // Far above an analyst's pace (a run every half second, sustained): only a loop reaches it.
  runs: { capacity: 60, perMinute: 120 },
  concurrent: 4,
  sources: { capacity: 300, perMinute: 600 },
};

export type Admitted = { ok: true; release: () => void } | { ok: false; response: Response };

export interface ExploreAdmission {
  run(user: string): Admitted;
  sources(user: string): Admitted;
}

export function exploreAdmission(limits: ExploreLimits = EXPLORE_LIMITS, clockMs: () => number = Date.now): ExploreAdmission {
  const runs = new TokenBuckets(limits.runs);
  const lookups = new TokenBuckets(limits.sources);
  const running = new Map<string, number>();

  function take(buckets: TokenBuckets, user: string, what: string): Admitted | undefined {
    const now = clockMs();
    const wait = buckets.secondsUntilToken(user, now);
    if (wait > 0) return slowDown(`Too many ${what} a minute: wait ${wait} s.`, wait);
    buckets.take(user, now);
    return undefined;
  }

  return {
    run(user) {
      const inFlight = running.get(user) ?? 0;
      if (inFlight >= limits.concurrent) return slowDown(`${inFlight} of your Explore queries are still running: wait for one to finish, or cancel it.`, 1);
      const refused = take(runs, user, 'Explore queries');
      if (refused) return refused;
      running.set(user, inFlight + 1);
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          const left = (running.get(user) ?? 1) - 1;
          if (left > 0) running.set(user, left);
          else running.delete(user);
        },
      };
    },
    sources(user) {
      return take(lookups, user, 'source lookups') ?? { ok: true, release: () => undefined };
    },
  };
}

function slowDown(message: string, seconds: number): Admitted {
  return { ok: false, response: refusal(apiError('rate_limited', message), { status: 429, headers: { 'retry-after': String(seconds) } }) };
}
