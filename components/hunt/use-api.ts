'use client';
/**
 * POSTs to a hunt API route and tracks the call: loading, done, or failed. The state is derived
 * from which request the last answer belongs to, so a new body shows "loading" at once and a
 * stale answer is never shown. `cancel()` aborts the call and the server aborts the query (the
 * route passes the request's signal to the backend).
 *
 * `initial` is the answer the server rendered the page with: it settles the first request it
 * answers (same url, same body) without a call; any other request, or "Run again", calls the API.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '@/lib/model/api';
import { CANCELLED, type SettledCall } from '@/lib/model/initial-call';
import { callApi } from '@/lib/api/client';

export type CallState<T> =
  | { status: 'idle' }
  | { status: 'loading'; request: string }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: ApiError };

type Answer = { ok: true } | { ok: false; error: ApiError };
type Settled<T> = { request: string; state: { status: 'done'; data: T } | { status: 'failed'; error: ApiError } };

const requestKey = (attempt: number, url: string, payload: string) => `${attempt}\0${url}\0${payload}`;

/** The first request's key and state when the server's answer settles it, else null. */
export function settledByServer<T extends Answer>(initial: SettledCall<T> | undefined): Settled<Extract<T, { ok: true }>> | null {
  if (!initial) return null;
  const request = requestKey(0, initial.url, JSON.stringify(initial.body ?? {}));
  const answer = initial.answer;
  return { request, state: answer.ok ? { status: 'done', data: answer as Extract<T, { ok: true }> } : { status: 'failed', error: answer.error } };
}

export function useApiPost<T extends Answer>(
  url: string | null,
  body: unknown,
  initial?: SettledCall<T>,
): { state: CallState<Extract<T, { ok: true }>>; cancel: () => void; retry: () => void } {
  const [settled, setSettled] = useState<Settled<Extract<T, { ok: true }>> | null>(() => settledByServer(initial));
  // Only until the view moves on: coming back to the same request later asks the server again.
  const served = useRef(settled?.request ?? null);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const payload = JSON.stringify(body ?? {});
  const request = url === null ? null : requestKey(attempt, url, payload);

  useEffect(() => {
    if (request !== null && request === served.current) return;
    served.current = null;
    if (url === null || request === null) return;
    const abort = new AbortController();
    controller.current = abort;
    // A superseded call (new body, unmount) must not overwrite the state of the one replacing it.
    let superseded = false;
    void post<T>(url, payload, abort.signal).then((outcome) => {
      if (superseded) return;
      setSettled({ request, state: outcome.ok ? { status: 'done', data: outcome as Extract<T, { ok: true }> } : { status: 'failed', error: outcome.error } });
    });
    return () => {
      superseded = true;
      abort.abort();
    };
  }, [url, payload, request]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: CallState<Extract<T, { ok: true }>> =
    request === null ? { status: 'idle' } : settled?.request === request ? settled.state : { status: 'loading', request };
  return { state, cancel, retry };
}

async function post<T extends Answer>(url: string, payload: string, signal: AbortSignal): Promise<Extract<T, { ok: true }> | { ok: false; error: ApiError }> {
  // The hook keys its calls by the payload's text; the client takes the value.
  const answer = await callApi<Extract<T, { ok: true }>>(url, { method: 'POST', json: JSON.parse(payload), signal });
  if (answer.ok) return answer.body;
  if (signal.aborted) return CANCELLED;
  return { ok: false, error: answer.error };
}
