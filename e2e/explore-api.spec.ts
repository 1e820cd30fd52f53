// Explore's server side on the production server (issue 16): the analyst's own ES|QL with a value as
// a param over the window, the sources the editor completes from, and errors answered as data.
import { PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { rawWriteHeaders } from './support/csrf';

const NETWORK = 'logs-endpoint.events.network-*';

test('POST /api/explore runs a pivot on a destination over the window, the IP as a param', async ({ request, baseURL }) => {
  const planted = PLANTED.find((p) => p.name.startsWith('<img'))!;
  const ip = planted.destinations[0].ip;
  const query = `FROM ${NETWORK} | WHERE destination.ip == TO_IP(?ip) | STATS n = COUNT(*) BY process.name`;
  const response = await request.post('/api/explore', { data: { query, params: [{ ip }], window: { id: '7d' } }, headers: rawWriteHeaders(baseURL!) });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, truncated: false, window: { id: '7d', description: 'last 7 days' } });
  // Only the planted process talked to it; at least its counted connections (other event types may add some).
  expect(body.result.values.map((row: unknown[]) => row[1])).toEqual([planted.name]);
  expect(body.result.values[0][0]).toBeGreaterThanOrEqual(planted.count);
  expect(body.params).toEqual([{ ip }, { _now1: '2026-01-08T12:00:00.000Z' }]);
  expect(body.effectiveQuery).not.toContain(ip);

  const wrong = await request.post('/api/explore', { data: { query: 'FROM x | WHERE a = 1' }, headers: rawWriteHeaders(baseURL!) });
  expect(wrong.status()).toBe(400);
  expect(await wrong.json()).toMatchObject({ ok: false, error: { kind: 'parsing', message: expect.stringMatching(/^line 1:18: /) } });
  const forged = await request.post('/api/explore', { data: { query: 'ROW a = 1' }, headers: { origin: baseURL! } });
  expect(forged.status()).toBe(403);
});

test('GET /api/explore/sources lists the indices and resolves a FROM to its ES|QL columns', async ({ request }) => {
  const listed = await (await request.get('/api/explore/sources')).json();
  expect(listed.ok).toBe(true);
  expect(listed.indices).toContain('logs-endpoint.events.network-default');
  const resolved = await (await request.get(`/api/explore/sources?from=${encodeURIComponent(NETWORK)}`)).json();
  expect(resolved.resolved.indices).toContain('logs-endpoint.events.network-default');
  expect(resolved.resolved.fields).toEqual(expect.arrayContaining([{ name: 'destination.ip', type: 'ip' }, { name: '@timestamp', type: 'date' }]));
  expect((await (await request.get('/api/explore/sources?from=nope-*')).json()).resolved).toEqual({ unknown: 'nope-*' });
});
