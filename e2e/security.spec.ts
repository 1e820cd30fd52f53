import { test, expect } from './fixtures';
import { rawWriteHeaders } from './support/csrf';

// Plain HTTP against the production server: what a browser is told, and what a forged request gets.
test('pages carry a nonce CSP and the security headers; writes without the CSRF token are refused', async ({ request, baseURL }) => {
  const first = await request.get('/');
  const second = await request.get('/');
  const csp = first.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['x-frame-options']).toBe('DENY');
  expect(first.headers()['referrer-policy']).toBe('no-referrer');
  expect(first.headers()['set-cookie']).toMatch(/huntboard_csrf=[^;]+;.*SameSite=Strict/i);

  const finding = { huntId: 'h', queryNumber: 1, findingKey: '["x"]', expectedVersion: 0, status: 'benign' };
  const noToken = await request.post('/api/triage', { data: finding, headers: { origin: baseURL! } });
  expect(noToken.status()).toBe(403);
  const foreign = await request.post('/api/triage', { data: finding, headers: { ...rawWriteHeaders(baseURL!), origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
  const wrongToken = await request.post('/api/triage', { data: finding, headers: { ...rawWriteHeaders(baseURL!), 'x-huntboard-csrf': 'another-token-0123456789abcdef' } });
  expect(wrongToken.status()).toBe(403);
  for (const response of [noToken, foreign, wrongToken]) {
    const body = await response.text();
    expect(body).not.toMatch(/\/work\/|node_modules|at .*\(.*:\d+:\d+\)/);
  }
});

test('no page or answer names a server path', async ({ request, baseURL }) => {
  const run = await request.post('/api/hunts/low_volume_external_network_connections_from_process/queries/1/save', { data: {}, headers: rawWriteHeaders(baseURL!) });
  expect(run.status()).toBe(200);
  const { savedRun } = (await run.json()) as { savedRun: number };
  const bodies = [await run.text()];
  for (const url of ['/', '/runs', `/runs/${savedRun}`, '/week', '/allow-list', '/bundles', '/api/week/report']) {
    const response = await request.get(url);
    expect(response.ok(), url).toBe(true);
    bodies.push(await response.text());
  }
  // The fixture store lives in a temp folder (scripts/e2e-server.mjs); neither it nor the checkout may show.
  for (const body of bodies) expect(body).not.toMatch(/huntboard-e2e-|\/tmp\/|\/work\/|node_modules/);
});
