/**
 * The columns (and types) entering a hunt's last STATS, asked of the backend itself with
 * `… | LIMIT 0`: the same answer from a cluster's mappings as from the embedded store, with no
 * mapping API. Cached briefly: a hunt page asks for context and drill-downs of the same query.
 */
import 'server-only';
import type { Backend } from '../../backends/types';
import type { EsqlColumn, EsqlValue, QueryResult } from '../../model/esql';
import { print, collect, type Param, type Query } from '../../esql';
import { NO_SPAN, splitAtLastStats } from '../../esql';

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; columns: EsqlColumn[] }>();

export type StatsInputResult = { ok: true; columns: EsqlColumn[] } | { ok: false; result: QueryResult & { ok: false } } | { ok: false; reason: string };

export async function statsInputColumns(
  backend: Backend,
  query: Query,
  params: Record<string, EsqlValue>[],
  now: Date,
  signal?: AbortSignal,
): Promise<StatsInputResult> {
  const split = splitAtLastStats(query);
  if ('reason' in split) return { ok: false, reason: split.reason };
  const probe: Query = { ...query, commands: [...split.before, { kind: 'limit', count: 0, span: NO_SPAN }] };
  const text = print(probe);
  const key = `${backend.kind}\0${text}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return { ok: true, columns: hit.columns };
  const used = usedParams(probe, params);
  const result = await backend.query({ query: text, ...(used.length ? { params: used } : {}), now, ...(signal ? { signal } : {}) });
  if (!result.ok) return { ok: false, result };
  cache.set(key, { at: Date.now(), columns: result.response.columns });
  if (cache.size > 200) cache.delete(cache.keys().next().value as string);
  return { ok: true, columns: result.response.columns };
}

/** The named params a query still references (a rewrite may have dropped the commands using some). */
export function usedParams(query: Query, params: Record<string, EsqlValue>[]): Record<string, EsqlValue>[] {
  const names = new Set(collect<Param>(query, (n) => n.kind === 'param').map((p) => p.name));
  return params.filter((p) => Object.keys(p).every((k) => names.has(k)));
}
