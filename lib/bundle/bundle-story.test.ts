/**
 * A bundle tells the importer the source's story: the week's diffs compare with the same earlier
 * runs (baselines travel with the week), the allow-list entries in force come along, first seen is
 * the source's answer, and a version 1 bundle (without these parts) still imports.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAllowEntry, allAllowEntries } from '../appstate/allow-list';
import type { AppDatabase } from '../appstate/database';
import { diffIdOf, diffSummary } from '../appstate/run-diff';
import { getRun, listRunHeaders } from '../appstate/runs';
import { exportWeek } from './export';
import { decodeBundle, encodeBundle, type Bundle } from './format';
import { importBundle } from './import-thread';
import { bundleFirstSeen } from './imported';
import { summarizeWeek } from '../review/week';
import { weekOfMonday } from '../review/week-bounds';
import { standingSignOff } from '../appstate/week-signoffs';
import { readSnapshot } from '../review/week-snapshot';
import { signWeek } from '../review/week-sign';
import { demoWeek, NOW, openWithBundles, tempDir, WEEK, type DemoWeek } from './testing/fixture';

const IMPORTED_AT = new Date('2026-01-09T09:00:00.000Z');

function diffOf(db: AppDatabase, runId: number) {
  const rows = db.prepare('SELECT status, finding_key, runs_seen FROM run_diff WHERE run_id = ? ORDER BY status, finding_key').all(diffIdOf(db, runId));
  const summary = diffSummary(db, runId);
  return { rows, counts: summary?.counts, previous: summary?.previousRunId, compared: summary?.compared };
}

function emptyHuntboard(): { dir: string; db: AppDatabase } {
  const dir = tempDir('bundle-story');
  return { dir, db: openWithBundles(dir) };
}

describe('a bundle tells the source’s story', () => {
  let src: DemoWeek;
  let bundle: Bundle;
  const targets: { dir: string; db: AppDatabase }[] = [];

  beforeAll(async () => {
    src = await demoWeek();
    // In force during the week (created before it), revoked before it, created after it: only the first travels.
    const entry = (processName: string, createdAt: string, expiresAt: string) =>
      addAllowEntry(src.db, { processName, agentId: null, huntId: null, owner: 'lee', reason: 'known updater', createdAt, expiresAt });
    entry('apt-check', '2026-01-02T10:00:00.000Z', '2026-06-01T00:00:00.000Z');
    const revoked = entry('old-tool', '2025-12-01T10:00:00.000Z', '2026-06-01T00:00:00.000Z');
    if (revoked.ok) src.db.prepare('UPDATE allow_list SET revoked_at = ? WHERE id = ?').run('2026-01-03T00:00:00.000Z', revoked.entry.id);
    entry('later-tool', '2026-01-20T10:00:00.000Z', '2026-06-01T00:00:00.000Z');
    bundle = await exportWeek(src.db, src.backend, WEEK, NOW);
  }, 120_000);

  afterAll(async () => {
    for (const t of targets) {
      t.db.close();
      rmSync(t.dir, { recursive: true, force: true });
    }
    await src.cleanup();
  });

  it('carries the earlier runs the week’s diffs compare with, so the importer computes the same diffs under the same ids', async () => {
    const weekIds = bundle.runs.map((r) => r.id);
    expect(weekIds).toEqual(src.runIds);
    const before = listRunHeaders(src.db).map((r) => r.id).filter((id) => !weekIds.includes(id));
    expect(bundle.baselines.map((r) => r.id)).toEqual(before);
    const target = emptyHuntboard();
    targets.push(target);
    const result = await importBundle(target.db, encodeBundle(bundle), { fileName: 'w.huntboard.gz', who: 'lee', now: IMPORTED_AT });
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.baselines).toEqual({ added: before.length, alreadyHere: 0 });
    for (const id of weekIds) {
      expect(getRun(target.db, id)?.queryHash).toBe(getRun(src.db, id)?.queryHash);
      expect(diffOf(target.db, id)).toEqual(diffOf(src.db, id));
    }
    // The first week run has a baseline at the source: some findings are not "new".
    expect(diffOf(src.db, weekIds[0]).previous).not.toBeNull();
  });

  it('brings the allow-list entries in force during the week, once', async () => {
    expect(bundle.allowList.map((e) => e.processName)).toEqual(['apt-check']);
    const target = emptyHuntboard();
    targets.push(target);
    const first = await importBundle(target.db, encodeBundle(bundle), { fileName: 'a.huntboard.gz', who: 'lee', now: IMPORTED_AT });
    if (!first.ok) throw new Error(first.message);
    expect(first.summary.allowList).toEqual({ added: 1, kept: 0 });
    const [imported] = allAllowEntries(target.db);
    const { id: _a, ...want } = bundle.allowList[0];
    const { id: _b, ...got } = imported;
    expect(got).toEqual(want);
    // The same week exported again (another file) adds nothing twice.
    const again = await importBundle(target.db, encodeBundle({ ...bundle, exportedAt: '2026-01-10T00:00:00.000Z' }), { fileName: 'b.huntboard.gz', who: 'lee', now: IMPORTED_AT });
    if (!again.ok) throw new Error(again.message);
    expect(again.summary.allowList).toEqual({ added: 0, kept: 1 });
    expect(again.summary.baselines.alreadyHere).toBe(bundle.baselines.length);
    expect(allAllowEntries(target.db)).toHaveLength(1);
  });

  it('keeps the source’s first seen for each run', async () => {
    const seen = { fleet: '2026-01-02T00:00:00.000Z', perAgent: { a1: '2026-01-02T00:00:00.000Z' }, newThisWeek: false, agentsThisWeek: ['a1'] };
    // Process names are the attacker's: one named like an object's prototype is kept too.
    const answer = { kind: 'found' as const, byName: [['curl', seen], ['__proto__', { ...seen, fleet: '2026-01-03T00:00:00.000Z' }]] as [string, typeof seen][], lookbackDays: 30, since: '2025-12-06T00:00:00.000Z' };
    const withFirstSeen: Bundle = { ...bundle, firstSeen: [{ runId: bundle.runs[0].id, answer }, { runId: bundle.runs[1].id, answer: { kind: 'failed', message: 'cluster down' } }] };
    const target = emptyHuntboard();
    targets.push(target);
    const result = await importBundle(target.db, encodeBundle(withFirstSeen), { fileName: 'f.huntboard.gz', who: 'lee', now: IMPORTED_AT });
    if (!result.ok) throw new Error(result.message);
    const local = new Map(result.summary.runs.map((r) => [r.bundleRunId, r.runId]));
    expect(bundleFirstSeen(target.db, local.get(bundle.runs[0].id)!)).toEqual(answer);
    expect(bundleFirstSeen(target.db, local.get(bundle.runs[1].id)!)).toEqual({ kind: 'failed', message: 'cluster down' });
    const dangling = decodeBundle(encodeBundle({ ...bundle, firstSeen: [{ runId: 999_999, answer }] }));
    expect(dangling.ok).toBe(true);
    const refused = await importBundle(emptyHuntboard().db, encodeBundle({ ...bundle, firstSeen: [{ runId: 999_999, answer }] }), { fileName: 'x.gz', who: 'lee', now: IMPORTED_AT });
    expect(refused).toEqual({ ok: false, reason: 'invalid', message: expect.stringContaining('first seen names run 999999') });
  });

  it('carries the week’s sign-off with the snapshot it froze: the importer shows the same signed record, and a tampered one is refused', async () => {
    const parsed = weekOfMonday(WEEK.monday);
    if (!parsed.ok) throw new Error(parsed.message);
    const hunts = [{ id: src.hunt.id, name: src.hunt.name, queries: [{ number: 1, label: 'All users' }, { number: 2, label: 'Root only' }] }];
    const untriaged = summarizeWeek(src.db, parsed.week, hunts).untriagedCount;
    const signed = signWeek(src.db, parsed.week, hunts, 'lead-lee', '2026-01-09T08:00:00.000Z', 'reviewed', untriaged);
    if (!signed.ok) throw new Error(signed.message);
    const withSignOff = await exportWeek(src.db, src.backend, WEEK, NOW);
    expect(withSignOff.signOff).toMatchObject({ weekStart: '2026-01-05', signedBy: 'lead-lee', snapshotHash: signed.sha256 });
    const target = emptyHuntboard();
    targets.push(target);
    const result = await importBundle(target.db, encodeBundle(withSignOff), { fileName: 's.huntboard.gz', who: 'ana', now: IMPORTED_AT });
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.signOff).toBe('added');
    const here = standingSignOff(target.db, '2026-01-05')!;
    expect({ ...here, id: 0 }).toEqual({ ...standingSignOff(src.db, '2026-01-05')!, id: 0 });
    const there = readSnapshot(src.db, standingSignOff(src.db, '2026-01-05')!.id)!;
    expect(readSnapshot(target.db, here.id)).toEqual(there);
    const tampered = { ...withSignOff, signOff: { ...withSignOff.signOff!, snapshot: { ...(withSignOff.signOff!.snapshot as object), untriagedAtSigning: 0 } } };
    const refused = await importBundle(emptyHuntboard().db, encodeBundle(tampered), { fileName: 't.gz', who: 'ana', now: IMPORTED_AT });
    expect(refused).toEqual({ ok: false, reason: 'invalid', message: expect.stringContaining('does not match its hash') });
  });

  it('still imports a version 1 bundle (runs, events and triage only)', async () => {
    const { baselines: _b, firstSeen: _f, allowList: _a, signOff: _s, ...v1 } = { ...bundle, version: 1 as const };
    const decoded = decodeBundle(encodeBundle(v1 as Bundle));
    expect(decoded.ok && decoded.bundle).toMatchObject({ version: 1, baselines: [], firstSeen: [], allowList: [], signOff: null });
    const target = emptyHuntboard();
    targets.push(target);
    const result = await importBundle(target.db, encodeBundle(v1 as Bundle), { fileName: 'v1.huntboard.gz', who: 'lee', now: IMPORTED_AT });
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.runs.map((r) => r.runId)).toEqual(bundle.runs.map((r) => r.id));
    expect(result.summary.baselines).toEqual({ added: 0, alreadyHere: 0 });
  });
});
