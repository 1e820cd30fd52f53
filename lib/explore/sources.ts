/**
 * What the ES|QL editor completes and analyzes with: every name a FROM can use on the backend, and
 * a FROM's patterns resolved to the indices they cover and the columns ES|QL sees behind them
 * (`FROM … | LIMIT 0`, through the backend like any query: the same names and types on both
 * backends). Answers are cached per backend for a few seconds (source-cache.ts).
 */
import 'server-only';
import type { Backend, SourcesResult } from '../backends/types';
import type { ResolvedFromSources } from '../model/api';
import type { BackendError } from '../model/esql';
import { backendCache, type TtlCacheOptions } from './source-cache';
import { limitZeroQuery, matchingNames } from './patterns';

export type ResolveResult = { ok: true; resolved: ResolvedFromSources } | { ok: false; error: BackendError };

export interface SourceCatalog {
  list(backend: Backend): Promise<SourcesResult>;
  /** `from` as the editor sends it: comma-separated FROM patterns. */
  resolve(backend: Backend, from: string): Promise<ResolveResult>;
}

export function createSourceCatalog(options: TtlCacheOptions = {}): SourceCatalog {
  const lists = backendCache<SourcesResult>(options);
  const resolutions = backendCache<ResolveResult>(options);

  const list = (backend: Backend) => lists.get(backend, '', () => listSources(backend), (r) => r.ok);

  async function resolveNow(backend: Backend, from: string): Promise<ResolveResult> {
    const query = limitZeroQuery(from);
    if (!query.ok) return { ok: false, error: { kind: 'bad_request', message: query.message } };
    const result = await backend.query({ query: query.text });
    if (!result.ok) {
      if (result.error.kind !== 'unknown_index') return result;
      return { ok: true, resolved: { unknown: unknownPattern(result.error.message, query.patterns) } };
    }
    const names = await list(backend);
    const indices = names.ok ? matchingNames(names.sources, query.patterns) : [];
    return { ok: true, resolved: { indices, fields: result.response.columns.map((c) => ({ name: c.name, type: c.type })) } };
  }

  return {
    list,
    resolve: (backend, from) => resolutions.get(backend, from, () => resolveNow(backend, from), (r) => r.ok),
  };
}

async function listSources(backend: Backend): Promise<SourcesResult> {
  if (backend.listSources) return backend.listSources();
  const described = await backend.describe();
  if (!described.ok) return described;
  const names = described.info.kind === 'embedded' ? described.info.indices.map((i) => i.name) : [];
  return { ok: true, sources: [...new Set(names)].sort() };
}

/** The pattern Elasticsearch's `Unknown index [x]` names (the message is the backend's), else the first. */
function unknownPattern(message: string, patterns: string[]): string {
  const named = /Unknown index \[([^\]]*)\]/.exec(message)?.[1];
  return named !== undefined && named !== '' ? named : patterns[0];
}

/** Whether the columns behind the patterns include `@timestamp` (without it no window applies); undefined when that cannot be told. */
export async function hasTimestamp(catalog: SourceCatalog, backend: Backend, patterns: string[]): Promise<boolean | undefined> {
  const resolved = await catalog.resolve(backend, patterns.join(','));
  if (!resolved.ok || 'unknown' in resolved.resolved) return undefined;
  return resolved.resolved.fields.some((f) => f.name === '@timestamp');
}
