import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../appstate/database';
import { getTriage, triageHistory, updateTriage } from '../appstate/triage';
import type { BundleHistoryEntry, BundleTriage } from './format';
import { openWithBundles, tempDir } from './testing/fixture';
import { mergeTriage } from './triage-merge';

const ref = { huntId: 'h', queryNumber: 1, findingKey: '["curl"]' };
const entry = (at: string, who: string, toStatus: BundleHistoryEntry['toStatus'], note = ''): BundleHistoryEntry => ({
  ...ref,
  at,
  who,
  fromStatus: null,
  toStatus,
  fromAssignee: null,
  toAssignee: null,
  note,
});
const state = (updatedAt: string, status: BundleTriage['status'], version = 3): BundleTriage => ({
  ...ref,
  status,
  assignee: 'remote',
  note: 'from the bundle',
  version,
  updatedAt,
  updatedBy: 'remote',
});

describe('merging a bundle’s triage', () => {
  let dir: string;
  let db: AppDatabase;
  beforeEach(() => {
    dir = tempDir('triage-merge');
    db = openWithBundles(dir);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const local = (at: string, status: 'investigating' | 'benign', expectedVersion = 0) =>
    updateTriage(db, ref, { expectedVersion, status, note: `local ${status}`, who: 'local', at });

  it('inserts a finding absent locally with its history', () => {
    const r = mergeTriage(db, state('2026-01-08T10:00:00.000Z', 'benign'), [entry('2026-01-07T10:00:00.000Z', 'remote', 'investigating'), entry('2026-01-08T10:00:00.000Z', 'remote', 'benign')]);
    expect(r).toEqual({ outcome: 'inserted', historyAdded: 2 });
    expect(getTriage(db, ref)).toMatchObject({ status: 'benign', version: 3, updatedBy: 'remote' });
    expect(triageHistory(db, ref).map((h) => h.toStatus)).toEqual(['investigating', 'benign']);
  });

  it('takes the bundle’s newer state with a new local version, keeping both histories in time order', () => {
    local('2026-01-07T12:00:00.000Z', 'investigating');
    const r = mergeTriage(db, state('2026-01-08T10:00:00.000Z', 'benign', 1), [entry('2026-01-06T10:00:00.000Z', 'remote', 'investigating'), entry('2026-01-08T10:00:00.000Z', 'remote', 'benign')]);
    expect(r).toEqual({ outcome: 'updated', historyAdded: 2 });
    expect(getTriage(db, ref)).toMatchObject({ status: 'benign', version: 2, note: 'from the bundle', updatedBy: 'remote' });
    expect(triageHistory(db, ref).map((h) => `${h.who}:${h.toStatus}`)).toEqual(['remote:investigating', 'local:investigating', 'remote:benign']);
    // A page that read version 1 before the import is told the state changed.
    expect(updateTriage(db, ref, { expectedVersion: 1, status: 'escalated', who: 'local', at: '2026-01-09T00:00:00.000Z' })).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('keeps the local state when it is newer, and still adds the bundle’s history', () => {
    local('2026-01-09T12:00:00.000Z', 'benign');
    const r = mergeTriage(db, state('2026-01-08T10:00:00.000Z', 'investigating'), [entry('2026-01-08T10:00:00.000Z', 'remote', 'investigating')]);
    expect(r).toEqual({ outcome: 'kept', historyAdded: 1 });
    expect(getTriage(db, ref)).toMatchObject({ status: 'benign', version: 1, updatedBy: 'local' });
    expect(triageHistory(db, ref).map((h) => h.who)).toEqual(['remote', 'local']);
  });

  it('does not duplicate history entries already there (same at, who, to_status)', () => {
    local('2026-01-07T12:00:00.000Z', 'investigating');
    const same = { ...entry('2026-01-07T12:00:00.000Z', 'local', 'investigating'), note: 'worded differently' };
    const r = mergeTriage(db, state('2026-01-07T12:00:00.000Z', 'investigating', 1), [same, same]);
    expect(r).toEqual({ outcome: 'kept', historyAdded: 0 });
    expect(triageHistory(db, ref)).toHaveLength(1);
  });
});
