/**
 * The wrapper every API route file exports its handlers through. An exception that escapes a
 * handler would otherwise become Next's 500 with an empty body, which the page cannot explain: here
 * it becomes a JSON error — `disk_full` (507) when the disk refused a write, else `internal` (500)
 * — and the exception goes to the server log, never to the answer.
 */
import 'server-only';
import { json } from './respond';
import { unexpectedError } from './unexpected-error';

/** Next's own control flow (redirect(), notFound(), dynamic bail-outs) travels as exceptions with a digest. */
function isNextSignal(e: unknown): boolean {
  const digest = typeof e === 'object' && e !== null ? (e as { digest?: unknown }).digest : undefined;
  return typeof digest === 'string' && (digest.startsWith('NEXT_') || digest === 'DYNAMIC_SERVER_USAGE');
}

export function guarded<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response> | Response): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (isNextSignal(e)) throw e;
      const [request] = args;
      console.error(`huntboard: ${request.method} ${new URL(request.url).pathname} failed:`, e);
      return json({ ok: false, error: unexpectedError(e, request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write') });
    }
  };
}
