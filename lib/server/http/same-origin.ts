/**
 * A state-changing request must come from a page of this server: browsers send Origin on every
 * POST/DELETE fetch, and Sec-Fetch-Site (when sent) must agree. Requests without Origin (curl,
 * old clients) are refused; they could not carry the CSRF token either (see csrf.ts).
 */
import 'server-only';

export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('host');
  if (!origin || !host) return false;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
