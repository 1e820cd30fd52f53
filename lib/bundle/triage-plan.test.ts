/**
 * The two-step triage merge (planned without the write lock, written set-wise) ends as the
 * one-at-a-time merge does, also when an analyst changes a finding between the two steps.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../appstate/database';
import { updateTriage } from '../appstate/triage';
import { type TriageHistoryEntry } from '../model/triage';
import type { BundleTriage } from './format';
import { openWithBundles, tempDir } from './testing/fixture';
import { triageMerger } from './triage-merge';
import { applyTriagePlan, planTriage } from './triage-plan';

const key = (i: number) => JSON.stringify([`proc-${i}`]);
const ref = (i: number) => ({ huntId: 'h', queryNumber: 1, findingKey: key(i) });
const state = (i: number, updatedAt: string): BundleTriage => ({ ...ref(i), status: 'benign', assignee: null, note: `remote ${i}`, version: 4, updatedAt, updatedBy: 'remote' });
const entry = (at: string, who: string): TriageHistoryEntry => ({ at, who, fromStatus: null, toStatus: 'benign', fromAssignee: null, toAssignee: null, note: '' });

/** Local triage for findings 0–9: older than the bundle's for even ones, newer for odd ones. */
function seedLocal(db: AppDatabase) {
  for (let i = 0; i < 10; i++) {
    updateTriage(db, ref(i), { expectedVersion: 0, status: 'investigating', who: 'local', at: i % 2 === 0 ? '2026-01-02T00:00:00.000Z' : '2026-01-09T00:00:00.000Z' });
  }
}

const bundleStates = Array.from({ length: 30 }, (_, i) => state(i, '2026-01-05T00:00:00.000Z'));
const historyOf = (s: BundleTriage) => [entry('2026-01-05T00:00:00.000Z', 'remote'), ...(s.findingKey === key(3) ? [entry('2026-01-01T00:00:00.000Z', 'older')] : [])];

function dump(db: AppDatabase) {
  return {
    triage: db.prepare('SELECT * FROM triage ORDER BY finding_key').all(),
    history: db.prepare('SELECT finding_key, at, who, to_status FROM triage_history ORDER BY finding_key, id').all(),
  };
}

describe('the two-step triage merge', () => {
  const dirs: string[] = [];
  const dbs: AppDatabase[] = [];
  const open = () => {
    const dir = tempDir('triage-plan');
    const db = openWithBundles(dir);
    dirs.push(dir);
    dbs.push(db);
    return db;
  };
  beforeEach(() => {
    dirs.length = 0;
    dbs.length = 0;
  });
  afterEach(() => {
    for (const db of dbs) db.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The one-at-a-time merge of the same bundle over the same local state, after `between`. */
  function oneStep(between: (db: AppDatabase) => void) {
    const db = open();
    seedLocal(db);
    between(db);
    const merge = triageMerger(db);
    const counts = { inserted: 0, updated: 0, kept: 0, historyAdded: 0 };
    db.transaction(() => {
      for (const s of bundleStates) {
        const merged = merge(s, historyOf(s));
        counts[merged.outcome]++;
        counts.historyAdded += merged.historyAdded;
      }
    })();
    return { counts, stored: dump(db) };
  }

  it('writes what the one-at-a-time merge writes, with the same counts', () => {
    const db = open();
    seedLocal(db);
    const plan = planTriage(db, bundleStates, historyOf);
    const counts = db.transaction(() => applyTriagePlan(db, plan)).immediate();
    expect({ counts, stored: dump(db) }).toEqual(oneStep(() => undefined));
    expect(counts).toEqual({ inserted: 20, updated: 5, kept: 5, historyAdded: 31 });
  });

  it('merges again the findings an analyst changed between the two steps', () => {
    const change = (db: AppDatabase) => {
      // A newer local state for one the bundle would have updated, and a first triage of one it would have inserted.
      updateTriage(db, ref(2), { expectedVersion: 1, status: 'escalated', who: 'analyst', at: '2026-01-08T00:00:00.000Z' });
      updateTriage(db, ref(20), { expectedVersion: 0, status: 'suspicious', who: 'analyst', at: '2026-01-08T00:00:00.000Z' });
    };
    const db = open();
    seedLocal(db);
    const plan = planTriage(db, bundleStates, historyOf);
    change(db);
    const counts = db.transaction(() => applyTriagePlan(db, plan)).immediate();
    expect({ counts, stored: dump(db) }).toEqual(oneStep(change));
  });
});
