/**
 * An ApiError as an HTTP answer: the one place an error kind becomes a status, and the one shape
 * of a refusal (`{ok: false, error, …}`, never cached). Pure, so the proxy's CSRF check can use it.
 */
import 'server-only';
import type { ApiError, ApiErrorKind } from '../../model/api';

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
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'conflict':
      return 409;
    case 'cancelled':
      return 499;
    case 'timeout':
      return 504;
    case 'internal':
      return 500;
    case 'disk_full':
      return 507;
    default:
      return 502;
  }
}

export const NO_STORE = { 'cache-control': 'no-store' } as const;

export interface RefusalOptions {
  /** Only where the kind's status says less than the route knows: 413 too large, 429 slow down, 503 misconfigured. */
  status?: number;
  headers?: Record<string, string>;
  /** What the page needs beside the error (the sign-off's current untriaged count, a triage conflict's newer state). */
  extra?: Record<string, unknown>;
}

export function refusal(error: ApiError, options: RefusalOptions = {}): Response {
  return Response.json({ ok: false, error, ...options.extra }, { status: options.status ?? statusOf(error.kind), headers: { ...NO_STORE, ...options.headers } });
}
