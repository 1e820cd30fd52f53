import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAllowEntry } from '../appstate/allow-list';
import { openAppState } from '../appstate/db';
import type { AppDatabase } from '../appstate/database';
import { MIGRATIONS } from '../appstate/migrations';
import { saveRun } from '../appstate/runs';
import { getTriage, updateTriage } from '../appstate/triage';
import type { EsqlValue } from '../model/esql';
import { canonicalJson, sha256Hex } from './canonical-json';
import { summarizeWeek } from './week';
import { weekOfMonday } from './week-bounds';
import { type WeekBounds } from '../model/week';
import { HUNTS, QUERY_TEXT, seedWeeks } from './testing/week';
import { revokeSignOff, signOffWeek } from './week-signoff';
import { weekRecord } from './week-record';
import { freezeWeek, signWeek, SNAPSHOT_LIST_LIMIT } from './week-sign';
import { readSnapshot, storeSnapshot } from './week-snapshot';

const week = (monday: string): WeekBounds => {
  const parsed = weekOfMonday(monday);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.week;
};
const W1 = week('2026-11-16');
const W2 = week('2026-11-23');
const SIGNED_AT = '2026-11-27T17:00:00.000Z';
const LATER = '2026-11-29T00:00:00.000Z';
const key = (name: string) => JSON.stringify([name]);

function lateRun(db: AppDatabase, startedAt: string, names: string[]): number {
  return saveRun(db, {
    huntId: 'seed',
    queryNumber: 1,
    queryText: QUERY_TEXT,
    params: [],
    window: { id: '7d' },
    backend: { kind: 'embedded', label: 'demo' },
    trigger: 'cli',
    startedAt,
    durationMs: 5,
    status: 'ok',
    columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }],
    values: names.map((n): EsqlValue[] => [1, n]),
    warnings: [],
    truncated: false,
    isPartial: false,
  }).id;
}

function sign(db: AppDatabase, w: WeekBounds, at = SIGNED_AT) {
  const result = signWeek(db, w, HUNTS, 'lena', at, 'reviewed', summarizeWeek(db, w, HUNTS).untriagedCount);
  if (!result.ok) throw new Error(result.message);
  return result;
}

function allow(db: AppDatabase, processName: string, createdAt: string) {
  const added = addAllowEntry(db, { processName, agentId: null, huntId: 'seed', owner: 'ana', reason: 'known tool', createdAt, expiresAt: '2026-12-20T00:00:00.000Z' });
  if (!added.ok) throw new Error(added.message);
}

describe('frozen weeks', () => {
  let dir: string;
  let db: AppDatabase;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-snapshot-'));
    db = openAppState(dir);
    seedWeeks(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the week as signed, with its hash, who and when and the untriaged count, and shows it', () => {
    const live = summarizeWeek(db, W2, HUNTS);
    const signed = sign(db, W2);
    expect(signed.untriaged).toBe(live.untriagedCount);
    const stored = readSnapshot(db, signed.signOff.id)!;
    expect(stored.intact).toBe(true);
    expect(stored.sha256).toBe(signed.sha256);
    expect(sha256Hex(canonicalJson(stored.snapshot))).toBe(signed.sha256);
    expect(stored.snapshot).toMatchObject({ signOff: { weekStart: '2026-11-23', signedBy: 'lena', signedAt: SIGNED_AT, note: 'reviewed' }, untriagedAtSigning: live.untriagedCount });
    expect(stored.snapshot.summary.findings).toEqual(live.findings);
    expect(stored.snapshot.summary.gone.map((f) => f.diffStatus)).toEqual(['gone']);
    expect(stored.snapshot.markdown).toContain('this report is the week as signed');

    const { record } = weekRecord(db, W2, HUNTS, LATER);
    if (record.kind !== 'snapshot') throw new Error(record.kind);
    expect(record.sha256).toBe(signed.sha256);
    expect(record.summary.findings).toEqual(live.findings);
    expect(record.summary.signOff).toMatchObject({ kind: 'signed', snapshot: { sha256: signed.sha256, untriagedAtSigning: live.untriagedCount } });
    expect(record.changes).toEqual({ findings: [], lateRuns: [], missingRuns: [], figures: [], partial: false });
  });

  it('keeps the snapshot when triage, the allow-list or a late run change the week, and lists each change', () => {
    sign(db, W2);
    const before = weekRecord(db, W2, HUNTS, SIGNED_AT).record;
    if (before.kind !== 'snapshot') throw new Error(before.kind);

    const nc = { huntId: 'seed', queryNumber: 1, findingKey: key('nc') };
    expect(updateTriage(db, nc, { expectedVersion: getTriage(db, nc).version, status: 'benign', who: 'bob', at: '2026-11-28T08:00:00.000Z' }).ok).toBe(true);
    const late = lateRun(db, '2026-11-28T06:00:00.000Z', ['sshd', 'xmrig', 'nc', 'late-one']);
    allow(db, 'xmrig', '2026-11-28T12:00:00.000Z');

    const after = weekRecord(db, W2, HUNTS, LATER).record;
    if (after.kind !== 'snapshot') throw new Error(after.kind);
    expect(after.summary).toEqual(before.summary);
    expect(after.markdown).toBe(before.markdown);
    expect(after.sha256).toBe(before.sha256);

    // One entry per finding (a process listed by both queries is one finding).
    const changed = new Map(after.changes.findings.map((c) => [c.finding.key, c.fields]));
    expect(after.changes.findings).toHaveLength(changed.size);
    expect(changed.get(key('nc'))).toContainEqual({ field: 'triage', from: 'suspicious', to: 'benign' });
    // The entry came after every run of the week: it hides xmrig only "now".
    expect(changed.get(key('xmrig'))).toContainEqual({ field: 'suppression', from: 'shown', to: 'hidden by the allow-list' });
    expect(changed.get(key('late-one'))).toEqual([{ field: 'presence', from: 'not in the week', to: 'in the week (new)' }]);
    expect(changed.get(key('sshd'))).toBeUndefined();
    expect(after.changes.lateRuns).toEqual([{ id: late, startedAt: '2026-11-28T06:00:00.000Z', huntId: 'seed', queryNumber: 1 }]);
    expect(after.changes.figures).toContainEqual({ name: 'runs', from: 4, to: 5 });
    expect(after.changes.figures.find((f) => f.name === 'hidden by the allow-list')).toMatchObject({ from: 0 });

    // Unsigned, the same week is the week as it is: the late run, each run with its own allow-list.
    expect(revokeSignOff(db, '2026-11-23', 'lena', LATER).ok).toBe(true);
    const live = weekRecord(db, W2, HUNTS, LATER).record;
    expect(live.kind).toBe('live');
    expect(live.summary.findings.map((f) => f.key)).toContain(key('late-one'));
    expect(live.summary.suppressed).toBe(0);
  });

  it('keeps a revoked sign-off’s snapshot as history; signing again freezes a new one', () => {
    const first = sign(db, W2);
    expect(revokeSignOff(db, '2026-11-23', 'lena', '2026-11-28T09:00:00.000Z').ok).toBe(true);
    const second = sign(db, W2, '2026-11-28T10:00:00.000Z');
    expect(second.sha256).not.toBe(first.sha256);
    const history = weekRecord(db, W2, HUNTS, LATER);
    expect(history.record).toMatchObject({ kind: 'snapshot', sha256: second.sha256 });
    expect(history.revoked).toEqual([expect.objectContaining({ id: first.signOff.id, revokedBy: 'lena', sha256: first.sha256 })]);
    expect(readSnapshot(db, first.signOff.id)?.intact).toBe(true);
  });

  it('refuses a sign-off that does not confirm the current untriaged count, and writes nothing', () => {
    const untriaged = summarizeWeek(db, W1, HUNTS).untriagedCount;
    expect(untriaged).toBeGreaterThan(0);
    expect(signWeek(db, W1, HUNTS, 'lena', SIGNED_AT, '', untriaged - 1)).toMatchObject({ ok: false, reason: 'unconfirmed', untriaged });
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM week_signoffs) + (SELECT COUNT(*) FROM week_snapshots) AS n').get()).toEqual({ n: 0 });
    // A week that cannot be signed at all says so first.
    expect(signWeek(db, week('2026-11-30'), HUNTS, 'lena', SIGNED_AT, '', 0)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('reads a snapshot hashed when the week’s Monday was named `start`: intact, re-hashing as stored, shown with today’s bounds', () => {
    const signed = signOffWeek(db, '2026-11-23', 'lena', SIGNED_AT, 'older shape');
    if (!signed.ok) throw new Error(signed.message);
    const frozen = freezeWeek(summarizeWeek(db, W2, HUNTS, { listLimit: SNAPSHOT_LIST_LIMIT }), signed.signOff);
    const older = { ...frozen, summary: { ...frozen.summary, week: { start: '2026-11-23', from: W2.from, to: W2.to } } };
    const sha256 = storeSnapshot(db, signed.signOff.id, older);
    const stored = readSnapshot(db, signed.signOff.id)!;
    expect(stored).toMatchObject({ intact: true, sha256 });
    // Read as hashed (what a bundle carries, and its importer re-hashes).
    expect(stored.snapshot.summary.week).toEqual({ start: '2026-11-23', from: W2.from, to: W2.to });
    expect(sha256Hex(canonicalJson(stored.snapshot))).toBe(sha256);
    const { record } = weekRecord(db, W2, HUNTS, LATER);
    if (record.kind !== 'snapshot') throw new Error(record.kind);
    expect(record).toMatchObject({ sha256, intact: true });
    expect(record.summary.week).toEqual(W2);
    expect(record.changes.findings).toEqual([]);
  });

  it('notices a snapshot whose stored JSON no longer matches its hash', () => {
    const signed = sign(db, W2);
    db.prepare("UPDATE week_snapshots SET snapshot_json = replace(snapshot_json, '\"signedBy\":\"lena\"', '\"signedBy\":\"eve\"')").run();
    expect(readSnapshot(db, signed.signOff.id)).toMatchObject({ intact: false, sha256: signed.sha256 });
  });
});

describe('allow-list entries apply from their creation on', () => {
  let dir: string;
  let db: AppDatabase;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-allow-time-'));
    db = openAppState(dir);
    seedWeeks(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hides nothing in a run that started before the entry; a week before the entry is unchanged', () => {
    const earlier = summarizeWeek(db, W1, HUNTS);
    const signedWeek = summarizeWeek(db, W2, HUNTS);
    // nc's only run (11-25 10:00) started before the entry: it stays shown.
    allow(db, 'nc', '2026-11-26T00:00:00.000Z');
    // sshd's entry predates the latest run of the week (11-25) but not the week before's (11-17).
    allow(db, 'sshd', '2026-11-24T00:00:00.000Z');
    expect(summarizeWeek(db, W1, HUNTS)).toEqual(earlier);
    const now = summarizeWeek(db, W2, HUNTS);
    expect(now.findings.map((f) => f.key)).toContain(key('nc'));
    expect(now.findings.map((f) => f.key)).not.toContain(key('sshd'));
    expect(now.suppressed).toBe(1);
    expect(now.findingCount).toBe(signedWeek.findingCount - 1);
    // What the entries in force now would hide: both.
    expect(summarizeWeek(db, W2, HUNTS, { allowAt: '2026-11-27T00:00:00.000Z' }).suppressed).toBe(2);
  });
});

describe('a sign-off made before snapshots were kept', () => {
  it('survives the migration and is shown as the week is now, saying so', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-pre-snapshot-'));
    try {
      const old = openAppState(dir, MIGRATIONS.filter((m) => m.version < 11));
      expect(signOffWeek(old, '2026-11-23', 'lena', SIGNED_AT, 'old style').ok).toBe(true);
      old.close();
      const db = openAppState(dir);
      try {
        seedWeeks(db);
        const { record } = weekRecord(db, W2, HUNTS, LATER);
        expect(record.kind).toBe('signed-before-snapshots');
        expect(record.summary.signOff).toEqual({ kind: 'signed', signOff: { id: 1, weekStart: '2026-11-23', signedBy: 'lena', signedAt: SIGNED_AT, note: 'old style' } });
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[3,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 'é\u202e', a: [undefined] })).toBe('{"a":[null],"x":"é\u202e"}');
    expect(sha256Hex(canonicalJson({ a: 1, b: 2 }))).toBe(sha256Hex(canonicalJson({ b: 2, a: 1 })));
  });
});
