/**
 * Failures of a hunt query as the page and the CLI show them: the server's own message, plus what
 * to check. Hints name configuration variables, never their values, and only ever the backend that
 * failed. Domain errors: lib/server translates them to status codes (lib/server/http/error-status.ts);
 * Huntboard's own refusals are lib/model/api.ts `apiError`.
 */
import 'server-only';
import type { ApiError } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { BackendError, BackendErrorKind } from '../../model/esql';
import type { Hunt } from '../types';

type BackendKind = Backend['kind'];

/** The hint of a hunt or query that does not exist (a stale link). */
export const PICK_A_HUNT = 'Go back to the overview to pick a hunt.';

export const INTERNAL = 'An internal error occurred; the server log has the details.';

/** What to check when the backend failed, in its own terms: the embedded engine is not Elasticsearch. */
const BACKEND_HINTS: Record<BackendKind, Partial<Record<BackendErrorKind, string>>> = {
  elasticsearch: {
    parsing: 'The query text is not valid ES|QL. Fix the hunt file, or run the query in Discover to compare.',
    verification: 'Elasticsearch rejected a column or a type: the field may be missing from the mapping of the indices searched.',
    unknown_index: 'No index matches the query’s FROM pattern. Check that the integration ships data to this cluster.',
    unsupported: 'This cluster cannot run these hunts: Huntboard needs Elasticsearch 8.15 or later.',
    bad_request: 'Elasticsearch refused the request. Check the cluster version (8.15 or later is needed for these hunts).',
    authentication: 'Authentication failed. Check ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD.',
    authorization: 'The credentials lack a privilege: they need `read` on the hunt’s indices and the cluster privilege `monitor`.',
    rate_limited: 'The cluster is overloaded (429). Wait and run the query again.',
    server: 'The cluster failed while running the query. Check its health and logs.',
    unreachable: 'Huntboard cannot reach the cluster. Check ELASTICSEARCH_URL (or ELASTICSEARCH_CLOUD_ID), the network, and ELASTICSEARCH_CA_CERT for TLS.',
    timeout: 'The query took longer than the timeout. Narrow the time window, or raise HUNTBOARD_QUERY_TIMEOUT_MS.',
    cancelled: 'The query was cancelled.',
    bad_response: 'The server’s answer was not a valid Elasticsearch response. Check that ELASTICSEARCH_URL points at Elasticsearch, not a proxy page.',
    internal: INTERNAL,
  },
  embedded: {
    parsing: 'The query text is not valid ES|QL. Fix the hunt file.',
    verification: 'The embedded engine rejected a column or a type: the field may be missing from the mapping of the local store’s indices.',
    unknown_index: 'No index of the local event store matches the query’s FROM pattern. Run `huntboard demo`, or `huntboard ingest` your events.',
    unsupported: 'The embedded engine cannot run this construct. Run the hunt against an Elasticsearch cluster instead.',
    bad_request: 'The embedded engine refused the query’s parameters.',
    timeout: 'The query took longer than the timeout. Narrow the time window.',
    cancelled: 'The query was cancelled.',
    internal: 'The embedded engine failed while running the query. If the local event store was damaged, ingest its events again.',
  },
};

/** A backend's failure, with what to check on that backend. */
export function toApiError(error: BackendError, backend: BackendKind): ApiError {
  const hint = error.kind === 'rate_limited' && error.retryAfterSeconds !== undefined
    ? `The cluster is overloaded (429). Retry after ${error.retryAfterSeconds} s.`
    : BACKEND_HINTS[backend][error.kind];
  return { kind: error.kind, message: error.message, ...(hint ? { hint } : {}) };
}

/** Why a hunt query in another language is not run: the same words on the page and the command line. */
export function notEsqlMessage(hunt: Hunt, queryNumber: number, language: Hunt['queries'][number]['language']): string {
  const named = language === 'SQL' ? 'OSQuery SQL' : language === 'other' ? 'not ES|QL' : language;
  return `Query ${queryNumber} of hunt [${hunt.id}] is ${named}; only ES|QL queries can be run.`;
}
