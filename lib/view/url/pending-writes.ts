/**
 * URL writes the router has not applied yet. Next's `router.replace` lands asynchronously, so two
 * edits made in quick succession (clear one filter, type in another) would each be computed from the
 * same old URL and the second would silently undo the first. Composing every edit over the last
 * search written — until the URL shows it — keeps both. Pure, so the bookkeeping is unit-tested.
 */

export interface PendingWrites {
  /** The URL's search when the first unapplied write was made. */
  base: string;
  /** Searches written since, oldest first; the last one is what the URL is about to become. */
  writes: string[];
}

export interface Resolved {
  /** The search an edit should start from: the last write still in flight, else the URL's. */
  search: string;
  pending: PendingWrites | null;
}

/** Where the URL stands, given what was written and what the address bar shows now. */
export function resolvePending(pending: PendingWrites | null, current: string): Resolved {
  if (pending === null || pending.writes.length === 0) return { search: current, pending: null };
  const last = pending.writes[pending.writes.length - 1];
  if (current === pending.base) return { search: last, pending };
  const landed = pending.writes.lastIndexOf(current);
  if (landed === pending.writes.length - 1) return { search: current, pending: null };
  // An earlier write has landed and later ones are still on their way.
  if (landed >= 0) return { search: last, pending: { base: current, writes: pending.writes.slice(landed + 1) } };
  // The URL moved elsewhere (back button, a link): our writes are history, the URL is the truth.
  return { search: current, pending: null };
}

/** Records a write made over `resolved`; `current` is the URL's search at that moment. */
export function recordWrite(resolved: Resolved, current: string, written: string): PendingWrites | null {
  if (resolved.pending !== null) return { base: resolved.pending.base, writes: [...resolved.pending.writes, written] };
  return written === current ? null : { base: current, writes: [written] };
}
