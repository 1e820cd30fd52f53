import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeHeaders } from '../testing/write-headers';
import { openAppState } from '../../appstate/db';
import type { AppDatabase } from '../../appstate/database';
import { summarizeWeek } from '../../review/week';
import { weekOfMonday } from '../../review/week-bounds';
import { seedWeeks } from '../../review/testing/week';

// The server's shared connection applies MIGRATIONS only, which lacks the sign-off table until
// the lead registers it: the routes get a state opened with it.
const state = vi.hoisted(() => ({ db: undefined as AppDatabase | undefined }));
vi.mock('../process/app-state', () => ({
  serverAppState: () => {
    if (!state.db) throw new Error('no test state');
    return state.db;
  },
}));

const { deleteWeekSignOffRoute, getWeekReportRoute, postWeekSignOffRoute } = await import('./week');

const saved = { ...process.env };
const base = 'http://127.0.0.1:3000';
const send = (method: 'POST' | 'DELETE', body: unknown, origin: string | null = base) =>
  (method === 'POST' ? postWeekSignOffRoute : deleteWeekSignOffRoute)(
    new Request(`${base}/api/week/signoff`, {
      method,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...writeHeaders(origin) },
    }),
  );
/** The week's untriaged count as the page shows it: what a sign-off must confirm. */
const untriagedOf = (db: AppDatabase, start: string) => {
  const parsed = weekOfMonday(start);
  if (!parsed.ok) throw new Error(parsed.message);
  return summarizeWeek(db, parsed.week, []).untriagedCount;
};
const report = (query = '') => getWeekReportRoute(new Request(`${base}/api/week/report${query}`));

describe('week API', () => {
  let dir: string;
  let full: AppDatabase;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-week-api-'));
    process.env = { ...saved, HUNTBOARD_USER: 'lena', HUNTBOARD_NOW: '2026-11-27T17:00:00Z', HUNTBOARD_HUNTS_DIR: '' };
    full = openAppState(path.join(dir, 'full'));
    seedWeeks(full);
    state.db = full;
  });
  afterAll(() => {
    process.env = saved;
    full.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the report as a Markdown attachment named after the week', async () => {
    const res = await report('?week=2026-11-16');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="huntboard-week-2026-11-16.md"');
    const text = await res.text();
    expect(text.startsWith('# Huntboard weekly review, week of 2026-11-16\n')).toBe(true);
    expect(text).toContain('| kworkerds | new | new (untriaged) |');
  });

  it('defaults to the week of the server’s now, and refuses a week that is not a Monday', async () => {
    const res = await report();
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="huntboard-week-2026-11-23.md"');
    for (const bad of ['?week=2026-11-24', '?week=2026-13-02', '?week=%22%3E%3Cx', '?week=']) {
      const refused = await report(bad);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ ok: false, error: { kind: 'bad_request' } });
    }
  });

  it('signs off in the user’s name at the server’s time, refuses a second sign-off with 409, and revokes', async () => {
    // The sign-off confirms the untriaged count the lead was shown.
    const untriaged = untriagedOf(full, '2026-11-23');
    const first = await send('POST', { week: '2026-11-23', note: ' all triaged ', untriaged });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      ok: true,
      signOff: { id: expect.any(Number), weekStart: '2026-11-23', signedBy: 'lena', signedAt: '2026-11-27T17:00:00.000Z', note: 'all triaged' },
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      untriaged,
    });
    const second = await send('POST', { week: '2026-11-23', untriaged });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('already signed off by lena') }, current: { signedBy: 'lena' } });
    expect(await (await report('?week=2026-11-23')).text()).toContain('Signed off by lena at 2026-11-27T17:00:00.000Z.');
    expect((await send('DELETE', { week: '2026-11-23' })).status).toBe(200);
    expect((await send('DELETE', { week: '2026-11-23' })).status).toBe(404);
    expect((await send('POST', { week: '2026-11-23', untriaged })).status).toBe(200);
  });

  it('refuses a sign-off that does not confirm the current untriaged count, with the count', async () => {
    // The week of 11-16: kworkerds was never triaged.
    const untriaged = untriagedOf(full, '2026-11-16');
    expect(untriaged).toBeGreaterThan(0);
    for (const stale of [0, untriaged + 1]) {
      const refused = await send('POST', { week: '2026-11-16', untriaged: stale });
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining(`untriaged in the week of 2026-11-16, not ${stale}`) }, untriaged });
    }
    expect((await send('POST', { week: '2026-11-16' })).status).toBe(400);
    expect((await report('?week=2026-11-16')).status).toBe(200);
    expect(await (await report('?week=2026-11-16')).text()).toContain('Not signed off.');
    const signed = await send('POST', { week: '2026-11-16', untriaged });
    expect(signed.status).toBe(200);
    const { sha256 } = (await signed.json()) as { sha256: string };
    const text = await (await report('?week=2026-11-16')).text();
    expect(text).toContain(`sha256 ${sha256}`);
    expect(text).toContain(`${untriaged} findings were untriaged at signing; this report is the week as signed.`);
  });

  it('refuses cross-origin requests, bad bodies and weeks not started', async () => {
    expect((await send('POST', { week: '2026-11-16' }, 'http://evil.example')).status).toBe(403);
    expect((await send('POST', { week: '2026-11-16' }, null)).status).toBe(403);
    expect((await send('DELETE', { week: '2026-11-16' }, 'http://evil.example')).status).toBe(403);
    expect((await send('POST', { week: '2026-11-17', untriaged: 0 })).status).toBe(400);
    expect((await send('POST', { week: '2026-11-09', untriaged: 0, extra: 1 })).status).toBe(400);
    expect((await send('POST', { week: '2026-11-09', untriaged: 0, note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await send('POST', { week: '2026-11-16', untriaged: -1 })).status).toBe(400);
    expect((await send('POST', { week: '2026-11-16', untriaged: '1' })).status).toBe(400);
    expect((await send('POST', '{not json')).status).toBe(400);
    expect((await send('POST', {})).status).toBe(400);
    const future = await send('POST', { week: '2026-11-30', untriaged: 0 });
    expect(future.status).toBe(400);
    expect(await future.json()).toMatchObject({ error: { message: expect.stringContaining('not started') } });
  });

});
