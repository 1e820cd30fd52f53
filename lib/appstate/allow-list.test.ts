import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeAllowEntries, addAllowEntry, allowListCandidates, applyAllowList, inForceAt, revokeAllowEntry } from './allow-list';
import { openAppState } from './db';
import type { AppDatabase } from './database';
import { saveRun } from './runs';
import { updateTriage } from './triage';

let dir: string;
let db: AppDatabase;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-allow-'));
  db = openAppState(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = '2026-01-08T12:00:00.000Z';
const entry = (over = {}) => ({ processName: 'rsync-backup', agentId: null, huntId: null, owner: 'lead', reason: 'nightly backup to S3', createdAt: NOW, expiresAt: '2026-04-01T00:00:00.000Z', ...over });

describe('allow-list', () => {
  it('suppresses a process by name, or only on one agent, until it expires or is revoked', () => {
    const everywhere = addAllowEntry(db, entry());
    const oneAgent = addAllowEntry(db, entry({ processName: 'telemetry-agent', agentId: 'agent-7' }));
    const expired = addAllowEntry(db, entry({ processName: 'old-tool', expiresAt: '2026-01-09T00:00:00.000Z' }));
    expect([everywhere.ok, oneAgent.ok, expired.ok]).toEqual([true, true, true]);
    const findings = [
      { huntId: 'seed', processName: 'rsync-backup', agentIds: ['agent-1'] },
      { huntId: 'seed', processName: 'telemetry-agent', agentIds: ['agent-7'] },
      { huntId: 'seed', processName: 'telemetry-agent', agentIds: ['agent-8'] },
      { huntId: 'seed', processName: 'old-tool', agentIds: ['agent-2'] },
      { huntId: 'seed', processName: 'kworkerds', agentIds: ['agent-3'] },
    ];
    const inForce = applyAllowList(activeAllowEntries(db, NOW), findings);
    expect(inForce.shown.map((f) => `${f.processName}@${f.agentIds[0]}`)).toEqual(['telemetry-agent@agent-8', 'kworkerds@agent-3']);
    expect(inForce.suppressed.map((s) => s.entry.reason)).toEqual(['nightly backup to S3', 'nightly backup to S3', 'nightly backup to S3']);
    const later = applyAllowList(activeAllowEntries(db, '2026-01-10T00:00:00.000Z'), findings);
    expect(later.shown.map((f) => f.processName)).toContain('old-tool');
    if (!everywhere.ok) throw new Error('unreachable');
    expect(revokeAllowEntry(db, everywhere.entry.id, NOW)).toBe(true);
    expect(revokeAllowEntry(db, everywhere.entry.id, NOW)).toBe(false);
    expect(applyAllowList(activeAllowEntries(db, NOW), findings).shown.map((f) => f.processName)).toContain('rsync-backup');
  });

  it('is in force from its creation until its revocation or expiry, ends excluded', () => {
    const added = addAllowEntry(db, entry({ expiresAt: '2026-02-01T00:00:00.000Z' }));
    if (!added.ok) throw new Error(added.message);
    const e = added.entry;
    expect(inForceAt(e, '2026-01-08T11:59:59.999Z')).toBe(false);
    expect(inForceAt(e, NOW)).toBe(true);
    expect(inForceAt(e, '2026-01-31T23:59:59.999Z')).toBe(true);
    expect(inForceAt(e, '2026-02-01T00:00:00.000Z')).toBe(false);
    expect(revokeAllowEntry(db, e.id, '2026-01-10T00:00:00.000Z')).toBe(true);
    // Revoked later: still in force for a run before the revocation, not at or after it.
    expect(activeAllowEntries(db, '2026-01-09T00:00:00.000Z').map((x) => x.id)).toEqual([e.id]);
    expect(activeAllowEntries(db, '2026-01-10T00:00:00.000Z')).toEqual([]);
    expect(activeAllowEntries(db, '2026-01-08T00:00:00.000Z')).toEqual([]);
  });

  it('needs an owner, a reason and an expiry within a year', () => {
    expect(addAllowEntry(db, entry({ owner: '' }))).toMatchObject({ ok: false });
    expect(addAllowEntry(db, entry({ reason: ' ' }))).toMatchObject({ ok: false });
    expect(addAllowEntry(db, entry({ expiresAt: '2025-01-01T00:00:00.000Z' }))).toMatchObject({ ok: false, message: 'The expiry must be a date after now.' });
    expect(addAllowEntry(db, entry({ expiresAt: '2028-01-01T00:00:00.000Z' }))).toMatchObject({ ok: false });
    expect(activeAllowEntries(db, NOW)).toEqual([]);
  });

  it('suggests findings marked benign that the last runs kept listing', () => {
    const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
    const week = (i: number, names: string[]) =>
      saveRun(db, {
        huntId: 'seed', queryNumber: 1, queryText: TEXT, params: [], window: { id: '7d' }, backend: { kind: 'embedded', label: 't' }, trigger: 'schedule',
        startedAt: new Date(Date.UTC(2026, 0, 5 + 7 * i, 6)).toISOString(), durationMs: 1, status: 'ok',
        columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }], values: names.map((n) => [1, n]), warnings: [], truncated: false, isPartial: false,
      });
    const at = '2026-01-01T00:00:00.000Z';
    updateTriage(db, { huntId: 'seed', queryNumber: 1, findingKey: '["rsync-backup"]' }, { expectedVersion: 0, status: 'benign', who: 'bob', at });
    updateTriage(db, { huntId: 'seed', queryNumber: 1, findingKey: '["curl-helper"]' }, { expectedVersion: 0, status: 'benign', who: 'bob', at });
    updateTriage(db, { huntId: 'seed', queryNumber: 1, findingKey: '["kworkerds"]' }, { expectedVersion: 0, status: 'escalated', who: 'bob', at });
    week(0, ['rsync-backup', 'curl-helper', 'kworkerds']);
    week(1, ['rsync-backup', 'kworkerds']);
    week(2, ['rsync-backup', 'curl-helper', 'kworkerds']);
    expect(allowListCandidates(db, 3)).toEqual([{ huntId: 'seed', queryNumber: 1, findingKey: '["rsync-backup"]', runsInARow: 3 }]);
    expect(allowListCandidates(db, 1).map((c) => c.findingKey).sort()).toEqual(['["curl-helper"]', '["rsync-backup"]']);
  });

  it('reads only the benign findings’ stored rows, however many findings the runs hold', () => {
    const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
    const N = 100_000;
    for (let w = 0; w < 3; w++) {
      saveRun(db, {
        huntId: 'seed', queryNumber: 1, queryText: TEXT, params: [], window: { id: '7d' }, backend: { kind: 'embedded', label: 't' }, trigger: 'schedule',
        startedAt: new Date(Date.UTC(2026, 0, 5 + 7 * w, 6)).toISOString(), durationMs: 1, status: 'ok',
        columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }],
        // The last run lacks every tenth name.
        values: Array.from({ length: N }, (_, i) => i).filter((i) => w < 2 || i % 10 !== 0).map((i) => [1, `p${i}`]),
        warnings: [], truncated: false, isPartial: false,
      });
    }
    for (let i = 0; i < 200; i++) {
      updateTriage(db, { huntId: 'seed', queryNumber: 1, findingKey: JSON.stringify([`p${i * 37}`]) }, { expectedVersion: 0, status: 'benign', who: 'bob', at: '2026-01-01T00:00:00.000Z' });
    }
    const t0 = performance.now();
    const candidates = allowListCandidates(db, 3);
    const ms = performance.now() - t0;
    expect(candidates.map((c) => c.findingKey).sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => i * 37).filter((i) => i % 10 !== 0).map((i) => JSON.stringify([`p${i}`])).sort(),
    );
    // Keying the three whole runs took seconds; 200 index reads take milliseconds (bound with room for slow CI).
    expect(ms).toBeLessThan(500);
  }, 60_000);
});

