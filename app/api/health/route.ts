export const dynamic = 'force-dynamic';

/** Liveness for process managers and the e2e harness: the server answers, nothing more. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
