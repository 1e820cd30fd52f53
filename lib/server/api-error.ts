/**
 * Backend failures as the page shows them: the server's own message, plus what to check. Hints
 * name configuration variables, never their values.
 */
import type { ApiError, ApiErrorKind } from '../api/contract';
import type { BackendError } from '../backends/types';

const HINTS: Partial<Record<ApiErrorKind, string>> = {
  parsing: 'The query text is not valid ES|QL. Fix the hunt file, or run the query in Discover to compare.',
  verification: 'Elasticsearch rejected a column or a type: the field may be missing from the mapping of the indices searched.',
  unknown_index: 'No index matches the query’s FROM pattern. Check that the integration ships data to this cluster (or run `huntboard demo` for the embedded store).',
  unsupported: 'The embedded engine cannot run this construct. Run the hunt against an Elasticsearch cluster instead.',
  bad_request: 'Elasticsearch refused the request. Check the cluster version (8.15 or later is needed for these hunts).',
  authentication: 'Authentication failed. Check ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD.',
  authorization: 'The credentials lack a privilege: they need `read` on the hunt’s indices and the cluster privilege `monitor`.',
  rate_limited: 'The cluster is overloaded (429). Wait and run the query again.',
  server: 'The cluster failed while running the query. Check its health and logs.',
  unreachable: 'Huntboard cannot reach the cluster. Check ELASTICSEARCH_URL (or ELASTICSEARCH_CLOUD_ID), the network, and ELASTICSEARCH_CA_CERT for TLS.',
  timeout: 'The query took longer than the timeout. Narrow the time window, or raise HUNTBOARD_QUERY_TIMEOUT_MS.',
  cancelled: 'The query was cancelled.',
  bad_response: 'The server’s answer was not a valid Elasticsearch response. Check that ELASTICSEARCH_URL points at Elasticsearch, not a proxy page.',
  internal: 'An internal error occurred; the server log has the details.',
  not_found: 'Go back to the overview to pick a hunt.',
};

export function toApiError(error: BackendError): ApiError {
  const hint = error.kind === 'rate_limited' && error.retryAfterSeconds !== undefined
    ? `The cluster is overloaded (429). Retry after ${error.retryAfterSeconds} s.`
    : HINTS[error.kind];
  return { kind: error.kind, message: error.message, ...(hint ? { hint } : {}) };
}

export function apiError(kind: ApiErrorKind, message: string): ApiError {
  const hint = HINTS[kind];
  return { kind, message, ...(hint ? { hint } : {}) };
}

/** HTTP status of an API error response: the client's fault, the upstream's, or ours. */
export function statusOf(kind: ApiErrorKind): number {
  switch (kind) {
    case 'not_found':
      return 404;
    case 'parsing':
    case 'verification':
    case 'unknown_index':
    case 'unsupported':
    case 'bad_request':
      return 400;
    case 'cancelled':
      return 499;
    case 'timeout':
      return 504;
    case 'internal':
      return 500;
    default:
      return 502;
  }
}
