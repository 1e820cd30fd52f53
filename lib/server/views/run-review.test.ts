import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHeaders } from '../testing/write-headers';
import { allowListCandidates } from '../../appstate/allow-list';
import { runAndSave } from '../../hunts/run/record';
import { updateTriage } from '../../appstate/triage';
import { createBackend, resetBackend } from '../../backends';
import { writeDemo } from '../../demo';
import { loadCatalogue } from '../../hunts/catalogue';
import { openStore } from '../../store';
import { addAllowRoute, revokeAllowRoute } from '../routes/allow-list';
import { serverAppState } from '../process/app-state';
import { reviewRun } from './run-review';
import { firstSeenLookbackDays } from '../../hunts/first-seen-query';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const LAST_WEEK = { id: 'custom' as const, from: '2025-12-25T12:00:00.000Z', to: '2026-01-01T12:00:00.000Z' };
const THIS_WEEK = { id: 'custom' as const, from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' };
const saved = { ...process.env };

const post = (route: (r: Request) => Promise<Response>, url: string, body: unknown, origin: string | null = 'http://127.0.0.1:3000') =>
  route(
    new Request(`http://127.0.0.1:3000${url}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...writeHeaders(origin) },
    }),
  );

describe('a run’s review: first seen and the allow-list', () => {
  let dir: string;
  let thisWeek: number;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-review-'));
    await writeDemo(openStore(dir), { now: NOW, scale: 0.05, weeks: 2 });
    await resetBackend();
    process.env = { ...saved, HUNTBOARD_DATA_DIR: dir, HUNTBOARD_NOW: NOW.toISOString(), HUNTBOARD_HUNTS_DIR: '', HUNTBOARD_USER: 'lead-lee' };
    delete process.env.ELASTICSEARCH_URL;
    delete process.env.ELASTICSEARCH_CLOUD_ID;
    const catalogue = await loadCatalogue({ huntsDir: '' });
    const hunt = catalogue.hunts.find((h) => h.id.startsWith('low_volume_external'))!;
    const db = serverAppState();
    for (const window of [LAST_WEEK, THIS_WEEK]) {
      const { saved: run } = await runAndSave(db, createBackend(), hunt, 1, { now: NOW, trigger: 'cli', window });
      thisWeek = run!.id;
    }
  });
  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks processes first seen this week, fleet-wide and on their agent', async () => {
    const review = (await reviewRun(thisWeek))!;
    expect(review.firstSeen.kind).toBe('found');
    if (review.firstSeen.kind !== 'found') return;
    const seen = (name: string) => review.firstSeen.kind === 'found' && review.firstSeen.byName.get(name);
    const fresh = seen('sshd-helper');
    const old = seen('kworkerds');
    if (!fresh || !old) throw new Error('first seen is missing a planted process');
    expect(fresh.newThisWeek).toBe(true);
    expect(fresh.fleet! >= THIS_WEEK.from).toBe(true);
    expect(old.newThisWeek).toBe(false);
    expect(old.fleet! < THIS_WEEK.from).toBe(true);
    const kworkerds = review.findings.find((f) => f.processName === 'kworkerds')!;
    expect(kworkerds.agentIds).toHaveLength(1);
    expect(old.perAgent[kworkerds.agentIds[0]!]).toBe(old.fleet);
  });

  it('hides allow-listed findings but counts them; a per-agent entry only on that agent; revoking brings it back', async () => {
    const before = (await reviewRun(thisWeek))!;
    const kworkerds = before.findings.find((f) => f.processName === 'kworkerds')!;
    const add = (body: object) => post(addAllowRoute, '/api/allow-list', { agentId: null, huntId: null, reason: 'lab miner', expiresAt: '2026-02-01T00:00:00.000Z', ...body });

    const elsewhere = await add({ processName: 'kworkerds', agentId: 'some-other-agent' });
    expect(elsewhere.status).toBe(200);
    expect((await reviewRun(thisWeek))!.suppressed).toHaveLength(0);

    const onItsAgent = await add({ processName: 'kworkerds', agentId: kworkerds.agentIds[0], huntId: kworkerds.huntId });
    const body = (await onItsAgent.json()) as { ok: true; entry: { id: number; owner: string } };
    expect(body.entry.owner).toBe('lead-lee');
    const after = (await reviewRun(thisWeek))!;
    expect(after.suppressed.map((s) => s.finding.processName)).toEqual(['kworkerds']);
    expect(after.findings).toHaveLength(before.findings.length - 1);

    expect((await post(revokeAllowRoute, '/api/allow-list/revoke', { id: body.entry.id })).status).toBe(200);
    expect((await post(revokeAllowRoute, '/api/allow-list/revoke', { id: body.entry.id })).status).toBe(404);
    expect((await reviewRun(thisWeek))!.suppressed).toHaveLength(0);
  });

  it('refuses cross-origin changes, entries without a reason, and expiries in the past', async () => {
    const valid = { processName: 'x', agentId: null, huntId: null, reason: 'r', expiresAt: '2026-02-01T00:00:00.000Z' };
    expect((await post(addAllowRoute, '/api/allow-list', valid, 'http://evil.example')).status).toBe(403);
    expect((await post(addAllowRoute, '/api/allow-list', valid, null)).status).toBe(403);
    expect((await post(addAllowRoute, '/api/allow-list', { ...valid, reason: '  ' })).status).toBe(400);
    expect((await post(addAllowRoute, '/api/allow-list', { ...valid, expiresAt: '2025-01-01T00:00:00.000Z' })).status).toBe(400);
    expect((await post(addAllowRoute, '/api/allow-list', { ...valid, extra: 1 })).status).toBe(400);
  });

  it('suggests findings marked benign run after run', async () => {
    const db = serverAppState();
    const review = (await reviewRun(thisWeek))!;
    const recurring = review.findings.find((f) => f.status === 'recurring')!;
    // Marked benign before last week's run: both runs since list it again.
    db.prepare('UPDATE runs SET started_at = ? WHERE id < ?').run('2026-01-02T00:00:00.000Z', thisWeek);
    db.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run('2026-01-08T12:00:00.000Z', thisWeek);
    const write = updateTriage(db, { huntId: recurring.huntId, queryNumber: 1, findingKey: recurring.key }, { expectedVersion: 0, status: 'benign', who: 'a', at: '2026-01-01T00:00:00.000Z' });
    expect(write.ok).toBe(true);
    expect(allowListCandidates(db, 2).map((c) => c.findingKey)).toContain(recurring.key);
    expect((await reviewRun(thisWeek))!.candidates).toEqual([]); // the review asks for 3 in a row by default
  });

  it('looks back HUNTBOARD_FIRST_SEEN_DAYS days, 30 by default or when the value is not a positive whole number', async () => {
    expect(firstSeenLookbackDays({})).toBe(30);
    expect(firstSeenLookbackDays({ HUNTBOARD_FIRST_SEEN_DAYS: '90' })).toBe(90);
    for (const bad of ['0', '-3', '1.5', 'month', '99999']) expect(firstSeenLookbackDays({ HUNTBOARD_FIRST_SEEN_DAYS: bad })).toBe(30);
    process.env.HUNTBOARD_FIRST_SEEN_DAYS = '10';
    try {
      const review = (await reviewRun(thisWeek))!;
      expect(review.firstSeen).toMatchObject({ kind: 'found', lookbackDays: 10, since: '2025-12-29T12:00:00.000Z' });
    } finally {
      delete process.env.HUNTBOARD_FIRST_SEEN_DAYS;
    }
  });
});
