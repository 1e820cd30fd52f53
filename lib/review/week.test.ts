import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAllowEntry } from '../appstate/allow-list';
import { openAppState } from '../appstate/db';
import type { AppDatabase } from '../appstate/database';
import { median, summarizeWeek } from './week';
import { weekOfMonday } from './week-bounds';
import { type WeekBounds } from '../model/week';
import { HOSTILE, HUNTS, NOW, seedWeeks } from './testing/week';
import { revokeSignOff, signOffWeek } from './week-signoff';

const week = (monday: string): WeekBounds => {
  const parsed = weekOfMonday(monday);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.week;
};

describe('week figures', () => {
  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('week summary', () => {
  let dir: string;
  let db: AppDatabase;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-week-'));
    db = openAppState(dir);
    seedWeeks(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists runs per query with the latest status, and catalogue queries that did not run', () => {
    const s = summarizeWeek(db, week('2026-11-23'), HUNTS);
    expect(s.queries).toEqual([
      { kind: 'did-not-run', huntId: 'other', huntName: 'Other hunt', queryNumber: 1, queryLabel: 'Query 1' },
      { kind: 'ran', huntId: 'seed', huntName: 'Low volume connections', queryNumber: 1, queryLabel: 'All users', runCount: 2, latest: { runId: 3, startedAt: '2026-11-25T10:00:00Z', outcome: { kind: 'truncated', rows: 3 } } },
      { kind: 'ran', huntId: 'seed', huntName: 'Low volume connections', queryNumber: 2, queryLabel: 'Root only', runCount: 2, latest: { runId: 5, startedAt: '2026-11-24T06:00:00Z', outcome: { kind: 'failed', message: 'cluster down' } } },
    ]);
  });

  it('takes the findings of each query’s latest ok run, diffed against earlier runs, with triage counts', () => {
    const s = summarizeWeek(db, week('2026-11-23'), HUNTS);
    expect(s.findings.map((f) => [f.queryNumber, f.keyValues['process.name'], f.diffStatus, f.triage, f.runId])).toEqual([
      [1, 'nc', 'new', 'suspicious', 3],
      [1, 'sshd', 'recurring', 'benign', 3],
      [1, 'xmrig', 'recurring', 'escalated', 3],
      [2, 'xmrig', 'new', 'new', 4],
    ]);
    expect(s.perDiffStatus).toEqual({ new: 2, recurring: 2 });
    expect(s.perTriageStatus).toEqual({ new: 1, investigating: 0, benign: 1, suspicious: 1, escalated: 1 });
    expect(s.untriaged.map((f) => [f.queryNumber, f.key])).toEqual([[2, '["xmrig"]']]);
    expect(s.findings.find((f) => f.key === '["xmrig"]' && f.queryNumber === 1)?.assignee).toBe('bob');
  });

  it('hides findings the allow-list suppresses, as the run page does, and counts them', () => {
    const entry = { agentId: null, huntId: 'seed', owner: 'lead', reason: 'known', createdAt: '2026-11-20T00:00:00Z', expiresAt: '2026-12-20T00:00:00Z' };
    expect(addAllowEntry(db, { ...entry, processName: 'nc' }).ok).toBe(true);
    // Limited to one agent: the week cannot tell the finding's agents, so it stays shown.
    expect(addAllowEntry(db, { ...entry, processName: 'sshd', agentId: 'agent-1' }).ok).toBe(true);
    // Expired before now: no effect.
    expect(addAllowEntry(db, { ...entry, processName: 'xmrig', expiresAt: '2026-11-28T00:00:00Z' }).ok).toBe(true);
    const s = summarizeWeek(db, week('2026-11-23'), HUNTS, { allowAt: NOW });
    expect(s.suppressed).toBe(1);
    expect(s.findings.map((f) => f.key)).toEqual(['["sshd"]', '["xmrig"]', '["xmrig"]']);
    expect(s.perDiffStatus).toEqual({ new: 1, recurring: 2 });
    expect(summarizeWeek(db, week('2026-11-23'), HUNTS, { allowAt: '2026-12-21T00:00:00Z' }).suppressed).toBe(0);
  });

  it('measures time to triage from the first run of the week that showed the finding', () => {
    // xmrig: run 2 (11-23 06:00) → 09:00 = 3 h; nc: run 3 (11-25 10:00) → 11-26 20:00 = 34 h;
    // the hostile name: run 2 → 07:00 = 1 h; sshd was triaged the week before, so it does not count.
    expect(summarizeWeek(db, week('2026-11-23'), HUNTS).timeToTriage).toEqual({ count: 3, medianHours: 3, maxHours: 34 });
    expect(summarizeWeek(db, week('2026-11-16'), HUNTS).timeToTriage).toEqual({ count: 1, medianHours: 24, maxHours: 24 });
  });

  it('counts reviewers’ changes inside the week only', () => {
    expect(summarizeWeek(db, week('2026-11-23'), HUNTS).reviewers).toEqual([
      { who: 'alice', changes: 2 },
      { who: 'bob', changes: 1 },
      { who: 'carol', changes: 1 },
    ]);
    expect(summarizeWeek(db, week('2026-11-16'), HUNTS).reviewers).toEqual([{ who: 'bob', changes: 1 }]);
  });

  it('keeps weeks apart: the week before has its own runs and findings', () => {
    const s = summarizeWeek(db, week('2026-11-16'), HUNTS);
    expect(s.queries.map((q) => [q.huntId, q.queryNumber, q.kind])).toEqual([
      ['other', 1, 'did-not-run'],
      ['seed', 1, 'ran'],
      ['seed', 2, 'did-not-run'],
    ]);
    expect(s.findings.map((f) => [f.key, f.diffStatus, f.untriaged])).toEqual([
      ['["kworkerds"]', 'new', true],
      ['["sshd"]', 'new', false],
    ]);
    const empty = summarizeWeek(db, week('2026-11-09'), []);
    expect(empty).toMatchObject({ queries: [], findings: [], untriaged: [], reviewers: [], timeToTriage: { count: 0, medianHours: null, maxHours: null } });
  });

  it('lists a hunt missing from the catalogue by its id', () => {
    const s = summarizeWeek(db, week('2026-11-23'), []);
    expect(s.queries[0]).toMatchObject({ huntId: 'seed', huntName: 'seed', queryLabel: 'Query 1' });
    expect(s.findings.some((f) => f.keyValues['process.name'] === HOSTILE)).toBe(false);
  });

  it('signs a week off once; a second sign-off is refused until the first is revoked', () => {
    expect(summarizeWeek(db, week('2026-11-23'), HUNTS).signOff).toEqual({ kind: 'unsigned' });
    expect(signOffWeek(db, '2026-11-23', 'lead', '2026-11-27T17:00:00Z', 'all triaged')).toEqual({
      ok: true,
      signOff: { id: 1, weekStart: '2026-11-23', signedBy: 'lead', signedAt: '2026-11-27T17:00:00Z', note: 'all triaged' },
    });
    expect(summarizeWeek(db, week('2026-11-23'), HUNTS).signOff).toMatchObject({ kind: 'signed', signOff: { signedBy: 'lead' } });
    const again = signOffWeek(db, '2026-11-23', 'other-lead', '2026-11-28T09:00:00Z');
    expect(again).toMatchObject({ ok: false, reason: 'already-signed', current: { signedBy: 'lead' }, message: expect.stringContaining('revoke') });
    expect(revokeSignOff(db, '2026-11-23', 'lead', '2026-11-28T10:00:00Z')).toMatchObject({ ok: true, revoked: { signedBy: 'lead' } });
    expect(revokeSignOff(db, '2026-11-23', 'lead', '2026-11-28T10:00:01Z')).toMatchObject({ ok: false, reason: 'not-signed' });
    expect(signOffWeek(db, '2026-11-23', 'other-lead', '2026-11-28T11:00:00Z')).toMatchObject({ ok: true, signOff: { signedBy: 'other-lead', note: '' } });
    expect(db.prepare('SELECT COUNT(*) AS n FROM week_signoffs').get()).toEqual({ n: 2 });
  });

  it('refuses a week not started yet and bad input', () => {
    expect(signOffWeek(db, '2026-11-30', 'lead', '2026-11-29T23:00:00Z')).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('not started') });
    expect(signOffWeek(db, '2026-11-23', ' ', '2026-11-29T23:00:00Z')).toMatchObject({ ok: false, reason: 'invalid' });
    for (const bad of ['soon', '2026-11-24', '2026-02-30']) expect(signOffWeek(db, bad, 'lead', '2026-11-29T23:00:00Z')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(signOffWeek(db, '2026-11-23', 'lead', '2026-11-29T23:00:00Z', 'x'.repeat(2001))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
