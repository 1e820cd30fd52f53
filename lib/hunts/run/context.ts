/** Context columns for the rows of a hunt result: one re-aggregating query, keyed by row. */
import 'server-only';
import { apiError, rowKey, type ContextResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { EsqlValue } from '../../model/esql';
import { type ColumnSchema, type EsqlType, print } from '../../esql';
import { buildContextQuery } from '../context';
import { toApiError } from './errors';
import type { PreparedQuery } from './prepare';
import { statsInputColumns } from './stats-input';

export async function runContext(
  backend: Backend,
  prepared: PreparedQuery,
  rows: Record<string, EsqlValue>[],
  now: Date,
  signal?: AbortSignal,
): Promise<ContextResponse> {
  const input = await statsInputColumns(backend, prepared.query, prepared.params, now, signal);
  if (!input.ok) return { ok: false, error: 'reason' in input ? apiError('bad_request', input.reason) : toApiError(input.result.error, backend.kind) };
  const columns: ColumnSchema[] = input.columns.map((c) => ({ name: c.name, type: c.type as EsqlType }));
  const built = buildContextQuery(prepared.query, rows, columns, { text: prepared.originalText });
  if (!built.ok) return { ok: false, error: apiError('bad_request', built.reason) };
  const result = await backend.query({
    query: print(built.query),
    params: [...prepared.params, ...built.params],
    now,
    ...(signal ? { signal } : {}),
  });
  if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
  const { columns: out, values } = result.response;
  const contextIndexes = built.aggregates.map((name) => out.findIndex((c) => c.name === name));
  const byRow: Record<string, EsqlValue[]> = {};
  for (const row of values) {
    const record = Object.fromEntries(out.map((c, i) => [c.name, row[i]]));
    byRow[rowKey(prepared.keys, record)] = contextIndexes.map((i) => row[i]);
  }
  return { ok: true, columns: contextIndexes.map((i) => out[i]), rows: byRow };
}
