/**
 * POSTs JSON to a Huntboard route and reads its `{ok, error?}` answer; a dead server is a message
 * too. Every POST carries the CSRF token (see lib/api/csrf.ts), sign-in and sign-out included.
 */
import { csrfHeaders } from '@/lib/api/csrf';

export type Posted<T> = { ok: true; body: T } | { ok: false; message: string };

export async function postJson<T>(url: string, payload: unknown): Promise<Posted<T>> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(payload) });
    const body = (await response.json()) as { ok: boolean; error?: { message: string } } & T;
    return body.ok ? { ok: true, body } : { ok: false, message: body.error?.message ?? `The server answered ${response.status}.` };
  } catch {
    return { ok: false, message: 'The Huntboard server did not answer.' };
  }
}
