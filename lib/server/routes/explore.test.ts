/**
 * Explore's routes as Next.js calls them, on a server with accounts over the embedded backend:
 * the role check (a viewer may explore; nobody anonymous), CSRF on the POST, answers and errors as
 * data with their status, the sources lookup, and nothing written to the app state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreResponse, SourcesResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { SESSION_COOKIE } from '../../auth/cookies';
import { resetAccessForTests } from '../../auth/server-access';
import { createSession } from '../../auth/sessions';
import { addUser } from '../../auth/users';
import { exploreStore, NOW, type ExploreStore } from '../../explore/testing/store';
import { serverAppState } from '../process/app-state';
import { exploreRoute, sourcesRoute } from './explore';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const saved = { ...process.env };
let store: ExploreStore;
let viewer = '';

function post(body: unknown, session: string | null = viewer, headers: Record<string, string> = writeHeaders()): Promise<Response> {
  const cookie = `${headers.cookie ?? ''}${session === null ? '' : `; ${SESSION_COOKIE}=${session}`}`;
  return exploreRoute(new Request(`${TEST_ORIGIN}/api/explore`, { method: 'POST', headers: { ...headers, cookie }, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

function get(query: string, session: string | null = viewer): Promise<Response> {
  const headers: Record<string, string> = { host: writeHeaders().host, ...(session === null ? {} : { cookie: `${SESSION_COOKIE}=${session}` }) };
  return sourcesRoute(new Request(`${TEST_ORIGIN}/api/explore/sources${query}`, { headers }));
}

async function read<T>(response: Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await response;
  return { status: r.status, body: (await r.json()) as T };
}

const runCount = () => serverAppState().prepare('SELECT COUNT(*) FROM runs').pluck().get() as number;

describe('Explore routes on the embedded backend, with accounts', () => {
  beforeAll(async () => {
    store = await exploreStore();
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_') || k.startsWith('HUNTBOARD_AUTH_')) delete process.env[k];
    process.env.HUNTBOARD_DATA_DIR = store.dataDir;
    process.env.HUNTBOARD_NOW = NOW.toISOString();
    delete process.env.HUNTBOARD_USER;
    const db = serverAppState();
    await addUser(db, { username: 'vera', role: 'viewer', password: 'correct horse battery' }, NOW);
    viewer = createSession(db, 'vera', NOW).token;
    resetAccessForTests();
  });

  afterAll(async () => {
    resetAccessForTests();
    await resetBackend();
    process.env = saved;
    await store.close();
  });

  it('runs a viewer’s query over the window and saves nothing', async () => {
    const { status, body } = await read<ExploreResponse>(post({ query: 'FROM logs-net | KEEP event.id | SORT event.id', window: { id: '7d' } }));
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.result.values).toEqual([['e1'], ['e2'], ['e3']]);
    expect(body.params).toEqual([{ _now1: NOW.toISOString() }]);
    expect(body.window).toMatchObject({ id: '7d', description: 'last 7 days' });
    expect(runCount()).toBe(0);
  });

  it('answers a parse error as data: 400 with its position', async () => {
    const { status, body } = await read<ExploreResponse>(post({ query: 'FROM x | WHERE a = 1' }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { kind: 'parsing', message: expect.stringMatching(/^line 1:18: /) } });
  });

  it('refuses malformed bodies and hostile params with 400', async () => {
    for (const bad of ['not json', { query: 1 }, { query: 'ROW a = 1', extra: true }, { query: 'ROW a = ?x', params: [{ x: 1, y: 2 }] }, { query: 'ROW a = 1', params: [{ 'a b': 1 }] }, '{"query": "ROW a = ?x", "params": [{"__proto__": {"x": 1}}]}', { query: 'ROW a = ?x', params: [{ x: { nested: true } }] }]) {
      const { status, body } = await read<ExploreResponse>(post(bad));
      expect({ bad, status }).toEqual({ bad, status: 400 });
      expect(body).toMatchObject({ ok: false, error: { kind: 'bad_request' } });
    }
  });

  it('refuses anonymous callers and forged writes', async () => {
    expect((await post({ query: 'ROW a = 1' }, null)).status).toBe(401);
    expect((await post({ query: 'ROW a = 1' }, viewer, writeHeaders('https://evil.example'))).status).toBe(403);
    expect((await get('', null)).status).toBe(401);
  });

  it('lists the sources and resolves a FROM’s patterns for the editor', async () => {
    const listed = await read<SourcesResponse>(get(''));
    expect(listed).toEqual({ status: 200, body: { ok: true, indices: ['assets', 'logs-net'] } });
    const resolved = await read<SourcesResponse>(get('?from=logs-*'));
    if (!resolved.body.ok) throw new Error(resolved.body.error.message);
    expect(resolved.body.resolved).toMatchObject({ indices: ['logs-net'], fields: expect.arrayContaining([{ name: '@timestamp', type: 'date' }, { name: 'destination.ip', type: 'ip' }]) });
    expect((await read<SourcesResponse>(get('?from=nope'))).body).toEqual({ ok: true, indices: ['assets', 'logs-net'], resolved: { unknown: 'nope' } });
    expect(await read<SourcesResponse>(get('?from=a%00b'))).toMatchObject({ status: 400, body: { ok: false, error: { kind: 'bad_request' } } });
  });
});
