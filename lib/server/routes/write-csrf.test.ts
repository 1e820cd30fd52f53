/**
 * Every state-changing route, called as Next.js calls it: each refuses a write without Origin,
 * from another origin, without the CSRF token or with a wrong one (403, before anything else
 * runs), and lets the right one through to its own validation (a bad body then answers 400).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAllowRoute, revokeAllowRoute } from './allow-list';
import { postSigninRoute, postSignoutRoute } from './auth';
import { postBundleImportRoute } from './bundles';
import { contextRoute, eventRoute, eventsRoute, runRoute, saveRoute } from './hunts';
import { exploreRoute } from './explore';
import { postTriageRoute } from './triage';
import { deleteWeekSignOffRoute, postWeekSignOffRoute } from './week';
import { TEST_CSRF_TOKEN, TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

type Route = (request: Request) => Promise<Response>;
const huntParams = { params: Promise.resolve({ id: 'low_volume_external_network_connections_from_process', n: '1' }) };
const hunt = (route: typeof runRoute): Route => (request) => route(request, huntParams);

const ROUTES: [string, 'POST' | 'DELETE', Route][] = [
  ['/api/triage', 'POST', postTriageRoute],
  ['/api/allow-list', 'POST', addAllowRoute],
  ['/api/allow-list/revoke', 'POST', revokeAllowRoute],
  ['/api/week/signoff', 'POST', postWeekSignOffRoute],
  ['/api/week/signoff', 'DELETE', deleteWeekSignOffRoute],
  ['/api/bundle/import', 'POST', postBundleImportRoute],
  ['/api/hunts/…/run', 'POST', hunt(runRoute)],
  ['/api/hunts/…/save', 'POST', hunt(saveRoute)],
  ['/api/hunts/…/context', 'POST', hunt(contextRoute)],
  ['/api/hunts/…/events', 'POST', hunt(eventsRoute)],
  ['/api/hunts/…/event', 'POST', hunt(eventRoute)],
  ['/api/explore', 'POST', exploreRoute],
  ['/api/auth/signin', 'POST', postSigninRoute],
  ['/api/auth/signout', 'POST', postSignoutRoute],
];

const FORGERIES: [string, Record<string, string>][] = [
  ['no Origin', writeHeaders(null)],
  ['a foreign Origin', writeHeaders('https://evil.example')],
  ['a cross-site fetch', { ...writeHeaders(), 'sec-fetch-site': 'cross-site' }],
  ['no token header', { ...writeHeaders(), 'x-huntboard-csrf': '' }],
  ['no token cookie', { ...writeHeaders(), cookie: '' }],
  ['a wrong token', { ...writeHeaders(), 'x-huntboard-csrf': `${TEST_CSRF_TOKEN.slice(1)}Z` }],
];

// Malformed for every route: only a handler that got past the guard can say so (400).
const BAD_BODY = 'not json';

const send = (route: Route, method: 'POST' | 'DELETE', headers: Record<string, string>) =>
  route(new Request(`${TEST_ORIGIN}/api/x`, { method, headers: { 'content-type': 'application/json', ...headers }, body: BAD_BODY }));

describe('CSRF guard on every state-changing route', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-csrf-'));
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_USER: 'csrf-carl' };
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, method, route] of ROUTES) {
    it(`${method} ${name} refuses forgeries with 403 and lets the page's write through`, async () => {
      for (const [why, headers] of FORGERIES) {
        const response = await send(route, method, headers);
        expect({ why, status: response.status }).toEqual({ why, status: 403 });
        expect(await response.json()).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
        expect(response.headers.get('set-cookie')).toBeNull();
      }
      const genuine = await send(route, method, writeHeaders());
      expect(genuine.status).not.toBe(403);
      // Sign-out needs no body; every other route reads it and refuses the malformed one.
      expect(genuine.status).toBe(name === '/api/auth/signout' ? 200 : 400);
    });
  }
});
