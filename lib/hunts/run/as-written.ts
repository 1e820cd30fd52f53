/** Running one query of a hunt on a backend; every failure comes back as data. */
import 'server-only';
import type { Backend } from '../../backends/types';
import type { EsqlParams, QueryResult } from '../../model/esql';
import { formatErrors } from '../../esql';
import type { Hunt } from '../types';
import { notEsqlMessage } from './errors';

export interface RunHuntQueryOptions {
  now?: Date;
  params?: EsqlParams;
  signal?: AbortSignal;
}

export async function runHuntQuery(
  backend: Backend,
  hunt: Hunt,
  queryNumber: number,
  options: RunHuntQueryOptions = {},
): Promise<QueryResult> {
  const query = hunt.queries.find((q) => q.number === queryNumber);
  if (!query) {
    const count = hunt.queries.length;
    return {
      ok: false,
      error: { kind: 'bad_request', message: `hunt [${hunt.id}] has no query ${queryNumber} (it has ${count} quer${count === 1 ? 'y' : 'ies'})` },
    };
  }
  if (query.language !== 'ES|QL') return { ok: false, error: { kind: 'unsupported', message: notEsqlMessage(hunt, queryNumber, query.language) } };
  // A query that does not parse would be rejected by Elasticsearch too; don't send it.
  if (!query.parsed.ok) return { ok: false, error: { kind: 'parsing', message: formatErrors(query.parsed.errors) } };
  return backend.query({ query: query.text, now: options.now, params: options.params, signal: options.signal });
}

/** The numbers of the hunt's ES|QL queries: what `hunts run` runs when no query is named. */
export function esqlQueryNumbers(hunt: Hunt): number[] {
  return hunt.queries.filter((q) => q.language === 'ES|QL').map((q) => q.number);
}
