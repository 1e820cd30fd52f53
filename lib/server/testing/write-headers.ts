/**
 * For route tests: the headers a Huntboard page sends with a write — its Origin, the CSRF cookie
 * the proxy set, and the same token echoed in the header (see ../http/csrf.ts).
 */
import { CSRF_COOKIE, CSRF_HEADER } from '../../model/csrf';

export const TEST_HOST = '127.0.0.1:3000';
export const TEST_ORIGIN = `http://${TEST_HOST}`;
export const TEST_CSRF_TOKEN = 'test-csrf-token-0123456789abcdefghijklmnopq';

/** Host and token headers; Origin too unless `origin` is null (to test its absence). */
export function writeHeaders(origin: string | null = TEST_ORIGIN, token: string = TEST_CSRF_TOKEN): Record<string, string> {
  return {
    host: TEST_HOST,
    cookie: `${CSRF_COOKIE}=${token}`,
    [CSRF_HEADER]: token,
    ...(origin !== null ? { origin } : {}),
  };
}
