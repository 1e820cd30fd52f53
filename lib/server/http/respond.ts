/** JSON responses of the API routes: errors carry their status, nothing is cached by proxies. */
import 'server-only';
import { apiError, type ApiError } from '../../model/api';
import { createBackend } from '../../backends';
import type { Backend } from '../../backends/types';
import { NO_STORE, statusOf } from './error-status';
import { sharingQueries } from '../process/single-flight';

export type Answer = object & ({ ok: true } | { ok: false; error: ApiError });

export function json(body: Answer): Response {
  const status = body.ok ? 200 : statusOf(body.error.kind);
  return Response.json(body, { status, headers: NO_STORE });
}

/**
 * The configured backend, or the configuration problem as an answer (never a stack trace). Its
 * queries are shared: identical requests arriving together (fifty analysts on one hunt page) run once.
 */
export function backendOrError(): { ok: true; backend: Backend } | { ok: false; error: ApiError } {
  try {
    return { ok: true, backend: sharingQueries(createBackend()) };
  } catch (e) {
    return { ok: false, error: apiError('bad_request', `Huntboard is misconfigured: ${(e as Error).message}`, 'Fix the configuration variable it names (see the README’s Configuration), then restart Huntboard.') };
  }
}
