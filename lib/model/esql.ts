/**
 * The values, columns and results every layer speaks: the shape of Elasticsearch's `_query`
 * response and the ways a query fails. A leaf: it imports nothing of Huntboard, and is browser-safe.
 */

/** A cell: a scalar, null, or an array for a multi-valued cell. */
export type EsqlScalar = string | number | boolean | null;
export type EsqlValue = EsqlScalar | EsqlScalar[];

export interface EsqlColumn {
  name: string;
  /** Elasticsearch type name: `keyword`, `long`, `date`, `ip`, … */
  type: string;
}

/**
 * ES|QL parameters as Elasticsearch accepts them: all unnamed (`[1, "a"]`, for `?` and `?1`) or
 * all named (`[{"name": "a"}]`, for `?name`). A value may be an array (multi-valued parameter).
 */
export type EsqlParams = EsqlValue[] | Record<string, EsqlValue>[];

export interface QueryResponse {
  columns: EsqlColumn[];
  values: EsqlValue[][];
  /** Warning texts without the `299 Elasticsearch-…` envelope, e.g. `No limit defined, adding default limit of [1000]`. */
  warnings: string[];
  /** Milliseconds, as the server reports it (or as measured when the server omits it). */
  took: number;
  is_partial: boolean;
}

/**
 * Every way a query can fail, each with the server's (or engine's) message. `kind` decides what
 * the UI tells the analyst to check.
 */
export type BackendErrorKind =
  | 'parsing' // 400 parsing_exception: the query text
  | 'verification' // 400 verification_exception: unknown column, type mismatch
  | 'unknown_index' // verification error naming an index pattern that matches nothing
  | 'unsupported' // the embedded engine cannot run this (positioned message)
  | 'bad_request' // other 400s: bad params, version skew (media_type_header_exception)
  | 'authentication' // 401
  | 'authorization' // 403
  | 'rate_limited' // 429 (retryAfterSeconds when the server said)
  | 'server' // 5xx
  | 'unreachable' // connection refused, DNS, TLS
  | 'timeout' // no answer within the timeout
  | 'cancelled' // the caller aborted
  | 'bad_response' // malformed or truncated body, not Elasticsearch
  | 'internal'; // a bug of ours: logged server-side, message kept generic

export interface BackendError {
  kind: BackendErrorKind;
  message: string;
  /** HTTP status when one was received. */
  status?: number;
  retryAfterSeconds?: number;
}

export type QueryResult =
  | { ok: true; response: QueryResponse }
  | { ok: false; error: BackendError };
