/**
 * A short-lived cache per backend object. The ES|QL editor asks for sources as the analyst types;
 * thirty seconds of reuse keeps that from hammering the cluster, and a backend object is the
 * identity: a server whose settings changed builds a new backend, which starts with an empty cache
 * and never sees the old one's answers. Only successes are kept (a failure is asked again at
 * once), and a request already on its way is shared.
 */
import 'server-only';

export interface TtlCacheOptions {
  ttlMs?: number;
  /** Keys per backend: typing makes many patterns; the oldest go first. */
  maxKeys?: number;
  clock?: () => number;
}

interface Entry<T> {
  atMs: number;
  value: Promise<T>;
}

export interface BackendCache<T> {
  get(owner: object, key: string, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T>;
}

export const SOURCES_TTL_MS = 30_000;

export function backendCache<T>({ ttlMs = SOURCES_TTL_MS, maxKeys = 500, clock = Date.now }: TtlCacheOptions = {}): BackendCache<T> {
  const owners = new WeakMap<object, Map<string, Entry<T>>>();
  return {
    get(owner, key, load, keep) {
      let entries = owners.get(owner);
      if (!entries) owners.set(owner, (entries = new Map()));
      const now = clock();
      const hit = entries.get(key);
      if (hit && now - hit.atMs < ttlMs) return hit.value;
      const value = load();
      const entry: Entry<T> = { atMs: now, value };
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
      const mine = entries;
      void value.then(
        (v) => {
          if (!keep(v) && mine.get(key) === entry) mine.delete(key);
        },
        () => {
          if (mine.get(key) === entry) mine.delete(key);
        },
      );
      return value;
    },
  };
}
