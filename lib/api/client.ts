/**
 * The browser's one way to call Huntboard's API routes: a JSON body (or raw bytes), the CSRF
 * header on every write, same-origin credentials, and every way a call can end as data — the
 * route's `{ok: true, …}`, its refusal `{ok: false, error}`, an answer that is not JSON (a proxy's
 * error page), no answer at all, or the caller's own cancel. Components never call fetch
 * themselves, so none of them forgets the token or throws on a dead server.
 */
import type { ApiError } from '../model/api';
import { CSRF_HEADER, csrfTokenIn } from '../model/csrf';

export interface ApiCall {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as `application/json`; POST without a body sends `{}`. */
  json?: unknown;
  /** Raw bytes instead of JSON (a bundle upload), with their content type in `headers`. */
  bytes?: ArrayBuffer | Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * `body` is the route's whole JSON answer. A refusal keeps its body too when it had one: some
 * carry more than the error (a triage conflict's newer state, a sign-off's current untriaged count).
 */
export type ApiAnswer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status?: number; message: string; error: ApiError; body?: Record<string, unknown> };

/** Headers to add to a state-changing fetch: the CSRF cookie echoed, or nothing before the first page set it (the server then says why). */
export function csrfHeaders(cookieText: string = typeof document === 'undefined' ? '' : document.cookie): Record<string, string> {
  const token = csrfTokenIn(cookieText);
  return token ? { [CSRF_HEADER]: token } : {};
}

const failure = (error: ApiError, status?: number, body?: Record<string, unknown>): ApiAnswer<never> => ({
  ok: false,
  message: error.message,
  error,
  ...(status !== undefined ? { status } : {}),
  ...(body ? { body } : {}),
});

export async function callApi<T extends object>(url: string, call: ApiCall = {}): Promise<ApiAnswer<T>> {
  const method = call.method ?? (call.json !== undefined || call.bytes !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { ...(method === 'GET' ? {} : csrfHeaders()), ...call.headers };
  let body: BodyInit | undefined;
  if (call.bytes !== undefined) body = call.bytes;
  else if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json ?? {});
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: call.signal });
    text = await response.text();
  } catch {
    if (call.signal?.aborted) return failure({ kind: 'cancelled', message: 'The request was cancelled.' });
    return failure({ kind: 'unreachable', message: 'The Huntboard server did not answer.', hint: 'Check that the server is still running.' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failure({ kind: 'bad_response', message: `The Huntboard server answered ${response.status} without JSON.` }, response.status);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return failure({ kind: 'bad_response', message: `The Huntboard server answered ${response.status} with an unexpected body.` }, response.status);
  }
  const answer = parsed as Record<string, unknown>;
  if (answer.ok === true) return { ok: true, status: response.status, body: answer as T };
  return failure(errorOf(answer.error, response.status), response.status, answer);
}

/** The route's error when it sent one, else the status in words (a 4xx/5xx some other layer answered). */
function errorOf(error: unknown, status: number): ApiError {
  if (typeof error === 'object' && error !== null && typeof (error as ApiError).message === 'string') {
    const { kind, message, hint } = error as ApiError;
    return { kind: typeof kind === 'string' ? kind : 'bad_response', message, ...(typeof hint === 'string' ? { hint } : {}) };
  }
  return { kind: 'bad_response', message: `The server answered ${status}.` };
}

/** POST a JSON payload: the common case (sign-in, save as run, allow-list, sign-off buttons). */
export function postJson<T extends object>(url: string, payload: unknown, signal?: AbortSignal): Promise<ApiAnswer<T>> {
  return callApi<T>(url, { method: 'POST', json: payload, signal });
}
