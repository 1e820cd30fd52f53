/** Bodies and header rules of the fake Elasticsearch, shaped like the real server's. */
import type { IncomingHttpHeaders } from 'node:http';
import { escapeWarning } from '../elasticsearch-warnings';

export interface EsErrorBody {
  error: { root_cause: { type: string; reason: string }[]; type: string; reason: string; caused_by?: { type: string; reason: string } };
  status: number;
}

export function errorBody(status: number, type: string, reason: string, causedBy?: { type: string; reason: string }): EsErrorBody {
  return {
    error: { root_cause: [{ type, reason }], type, reason, ...(causedBy !== undefined ? { caused_by: causedBy } : {}) },
    status,
  };
}

/** What Elasticsearch answers for these statuses when the test gives no body. */
export function defaultErrorBody(status: number, path: string): EsErrorBody {
  switch (status) {
    case 400:
      return errorBody(400, 'parsing_exception', "line 1:1: mismatched input 'SELEC' expecting {'explain', 'from', 'row', 'show'}");
    case 401:
      return errorBody(401, 'security_exception', `unable to authenticate user for REST request [${path}]`);
    case 403:
      return errorBody(403, 'security_exception', 'action [indices:data/read/esql] is unauthorized for user [hunter] with effective roles [viewer]');
    case 404:
      return errorBody(404, 'resource_not_found_exception', 'no such query');
    case 429:
      return errorBody(429, 'es_rejected_execution_exception', 'rejected execution of TimedRunnable on EsThreadPoolExecutor[name = node-1/esql_worker, queue capacity = 1000]');
    case 503:
      return errorBody(503, 'cluster_block_exception', 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];');
    default:
      return errorBody(status, 'exception', 'Internal server error: node failed');
  }
}

const COMPAT = /compatible-with=(\d+)/;

export function requestedCompat(headers: IncomingHttpHeaders): { accept?: number; contentType?: number } {
  const accept = COMPAT.exec(String(headers.accept ?? ''));
  const contentType = COMPAT.exec(String(headers['content-type'] ?? ''));
  return {
    ...(accept !== null ? { accept: Number(accept[1]) } : {}),
    ...(contentType !== null ? { contentType: Number(contentType[1]) } : {}),
  };
}

/**
 * Elasticsearch accepts compatible-with its own major or the previous one; anything else is a 400
 * media_type_header_exception (the 9.x client against 8.x: elastic/elasticsearch-js#2909).
 */
export function compatRejection(major: number, headers: IncomingHttpHeaders): EsErrorBody | undefined {
  const { accept, contentType } = requestedCompat(headers);
  const bad = (v: number | undefined) => v !== undefined && v !== major && v !== major - 1;
  const names = [bad(accept) ? 'Accept' : undefined, bad(contentType) ? 'Content-Type' : undefined].filter(
    (n): n is string => n !== undefined,
  );
  if (names.length === 0) return undefined;
  const header = bad(accept) ? 'Accept' : 'Content-Type';
  const version = bad(accept) ? accept : contentType;
  const value = header === 'Accept' ? headers.accept : headers['content-type'];
  return errorBody(400, 'media_type_header_exception', `Invalid media-type value on headers [${names.join(', ')}]`, {
    type: 'status_exception',
    reason: `${header} version must be either version ${major} or ${major - 1}, but found ${version}. ${header}=${value}`,
  });
}

const BASE_FIELDS = ['query', 'params', 'columnar', 'filter', 'locale', 'profile', 'tables', 'include_ccs_metadata'];
const ASYNC_FIELDS = ['wait_for_completion_timeout', 'keep_alive', 'keep_on_completion'];

/** The server's body parser is strict: unknown fields (e.g. `time_zone` before 9.4) are a 400. */
export function unknownFieldRejection(body: unknown, isAsync: boolean, major: number, minor: number): EsErrorBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return errorBody(400, 'parsing_exception', 'request body is required');
  }
  const allowed = new Set([...BASE_FIELDS, ...(isAsync ? ASYNC_FIELDS : [])]);
  if (major > 9 || (major === 9 && minor >= 4)) allowed.add('time_zone');
  const unknown = Object.keys(body).find((key) => !allowed.has(key));
  if (unknown === undefined) return undefined;
  return errorBody(400, 'x_content_parse_exception', `[1:2] [esql/query] unknown field [${unknown}]`);
}

/** `299 Elasticsearch-<version>-<hash> "<text>"`, the text escaped and encoded as the server does. */
export function warningHeader(version: string, text: string): string {
  return `299 Elasticsearch-${version}-0a1b2c3d4e5f "${escapeWarning(text)}"`;
}
