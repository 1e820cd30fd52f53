/**
 * Hints that match the failure (issue 13): a backend's hint only when that backend failed, in its
 * own terms (the embedded engine is not Elasticsearch); none on Huntboard's own refusals — request
 * validation, sign-in — which used to carry "Elasticsearch refused the request".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, type ApiError } from '../../model/api';
import { authTestDb } from '../../auth/testing/db';
import { addUser } from '../../auth/users';
import type { BackendErrorKind } from '../../model/esql';
import { toApiError } from '../../hunts/run/errors';
import { signIn, type AuthContext } from '../routes/auth';
import { readBody, runBodySchema } from './requests';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const KINDS: BackendErrorKind[] = ['parsing', 'verification', 'unknown_index', 'unsupported', 'bad_request', 'authentication', 'authorization', 'rate_limited', 'server', 'unreachable', 'timeout', 'cancelled', 'bad_response', 'internal'];
/** What the embedded engine answers with (lib/engine/engine.ts). */
const EMBEDDED_KINDS: BackendErrorKind[] = ['parsing', 'verification', 'unknown_index', 'unsupported', 'cancelled', 'internal'];

function expectNoBackendHint(error: ApiError): void {
  expect(error.hint ?? '').not.toMatch(/elasticsearch|cluster/i);
}

describe('backend hints', () => {
  it('every Elasticsearch failure has a hint', () => {
    for (const kind of KINDS) expect(toApiError({ kind, message: 'x' }, 'elasticsearch').hint, kind).toBeTruthy();
    expect(toApiError({ kind: 'bad_request', message: 'x' }, 'elasticsearch').hint).toMatch(/^Elasticsearch refused the request/);
  });

  it('the embedded engine’s failures have hints that never speak of Elasticsearch or a cluster, except to suggest one', () => {
    for (const kind of KINDS) {
      const hint = toApiError({ kind, message: 'x' }, 'embedded').hint ?? '';
      if (kind === 'unsupported') expect(hint).toMatch(/^The embedded engine cannot run this construct/);
      else expect(hint, kind).not.toMatch(/elasticsearch|cluster/i);
    }
    for (const kind of EMBEDDED_KINDS) expect(toApiError({ kind, message: 'x' }, 'embedded').hint, kind).toBeTruthy();
    expect(toApiError({ kind: 'unknown_index', message: 'x' }, 'embedded').hint).toContain('huntboard demo');
    expect(toApiError({ kind: 'verification', message: 'x' }, 'embedded').hint).toMatch(/^The embedded engine rejected/);
  });

  it('a 429 with Retry-After says when', () => {
    expect(toApiError({ kind: 'rate_limited', message: 'x', retryAfterSeconds: 7 }, 'elasticsearch').hint).toBe('The cluster is overloaded (429). Retry after 7 s.');
  });
});

describe('Huntboard’s own refusals carry no backend hint', () => {
  it('apiError gives only the hint its caller words', () => {
    expect(apiError('bad_request', 'no')).toEqual({ kind: 'bad_request', message: 'no' });
    expect(apiError('not_found', 'gone', 'Go back.')).toEqual({ kind: 'not_found', message: 'gone', hint: 'Go back.' });
  });

  it('a request body that fails the zod schema', async () => {
    const parsed = await readBody(new Request(`${TEST_ORIGIN}/api`, { method: 'POST', body: JSON.stringify({ window: 'forever', extra: 1 }) }), runBodySchema);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatchObject({ kind: 'bad_request', message: expect.stringMatching(/^Invalid request/) });
      expect(parsed.error.hint).toBeUndefined();
    }
  });

});

describe('sign-in refusals carry no Elasticsearch hint', () => {
  let state: ReturnType<typeof authTestDb>;
  let ctx: AuthContext;
  const NOW = new Date('2026-01-08T12:00:00.000Z');
  const attempt = (body: unknown) =>
    signIn(new Request(`${TEST_ORIGIN}/api/auth/signin`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...writeHeaders() } }), ctx);

  beforeEach(async () => {
    state = authTestDb();
    ctx = { db: state.db, env: {}, now: NOW, access: { mode: { kind: 'accounts' }, trustProxy: false, peerHeader: false } };
    await addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);
  });
  afterEach(() => state.dispose());

  it('the lockout after wrong passwords', async () => {
    let response = await attempt({ username: 'ana', password: 'wrong password' });
    for (let i = 0; i < 10 && response.status !== 429; i++) {
      const body = (await response.json()) as { error: ApiError };
      expectNoBackendHint(body.error);
      response = await attempt({ username: 'ana', password: 'wrong password' });
    }
    expect(response.status).toBe(429);
    const { error } = (await response.json()) as { error: ApiError };
    expect(error.kind).toBe('bad_request');
    expect(error.hint).toBeUndefined();
  });

  it('a sign-in body that fails validation', async () => {
    const response = await attempt({ username: 'ana' });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: ApiError };
    expect(error.message).toMatch(/^Invalid request at password/);
    expect(error.hint).toBeUndefined();
  });
});
