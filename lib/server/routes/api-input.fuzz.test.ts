/**
 * Fuzz (issue 5): hostile bodies into every write route's handler — random JSON, wrong types,
 * oversized strings, `__proto__`/`constructor` keys, broken JSON, random bytes for the bundle
 * import. Never a 5xx or a thrown exception; a refusal is always JSON `{ ok: false, error }` with
 * a 4xx; nothing reaches Object.prototype. FUZZ_RUNS scales every property.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestDb } from '../../auth/testing/db';
import { addUser } from '../../auth/users';
import { hostileBody, hostileValue } from '../../testing/hostile-bodies';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../../testing/fuzz-runs';
import { addAllowRoute, revokeAllowRoute } from './allow-list';
import { signIn, type AuthContext } from './auth';
import { postBundleImportRoute } from './bundles';
import { contextRoute, eventRoute, eventsRoute, runRoute } from './hunts';
import { exploreRoute } from './explore';
import { documentRoute } from './document';
import { signInLimiter } from '../http/rate-limit';
import { postTriageRoute } from './triage';
import { deleteWeekSignOffRoute, postWeekSignOffRoute } from './week';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const saved = { ...process.env };
let dir: string;
let auth: ReturnType<typeof authTestDb>;
let authContext: AuthContext;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-api-fuzz-'));
  // Local single-user mode: the caller is the lead, so every route gets past its role check to the body.
  process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_USER: 'fuzzer', HUNTBOARD_NOW: '2026-01-08T12:00:00.000Z' };
  auth = authTestDb();
  await addUser(auth.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, new Date('2026-01-08T12:00:00Z'));
  authContext = { db: auth.db, env: {}, now: new Date('2026-01-08T12:00:00Z'), access: { mode: { kind: 'accounts' }, trustProxy: false, peerHeader: false }, limiter: signInLimiter() };
});
afterAll(() => {
  process.env = saved;
  auth.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function post(url: string, body: string | Uint8Array, method = 'POST'): Request {
  return new Request(`${TEST_ORIGIN}${url}`, { method, body: typeof body === 'string' ? body : Uint8Array.from(body), headers: { 'content-type': 'application/json', ...writeHeaders() } });
}

/** The contract every answer keeps, whatever it was sent. */
async function expectWellFormed(response: Response): Promise<void> {
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type') ?? '').toMatch(/application\/json/);
  const answer = (await response.json()) as { ok?: unknown; conflict?: unknown; state?: unknown; error?: { kind?: unknown; message?: unknown } };
  if (response.status === 409 && answer.conflict === true) {
    // Triage's stale-write answer: by design it carries the newer state for the page, not an error.
    expect(answer.ok).toBe(false);
    expect(answer.state).toBeTypeOf('object');
  } else if (response.status >= 400) {
    expect(answer.ok).toBe(false);
    expect(typeof answer.error?.message).toBe('string');
    expect(typeof answer.error?.kind).toBe('string');
  } else {
    expect(answer.ok).toBe(true);
  }
}

function expectPrototypeClean(): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

const options = (seed: number) => ({ numRuns: fuzzRuns(), seed: fuzzSeed(seed) });
const TIMEOUT = fuzzTimeout(10, 60_000);

type Route = { name: string; valid: Record<string, unknown>; send: (body: string) => Promise<Response> };

const huntContext = (n: string) => ({ params: Promise.resolve({ id: 'no-such-hunt', n }) });
const WINDOW = { window: { id: '7d' } };

const ROUTES: Route[] = [
  {
    name: 'triage change',
    valid: { huntId: 'seed', queryNumber: 1, findingKey: '["kworkerds"]', expectedVersion: 0, status: 'investigating', assignee: 'a', note: 'n' },
    send: (b) => postTriageRoute(post('/api/triage', b)),
  },
  {
    name: 'allow-list add',
    valid: { processName: 'kworkerds', agentId: null, huntId: null, reason: 'known', expiresAt: '2026-03-01T00:00:00.000Z' },
    send: (b) => addAllowRoute(post('/api/allow-list', b)),
  },
  { name: 'allow-list revoke', valid: { id: 1 }, send: (b) => revokeAllowRoute(post('/api/allow-list/revoke', b)) },
  { name: 'week sign-off', valid: { week: '2026-01-05', note: 'fine' }, send: (b) => postWeekSignOffRoute(post('/api/week/signoff', b)) },
  { name: 'week sign-off revoke', valid: { week: '2026-01-05' }, send: (b) => deleteWeekSignOffRoute(post('/api/week/signoff', b, 'DELETE')) },
  { name: 'sign-in', valid: { username: 'ana', password: 'wrong password' }, send: (b) => signIn(post('/api/auth/signin', b), authContext) },
  { name: 'hunt run (stub hunt)', valid: WINDOW, send: (b) => runRoute(post('/api/hunts/no-such-hunt/queries/1/run', b), huntContext('1')) },
  {
    name: 'hunt context (stub hunt)',
    valid: { ...WINDOW, rows: [{ 'process.name': 'x' }] },
    send: (b) => contextRoute(post('/api/hunts/no-such-hunt/queries/1/context', b), huntContext('1')),
  },
  {
    name: 'hunt events (stub hunt)',
    valid: { ...WINDOW, key: ['x'], columns: ['@timestamp'] },
    send: (b) => eventsRoute(post('/api/hunts/no-such-hunt/queries/1/events', b), huntContext('1')),
  },
  {
    name: 'explore run',
    valid: { query: 'ROW a = ?x', params: [{ x: 1 }], ...WINDOW },
    send: (b) => exploreRoute(post('/api/explore', b)),
  },
  {
    name: 'hunt event (stub hunt)',
    valid: { ...WINDOW, key: ['x'], eventId: 'e1' },
    send: (b) => eventRoute(post('/api/hunts/no-such-hunt/queries/1/event', b), huntContext('1')),
  },
  { name: 'document', valid: { index: 'logs-x', id: 'a' }, send: (b) => documentRoute(post('/api/document', b)) },
];

describe('API body validation under fuzz', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))('%s: never a 5xx, refusals are JSON {ok:false,error} 4xx', async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(hostileBody(route.valid), async (body) => {
        await expectWellFormed(await route.send(body));
      }),
      options(601),
    );
    expectPrototypeClean();
  }, TIMEOUT);

  it('hunt routes: hostile query numbers in the path are refused as 4xx JSON', async () => {
    const n = fc.oneof(fc.string({ maxLength: 50, unit: 'binary' }), fc.constantFrom('0', '-1', '1e3', '99999', '1.5', '__proto__', ' 1', '１'));
    await fc.assert(
      fc.asyncProperty(n, async (queryNumber) => {
        await expectWellFormed(await runRoute(post('/api/hunts/x/queries/n/run', JSON.stringify(WINDOW)), huntContext(queryNumber)));
      }),
      options(602),
    );
  }, TIMEOUT);

  it('bundle import: random bytes and gzip of hostile JSON are refused as 4xx JSON', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      hostileValue.map((text) => new Uint8Array(gzipSync(text))),
      hostileBody({ format: 'huntboard-bundle', version: 1, runs: [], triage: [], history: [], events: [] }).map((t) => new Uint8Array(gzipSync(t))),
      // A valid gzip stream cut short, and one with its header mangled.
      fc.nat().map((cut) => {
        const z = gzipSync('{"format":"huntboard-bundle","version":1}');
        return new Uint8Array(z.subarray(0, cut % z.length));
      }),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (body) => {
        await expectWellFormed(await postBundleImportRoute(post('/api/bundle/import', body)));
      }),
      options(603),
    );
    expectPrototypeClean();
  }, TIMEOUT);

  it('a body over the size limit is refused before it is parsed', async () => {
    const huge = JSON.stringify({ ...WINDOW, rows: [{ a: 'x'.repeat(2_100_000) }] });
    const response = await contextRoute(post('/api/hunts/no-such-hunt/queries/1/context', huge), huntContext('1'));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { message: 'The request body is too large.' } });
  });
});
