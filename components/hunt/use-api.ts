'use client';
/**
 * POSTs to a hunt API route and tracks the call: loading, done, or failed. The state is derived
 * from which request the last answer belongs to, so a new body shows "loading" at once and a
 * stale answer is never shown. `cancel()` aborts the call and the server aborts the query (the
 * route passes the request's signal to the backend).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '@/lib/model/api';
import { callApi } from '@/lib/api/client';

export type CallState<T> =
  | { status: 'idle' }
  | { status: 'loading'; request: string }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: ApiError };

type Answer = { ok: true } | { ok: false; error: ApiError };
type Settled<T> = { request: string; state: { status: 'done'; data: T } | { status: 'failed'; error: ApiError } };

export function useApiPost<T extends Answer>(url: string | null, body: unknown): { state: CallState<Extract<T, { ok: true }>>; cancel: () => void; retry: () => void } {
  const [settled, setSettled] = useState<Settled<Extract<T, { ok: true }>> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const payload = JSON.stringify(body ?? {});
  const request = url === null ? null : `${attempt}\0${url}\0${payload}`;

  useEffect(() => {
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
  if (signal.aborted) return { ok: false, error: { kind: 'cancelled', message: 'You cancelled the query.', hint: 'Run it again when you are ready.' } };
  return { ok: false, error: answer.error };
}
