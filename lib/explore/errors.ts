/**
 * Explore's failures: the backend's words and position (`line 1:19: Unknown column [b]`) with what
 * to check — the analyst's own query, not a hunt file — and the backend's hints otherwise.
 */
import 'server-only';
import type { ApiError } from '../model/api';
import type { Backend } from '../backends/types';
import type { BackendError, BackendErrorKind } from '../model/esql';
import { toApiError } from '../hunts/run/errors';

const QUERY_HINTS: Partial<Record<BackendErrorKind, Record<Backend['kind'], string>>> = {
  parsing: {
    elasticsearch: 'The query is not valid ES|QL: fix it at the line and column given.',
    embedded: 'The query is not valid ES|QL: fix it at the line and column given.',
  },
  verification: {
    elasticsearch: 'Elasticsearch rejected a column or a type: the field may be missing from the mapping of the indices searched.',
    embedded: 'The embedded engine rejected a column or a type: the field may be missing from the mapping of the local store’s indices.',
  },
  unknown_index: {
    elasticsearch: 'No index, alias or data stream matches the FROM pattern: check its spelling against the cluster’s indices.',
    embedded: 'No index of the local event store matches the FROM pattern: check its spelling, or `huntboard ingest` the events.',
  },
};

export function toExploreError(error: BackendError, backend: Backend['kind']): ApiError {
  const hint = QUERY_HINTS[error.kind]?.[backend];
  const base = toApiError(error, backend);
  return hint ? { ...base, hint } : base;
}
