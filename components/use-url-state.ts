'use client';
/**
 * A page's view state kept in its URL, so a reload or a shared link shows the same view: parsed on
 * every render, changed by replacing the URL (no scroll jump, no history entry per click). A key set
 * to undefined leaves the URL.
 */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

export function useUrlState<S extends object>(parse: (params: URLSearchParams) => S, write: (state: S) => string): [S, (next: Partial<S>) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const state = parse(new URLSearchParams(useSearchParams().toString()));
  const update = useCallback(
    (next: Partial<S>) => {
      const merged: Partial<S> = { ...state, ...next };
      for (const k of Object.keys(next) as (keyof S)[]) if (next[k] === undefined) delete merged[k];
      router.replace(`${pathname}?${write(merged as S)}`, { scroll: false });
    },
    [state, router, pathname, write],
  );
  return [state, update];
}
