'use client';
/**
 * A page's view state kept in its URL, so a reload or a shared link shows the same view: parsed on
 * every render, changed by replacing the URL (no scroll jump, no history entry per click). A key set
 * to undefined leaves the URL. The replace is the browser's own `history.replaceState`, which Next
 * syncs into useSearchParams without asking the server: a sort or a filter must not render the page
 * on the server again (its render runs the hunt's query, page-answers.ts).
 *
 * An edit is applied over the latest state written, not the one this render saw: the router applies
 * a replace asynchronously, and two quick edits (two filter boxes committing 20 ms apart) must both
 * land. Pass a function to edit a part of the state (`(s) => ({ filters: f(s.filters) })`).
 */
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useRef } from 'react';
import { recordWrite, resolvePending, type PendingWrites } from '@/lib/view/url/pending-writes';

export type UrlStateEdit<S> = Partial<S> | ((latest: S) => Partial<S>);

export function useUrlState<S extends object>(parse: (params: URLSearchParams) => S, write: (state: S) => string): [S, (edit: UrlStateEdit<S>) => void] {
  const pathname = usePathname();
  const state = parse(new URLSearchParams(useSearchParams().toString()));
  const pending = useRef<PendingWrites | null>(null);
  const update = useCallback(
    (edit: UrlStateEdit<S>) => {
      // The address bar, not this render's params: a replaceState made outside the router counts too.
      const current = new URLSearchParams(window.location.search).toString();
      const resolved = resolvePending(pending.current, current);
      const latest = parse(new URLSearchParams(resolved.search));
      const next = typeof edit === 'function' ? edit(latest) : edit;
      const merged: Partial<S> = { ...latest, ...next };
      for (const k of Object.keys(next) as (keyof S)[]) if (next[k] === undefined) delete merged[k];
      const written = write(merged as S);
      pending.current = recordWrite(resolved, current, written);
      // No state of our own: Next then keeps its history entry's state and syncs its router to the URL.
      window.history.replaceState(null, '', `${pathname}?${written}`);
    },
    [parse, write, pathname],
  );
  return [state, update];
}
