/**
 * A run saved in pieces stores exactly what saveRun stores (rows, diff, summary, later runs'
 * diffs), is invisible until its final transaction, and a save that never finished is found and
 * removed.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './db';
import type { AppDatabase } from './database';
import { writeInPieces } from './piecewise';
import { diffIdOf } from './run-diff';
import { discardJobs, leftoverRunIds, publishStagedRuns, reserveRunIds, saveRunInPieces, stagedJobs, stagedSave } from './staged-runs';
import { getRunHeader, listRunHeaders, saveRun, type NewRun } from './runs';

const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
const SMALL = { firstRows: 7, targetMs: 0.01 };

/** A small deterministic generator: the same scenarios every run. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

function newRun(day: number, names: (string | null)[], text = TEXT): NewRun {
  return {
    huntId: 'h',
    queryNumber: 1,
    queryText: text,
    params: [],
    window: { id: '7d' },
    backend: { kind: 'embedded', label: 't' },
    trigger: 'cli',
    startedAt: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
    durationMs: 1,
    status: 'ok',
    columns: [{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }],
    values: names.map((n, i) => [i % 3, n]),
    warnings: [],
    truncated: false,
    isPartial: false,
  };
}

function fresh(): AppDatabase {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

/**
 * Everything a review reads of every run, and no row left over. Runs are numbered by their order:
 * a save in pieces also reserves ids for the diffs it computes again, so later ids differ.
 */
function stored(db: AppDatabase) {
  const ids = db.prepare('SELECT id FROM runs ORDER BY id').pluck().all() as number[];
  const nth = new Map(ids.map((id, i) => [id, i]));
  const n = (id: number | null) => (id === null ? null : nth.get(id));
  const diff = db.prepare('SELECT status, finding_key, runs_seen, row_run_id, position, process_name, agent_id FROM run_diff WHERE run_id = ? ORDER BY status, finding_key');
  const diffs = ids.map((id) => (diff.all(diffIdOf(db, id)) as { row_run_id: number }[]).map((r) => ({ ...r, row_run_id: n(r.row_run_id) })));
  const live = diffs.reduce((count, rows) => count + rows.length, 0);
  return {
    runs: (db.prepare('SELECT id, started_at, row_count FROM runs ORDER BY id').all() as { id: number }[]).map((r) => ({ ...r, id: n(r.id) })),
    findings: (db.prepare('SELECT * FROM run_findings ORDER BY run_id, position').all() as { run_id: number }[]).map((r) => ({ ...r, run_id: n(r.run_id) })),
    diffs,
    leftover: { diff: (db.prepare('SELECT COUNT(*) FROM run_diff').pluck().get() as number) - live, marks: db.prepare('SELECT COUNT(*) FROM staged_runs').pluck().get() },
    summary: (db.prepare('SELECT run_id, previous_run_id, compared, new_count, recurring_count, gone_count FROM run_diff_summary ORDER BY run_id').all() as { run_id: number; previous_run_id: number | null }[]).map(
      (r) => ({ ...r, run_id: n(r.run_id), previous_run_id: n(r.previous_run_id) }),
    ),
  };
}

/** Stages `runs` as one import does: ids reserved together, the jobs, one final transaction, then the clean-up. */
async function stageAll(db: AppDatabase, runs: NewRun[]): Promise<{ ids: number[]; rediffs: number }> {
  const ids = reserveRunIds(db, runs.length, '2026-01-01T00:00:00.000Z');
  const save = stagedSave(ids, runs);
  await writeInPieces(db, stagedJobs(db, save), SMALL);
  const { discard } = db.transaction(() => publishStagedRuns(db, save)).immediate();
  await writeInPieces(db, discardJobs(db, discard), SMALL);
  return { ids, rediffs: save.rediffs.size };
}

describe('runs saved in pieces', () => {
  it('store what saveRun stores (later runs’ diffs computed again included), whatever the order and mix of saves', async () => {
    const next = random(7);
    let rediffs = 0;
    for (let scenario = 0; scenario < 12; scenario++) {
      const alphabet = Array.from({ length: 40 }, (_, i) => (i === 0 ? null : `p${i}`));
      const runs = Array.from({ length: 2 + next(6) }, () =>
        newRun(next(10), Array.from({ length: next(300) }, () => alphabet[next(alphabet.length)]), next(5) === 0 ? `${TEXT} | LIMIT 9` : TEXT),
      );
      const plain = fresh();
      const pieces = fresh();
      // The same saves in the same order; some of them in pieces, some bundled together.
      for (let i = 0; i < runs.length; ) {
        const take = 1 + next(3);
        const group = runs.slice(i, i + take);
        for (const run of group) saveRun(plain, run);
        if (next(3) === 0) for (const run of group) saveRun(pieces, run);
        else rediffs += (await stageAll(pieces, group)).rediffs;
        i += take;
      }
      expect(stored(pieces)).toEqual(stored(plain));
    }
    // Saves before runs already saved happened: those runs' diffs were computed again in pieces.
    expect(rediffs).toBeGreaterThan(5);
  });

  it('are invisible until the final transaction; runs saved meanwhile get later ids and join the history', async () => {
    const db = fresh();
    saveRun(db, newRun(0, ['a', 'b']));
    const [id] = reserveRunIds(db, 1, '2026-01-01T00:00:00.000Z');
    const staged = stagedSave([id], [newRun(3, Array.from({ length: 500 }, (_, i) => `p${i % 50}`))]);
    await writeInPieces(db, stagedJobs(db, staged), SMALL);
    expect(getRunHeader(db, id)).toBeUndefined();
    expect(listRunHeaders(db).map((r) => r.id)).toEqual([1]);
    // Saved while the pieces are written: before the staged run in time, so its history changes.
    const meanwhile = saveRun(db, newRun(2, ['p1', 'zz']));
    expect(meanwhile.id).toBeGreaterThan(id);
    db.transaction(() => publishStagedRuns(db, staged)).immediate();
    const plain = fresh();
    saveRun(plain, newRun(0, ['a', 'b']));
    plain.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'runs'").run(id - 1);
    plain.transaction(() => {
      // The same final state saved plainly: the staged run (id 2) then the one saved meanwhile.
      saveRun(plain, staged.runs[0].run);
      saveRun(plain, newRun(2, ['p1', 'zz']));
    })();
    expect(stored(db)).toEqual(stored(plain));
    expect(db.prepare('SELECT COUNT(*) FROM staged_runs').pluck().get()).toBe(0);
  });

  it('keeps wanted ids when every one is free, else gives fresh ids; AUTOINCREMENT never hands them out again', () => {
    const db = fresh();
    saveRun(db, newRun(0, ['a']));
    expect(reserveRunIds(db, 2, '2026-01-01T00:00:00.000Z', [7, 5])).toEqual([7, 5]);
    // 1 is a saved run and 5 is reserved: none of the wanted ids is taken then.
    expect(reserveRunIds(db, 2, '2026-01-01T00:00:00.000Z', [1, 9])).toEqual([8, 9]);
    expect(reserveRunIds(db, 1, '2026-01-01T00:00:00.000Z', [5])).toEqual([10]);
    expect(reserveRunIds(db, 2, '2026-01-01T00:00:00.000Z', [11, 11])).toEqual([11, 12]);
    expect(saveRun(db, newRun(1, ['b'])).id).toBe(13);
  });

  it('saves one big run with every piece short, and a failed save leaves nothing', async () => {
    const db = fresh();
    const pieces: number[] = [];
    const saved = await saveRunInPieces(db, newRun(1, Array.from({ length: 20_000 }, (_, i) => `p${i}`)), { onPiece: (ms) => pieces.push(ms) });
    expect(getRunHeader(db, saved.id)?.rowCount).toBe(20_000);
    expect(pieces.length).toBeGreaterThan(3);
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'no'); END");
    await expect(saveRunInPieces(db, newRun(2, ['x', 'y']))).rejects.toThrow('no');
    expect(db.prepare('SELECT COUNT(*) FROM run_findings WHERE run_id <> ?').pluck().get(saved.id)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM staged_runs').pluck().get()).toBe(0);
  });

  it('finds the reservations of a process that is gone, and removes their rows', async () => {
    const db = fresh();
    const [id] = reserveRunIds(db, 1, '2026-01-01T00:00:00.000Z');
    await writeInPieces(db, stagedJobs(db, stagedSave([id], [newRun(1, ['a', 'b', 'c'])])), SMALL);
    expect(leftoverRunIds(db, false)).toEqual([]); // this process's, maybe still writing
    expect(leftoverRunIds(db, true)).toEqual([id]);
    db.prepare('UPDATE staged_runs SET owner_pid = ?').run(2 ** 22 + 12345); // above Linux's pid_max: no such process
    expect(leftoverRunIds(db, false)).toEqual([id]);
    await writeInPieces(db, discardJobs(db, leftoverRunIds(db, false)), SMALL);
    expect(stored(db)).toEqual({ runs: [], findings: [], diffs: [], leftover: { diff: 0, marks: 0 }, summary: [] });
    expect(db.prepare('SELECT COUNT(*) FROM staged_runs').pluck().get()).toBe(0);
    // The reserved id is never handed out again.
    expect(saveRun(db, newRun(2, ['a'])).id).toBe(id + 1);
  });
});
