/** Runs one prepared hunt query and shapes the answer for the hunt page. */
import 'server-only';
import type { RunResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import { resultFindings } from '../../esql';
import { toApiError } from './errors';
import { toApiFinding, type PreparedQuery } from './prepare';

export async function runPrepared(backend: Backend, prepared: PreparedQuery, now: Date, signal?: AbortSignal): Promise<RunResponse> {
  const result = await backend.query({
    query: prepared.text,
    ...(prepared.params.length ? { params: prepared.params } : {}),
    now,
    ...(signal ? { signal } : {}),
  });
  if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
  const truncation = resultFindings(prepared.query, result.response.values.length, prepared.text).map(toApiFinding);
  return {
    ok: true,
    hunt: prepared.hunt.id,
    query: prepared.number,
    effectiveQuery: prepared.text,
    params: prepared.params,
    window: prepared.window,
    result: result.response,
    findings: [...prepared.findings, ...truncation],
    keys: prepared.keys,
  };
}
