import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppState } from '../../appstate/db';
import { MIGRATIONS } from '../../appstate/migrations';
import { diffSummary } from '../../appstate/run-diff';
import { getRunHeader, queryHash, saveRun, type NewRun } from '../../appstate/runs';
import { SEED_ALL_USERS } from '../../esql/testing';
import { loadHuntText } from '../loader';
import { huntToml } from '../testing/fixtures';
import { parse, pinnedNow, pinNowInQuery, pinNowInText } from '../../esql';
import { PIN_NOW_MIGRATION } from '../../appstate/migrations/v10-pin-now';
import { prepareHuntQuery } from './prepare';
import { runQuery } from './run-events';

const NOW = new Date('2026-01-08T12:00:00.000Z');

function hunt() {
  const loaded = loadHuntText(huntToml({ queries: [SEED_ALL_USERS] }), { source: { kind: 'directory', file: 'linux/queries/p.toml' }, id: 'p' });
  if (!loaded.ok) throw new Error(loaded.problem.message);
  return loaded.hunt;
}

describe('pinning a run’s now in its text', () => {
  it('splices every now() call, whatever its spelling, and keeps the rest of the text as written', () => {
    const text = 'from x // the window\n| where @timestamp > now ( ) - 7 day and @timestamp <= NOW()\n| stats c = count(*) by ends_with(a, "z")';
    expect(pinNowInText(text)).toEqual({
      text: 'from x // the window\n| where @timestamp > TO_DATETIME(?_now1) - 7 day and @timestamp <= TO_DATETIME(?_now1)\n| stats c = count(*) by ends_with(a, "z")',
      name: '_now1',
    });
    expect(pinNowInText('from x | where a == ?_now1 and @timestamp < now()')?.name).toBe('_now2');
    expect(pinNowInText('from x | where @timestamp > "2026-01-01"')).toBeUndefined();
    expect(pinNowInText('from x | where (')).toBeUndefined();
  });

  it('the AST rewrite prints as the splice reads, and a pinned run’s now is read back from its params', () => {
    const parsed = parse(SEED_ALL_USERS);
    if (!parsed.ok) throw new Error('seed does not parse');
    const pinned = pinNowInQuery(parsed.query, '_now1');
    const reparsed = parse(pinNowInText(SEED_ALL_USERS)!.text);
    if (!reparsed.ok) throw new Error('pinned text does not parse');
    expect(pinnedNow(pinned, [{ _now1: NOW.toISOString() }])).toBe(NOW.toISOString());
    expect(pinnedNow(reparsed.query, [{ _now1: NOW.toISOString() }])).toBe(NOW.toISOString());
    // A param the text does not read is not its now.
    expect(pinnedNow(parsed.query, [{ _now1: NOW.toISOString() }])).toBeUndefined();
  });

  it('prepare pins the hunt’s now as a param, for the hunt’s window and a preset alike', () => {
    for (const window of [{ id: 'hunt' as const }, { id: '24h' as const }]) {
      const prepared = prepareHuntQuery(hunt(), 1, { window, now: NOW });
      if (!prepared.ok) throw new Error(prepared.error.message);
      expect(prepared.prepared.text).not.toMatch(/now\(\)/i);
      expect(prepared.prepared.text).toContain('@timestamp > TO_DATETIME(?_now1) - ');
      expect(prepared.prepared.params).toEqual([{ _now1: NOW.toISOString() }]);
    }
    // A custom window's bounds replace the now() predicate: nothing left to pin.
    const custom = prepareHuntQuery(hunt(), 1, { window: { id: 'custom', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, now: NOW });
    if (!custom.ok) throw new Error(custom.error.message);
    expect(custom.prepared.params.map((p) => Object.keys(p)[0])).toEqual(['_tstart', '_tend']);
  });

  it('a run saved before pinning reads its now from its start', () => {
    const run = { id: 3, queryText: SEED_ALL_USERS, params: [], window: { id: '7d' }, startedAt: NOW.toISOString() };
    const built = runQuery(run);
    if (!built.ok) throw new Error(built.error.message);
    expect(built.run).toMatchObject({ now: NOW.toISOString(), params: [{ _now1: NOW.toISOString() }] });
  });
});

describe('migration 10: query hashes of runs saved before pinning', () => {
  it('rehashes an old run as the text prepare makes now, keeps its text, and the next run diffs against it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-pin-now-'));
    try {
      const db = openAppState(dir);
      const base = { huntId: 'p', queryNumber: 1, window: { id: '7d' }, backend: { kind: 'embedded', label: 'embedded store' }, trigger: 'cli', durationMs: 1, status: 'ok' } as const;
      const rows = { columns: [{ name: 'connection_count', type: 'long' }, { name: 'process.name', type: 'keyword' }], values: [[2, 'curl']], warnings: [], truncated: false, isPartial: false };
      const old: NewRun = { ...base, ...rows, queryText: SEED_ALL_USERS, params: [], startedAt: '2026-01-01T12:00:00.000Z' };
      const oldId = saveRun(db, old).id;
      // What migration 10 does to a file saved before it (the schema is the same on both sides).
      expect(MIGRATIONS.find((m) => m.version === 10)).toBe(PIN_NOW_MIGRATION);
      const prepared = prepareHuntQuery(hunt(), 1, { window: { id: 'hunt' }, now: NOW });
      if (!prepared.ok) throw new Error(prepared.error.message);
      expect(getRunHeader(db, oldId)!.queryHash).not.toBe(queryHash(prepared.prepared.text));
      PIN_NOW_MIGRATION.up!(db);
      const migrated = getRunHeader(db, oldId)!;
      expect(migrated.queryText).toBe(SEED_ALL_USERS);
      expect(migrated.queryHash).toBe(queryHash(prepared.prepared.text));
      const next = saveRun(db, { ...base, ...rows, queryText: prepared.prepared.text, params: prepared.prepared.params, startedAt: NOW.toISOString() });
      expect(diffSummary(db, next.id)).toMatchObject({ previousRunId: oldId, counts: { new: 0, recurring: 1, gone: 0 } });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
