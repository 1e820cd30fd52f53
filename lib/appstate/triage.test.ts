import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppState } from './db';
import type { AppDatabase } from './database';
import { getTriage, triageHistory, updateTriage } from './triage';
import { type FindingRef } from '../model/triage';

let dir: string;
let db: AppDatabase;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-triage-'));
  db = openAppState(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const miner: FindingRef = { huntId: 'seed', queryNumber: 1, findingKey: '["kworkerds"]' };

describe('triage', () => {
  it('starts new, moves through statuses with an assignee and notes, and records every change', () => {
    expect(getTriage(db, miner)).toMatchObject({ status: 'new', version: 0, assignee: null });
    const a = updateTriage(db, miner, { expectedVersion: 0, status: 'investigating', assignee: 'alice', note: 'pool traffic?', who: 'alice', at: '2026-01-08T13:00:00Z' });
    expect(a).toMatchObject({ ok: true, state: { status: 'investigating', assignee: 'alice', version: 1 } });
    const b = updateTriage(db, miner, { expectedVersion: 1, status: 'escalated', note: 'confirmed miner; IR ticket 42', who: 'alice', at: '2026-01-08T14:00:00Z' });
    expect(b).toMatchObject({ ok: true, state: { status: 'escalated', assignee: 'alice', version: 2 } });
    expect(triageHistory(db, miner)).toEqual([
      { at: '2026-01-08T13:00:00Z', who: 'alice', fromStatus: null, toStatus: 'investigating', fromAssignee: null, toAssignee: 'alice', note: 'pool traffic?' },
      { at: '2026-01-08T14:00:00Z', who: 'alice', fromStatus: 'investigating', toStatus: 'escalated', fromAssignee: 'alice', toAssignee: 'alice', note: 'confirmed miner; IR ticket 42' },
    ]);
  });

  it('refuses a stale write with the newer state: two analysts cannot silently overwrite each other', () => {
    const read = getTriage(db, miner);
    expect(updateTriage(db, miner, { expectedVersion: read.version, status: 'benign', who: 'bob', at: '2026-01-08T13:00:00Z' }).ok).toBe(true);
    const second = updateTriage(db, miner, { expectedVersion: read.version, status: 'suspicious', who: 'carol', at: '2026-01-08T13:00:01Z' });
    expect(second).toMatchObject({ ok: false, reason: 'conflict', current: { status: 'benign', version: 1, updatedBy: 'bob' } });
    expect(triageHistory(db, miner)).toHaveLength(1);
  });

  it('carries the state over to the same finding in a later week and keeps findings apart', () => {
    updateTriage(db, miner, { expectedVersion: 0, status: 'benign', who: 'bob', at: '2026-01-08T13:00:00Z' });
    db.close();
    db = openAppState(dir);
    expect(getTriage(db, miner)).toMatchObject({ status: 'benign', version: 1 });
    expect(getTriage(db, { ...miner, queryNumber: 2 })).toMatchObject({ status: 'new', version: 0 });
    expect(getTriage(db, { ...miner, findingKey: '["sshd-helper"]' })).toMatchObject({ status: 'new' });
  });

  it('rejects invalid changes without writing', () => {
    expect(updateTriage(db, miner, { expectedVersion: 0, status: 'new', who: 'a', at: 't' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(updateTriage(db, miner, { expectedVersion: 0, status: 'closed' as never, who: 'a', at: 't' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(updateTriage(db, miner, { expectedVersion: 0, note: 'x'.repeat(10_001), who: 'a', at: 't' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(updateTriage(db, miner, { expectedVersion: 0, status: 'benign', who: ' ', at: 't' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(triageHistory(db, miner)).toEqual([]);
    expect(getTriage(db, miner).version).toBe(0);
  });
});
