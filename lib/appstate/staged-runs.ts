/**
 * Saving runs in pieces (a bundle's, up to a million findings each), so no write transaction holds
 * the app state for long. The run ids are reserved first (staged_runs, and sqlite_sequence moved
 * past them so AUTOINCREMENT never hands them out); the rows (run_findings) and the diff (run_diff)
 * are written under those ids in short transactions while no runs row names them, so nothing reads
 * them. The saved runs after them, whose history they join, get their diff computed again in
 * pieces too, under a reserved id. One short final transaction inserts the runs rows and the
 * summaries, points the later runs' summaries at their new diffs, and marks the old diffs retired;
 * those are removed in pieces after it. A mark whose process is gone is a leftover, removed by the
 * next import. saveRun (one transaction) stays the path of small runs; both write rows and diffs
 * with the same code (run-findings, run-diff).
 */
import 'server-only';
import type { AppDatabase } from './database';
import { ascending, descending, writeInPieces, type PieceOptions, type Pieces } from './piecewise';
import {
  computeRunDiff,
  diffCounts,
  diffFindings,
  diffGone,
  diffIdOf,
  DIFF_HISTORY,
  historyIds,
  historyRefs,
  laterIds,
  writeDiffSummary,
  type DiffCounts,
  type RunRef,
} from './run-diff';
import { insertRunFindings, keyedRows, type KeyedRow } from './run-findings';
import { insertRun, queryHash, type NewRun, type SavedRun } from './runs';

/** Tables holding a staged run's rows by run_id, besides its diff and findings: a caller's own (bundle events). */
const RUN_TABLES = ['run_findings', 'run_diff'] as const;

export interface StagedRun {
  id: number;
  run: NewRun;
  /** The run as the diff sees it (its query's hash computed once, when staged). */
  ref: RunRef;
  /** Set by its pieces: the runs its diff compared it with, and the diff's counts once written. */
  diff?: { history: number[]; counts?: DiffCounts };
}

/** A saved run's diff computed again in pieces, under a reserved id, with the staged runs in its history. */
interface Rediff {
  diffId: number;
  history: number[];
  counts?: DiffCounts;
}

/** What a save in pieces carries from its pieces to its final transaction. */
export interface StagedSave {
  runs: StagedRun[];
  /** By run id: the later saved runs' diffs, computed again. */
  rediffs: Map<number, Rediff>;
}

const refOf = (id: number, run: NewRun): RunRef => ({ id, hunt_id: run.huntId, query_number: run.queryNumber, query_hash: queryHash(run.queryText), started_at: run.startedAt });

export function stagedSave(ids: readonly number[], runs: readonly NewRun[]): StagedSave {
  return { runs: runs.map((run, i) => ({ id: ids[i], run, ref: refOf(ids[i], run) })), rediffs: new Map() };
}

/** Whether an id is free to give a run as it is: no table of runs, rows, diffs or reservations uses it. */
function idFreeCheck(db: AppDatabase): (id: number) => boolean {
  const used = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM runs WHERE id = @id) OR EXISTS (SELECT 1 FROM staged_runs WHERE run_id = @id)
         OR EXISTS (SELECT 1 FROM run_findings WHERE run_id = @id) OR EXISTS (SELECT 1 FROM run_diff WHERE run_id = @id)
         OR EXISTS (SELECT 1 FROM run_diff_summary WHERE diff_id = @id)`,
    )
    .pluck();
  return (id) => used.get({ id }) === 0;
}

/**
 * Reserves `count` run ids for this process in one short transaction. `wanted` (a bundle's own run
 * ids) are taken as they are when every one is free, so an imported run keeps the number its team
 * knows it by; else fresh ids follow the highest ever given.
 */
export function reserveRunIds(db: AppDatabase, count: number, at: string, wanted?: readonly number[]): number[] {
  if (count === 0) return [];
  return db
    .transaction((): number[] => {
      const top = db
        .prepare("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'runs'), 0), COALESCE((SELECT MAX(id) FROM runs), 0))")
        .pluck()
        .get() as number;
      const isFree = idFreeCheck(db);
      const keep = wanted !== undefined && wanted.length === count && new Set(wanted).size === count && wanted.every((id) => Number.isSafeInteger(id) && id > 0 && isFree(id));
      const ids = keep ? [...wanted] : Array.from({ length: count }, (_, i) => top + 1 + i);
      // AUTOINCREMENT must never hand out a reserved id: its sequence moves past them.
      const last = Math.max(top, ...ids);
      if (db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'runs'").run(last).changes === 0) {
        db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('runs', ?)").run(last);
      }
      const reserve = db.prepare("INSERT INTO staged_runs (run_id, kind, owner_pid, staged_at) VALUES (?, 'run', ?, ?)");
      for (const id of ids) reserve.run(id, process.pid, at);
      return ids;
    })
    .immediate();
}

const before = (a: RunRef, b: RunRef) => a.started_at < b.started_at || (a.started_at === b.started_at && a.id < b.id);

/** The runs a staged run compares with: saved ones and the staged ones before it (`staged`, same import). */
function stagedHistory(db: AppDatabase, ref: RunRef, staged: readonly StagedRun[]): number[] {
  const comparable = staged
    .filter((s) => s.run.status === 'ok')
    .map((s) => s.ref)
    .filter((r) => r.hunt_id === ref.hunt_id && r.query_number === ref.query_number && r.query_hash === ref.query_hash && before(r, ref));
  return [...historyRefs(db, ref), ...comparable]
    .sort((a, b) => (before(a, b) ? 1 : before(b, a) ? -1 : 0))
    .slice(0, DIFF_HISTORY)
    .map((r) => r.id);
}

/** Pieces of one job after another, the list known only when the first is asked for. */
function chain(start: () => Pieces[]): Pieces {
  let jobs: Pieces[] | undefined;
  return (rows) => {
    jobs ??= start();
    while (jobs.length > 0) {
      const write = jobs[0](rows);
      if (write) return write;
      jobs.shift();
    }
    return undefined;
  };
}

/** Rows [0, size) of a run. */
const sizeOf = (db: AppDatabase, runId: number) => ((db.prepare('SELECT MAX(position) FROM run_findings WHERE run_id = ?').pluck().get(runId) as number | null) ?? -1) + 1;

/**
 * A diff written in pieces under `diffId`: new and recurring over the run's rows, then gone over
 * the previous run's from the end, then its counts (read outside any write transaction).
 */
function diffJobs(db: AppDatabase, runId: number, diffId: number, history: readonly number[], done: (counts: DiffCounts) => void): Pieces[] {
  const findings = ascending(sizeOf(db, runId), (from, to) => () => diffFindings(db, runId, history, { from, to }, diffId));
  const previous = history[0];
  const gone = descending(previous === undefined ? 0 : sizeOf(db, previous), (from, to) => () => diffGone(db, runId, history, { from, to }, diffId));
  const counted: Pieces = () => {
    done(diffCounts(db, diffId));
    return undefined;
  };
  return [findings, gone, counted];
}

/**
 * The jobs of a save in pieces: every staged run's rows, then their diffs (a run compares with
 * those of the same save started before it, whichever id they hold), then the later saved runs'
 * diffs computed again with the staged runs in their history.
 */
export function stagedJobs(db: AppDatabase, save: StagedSave): Pieces[] {
  const ok = save.runs.filter((s) => s.run.status === 'ok');
  const rows = ok.map((self) => {
    const run = self.run as Extract<NewRun, { status: 'ok' }>;
    const keyed = keyedRows(run.queryText, run.columns, run.values);
    return ascending(run.values.length, (from, to) => {
      const chunk: KeyedRow[] = [];
      for (let i = from; i < to; i++) chunk.push(keyed.next().value as KeyedRow);
      return () => insertRunFindings(db, self.id, chunk);
    });
  });
  const diffs = ok.map((self) =>
    chain(() => {
      const history = stagedHistory(db, self.ref, save.runs);
      self.diff = { history };
      return diffJobs(db, self.id, self.id, history, (counts) => (self.diff!.counts = counts));
    }),
  );
  const rediffs = chain(() =>
    laterSavedRuns(db, save).map((later) =>
      chain(() => {
        const [diffId] = reserveRunIds(db, 1, new Date().toISOString());
        const rediff: Rediff = { diffId, history: stagedHistory(db, later, save.runs) };
        save.rediffs.set(later.id, rediff);
        return diffJobs(db, later.id, diffId, rediff.history, (counts) => (rediff.counts = counts));
      }),
    ),
  );
  return [...rows, ...diffs, rediffs];
}

/** Saved runs whose history the staged runs join: after one of them, among its DIFF_HISTORY next. */
function laterSavedRuns(db: AppDatabase, save: StagedSave): RunRef[] {
  const staged = new Set(save.runs.map((s) => s.id));
  const ids = new Set<number>();
  for (const s of save.runs) if (s.run.status === 'ok') for (const id of laterIds(db, s.ref)) if (!staged.has(id)) ids.add(id);
  const ref = db.prepare('SELECT id, hunt_id, query_number, query_hash, started_at FROM runs WHERE id = ?');
  return [...ids].sort((a, b) => a - b).map((id) => ref.get(id) as RunRef);
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Inside the final transaction: the staged runs' rows and diff summaries; the later saved runs
 * pointed at their diffs computed again, the old ones marked retired. A diff whose history changed
 * since its pieces were written (a run saved meanwhile) is computed again here, in full. Returns
 * the ids to remove in pieces after it (discardJobs): retired diffs and reserved ids left unused.
 */
export function publishStagedRuns(db: AppDatabase, save: StagedSave): { saved: SavedRun[]; discard: number[] } {
  const saved = save.runs.map((s) => insertRun(db, s.run, s.id));
  const ids = new Set(save.runs.map((s) => s.id));
  const later = new Set<number>();
  for (const s of save.runs) {
    if (s.run.status !== 'ok') continue;
    const ref = s.ref;
    const history = historyIds(db, ref);
    if (s.diff?.counts && sameIds(history, s.diff.history)) writeDiffSummary(db, s.id, history, s.diff.counts);
    else computeRunDiff(db, s.id);
    for (const id of laterIds(db, ref)) if (!ids.has(id)) later.add(id);
  }
  const release = db.prepare('DELETE FROM staged_runs WHERE run_id = ?');
  const retire = db.prepare("INSERT OR REPLACE INTO staged_runs (run_id, kind, owner_pid, staged_at) VALUES (?, 'diff', ?, ?)");
  const discard: number[] = [];
  for (const id of [...later].sort((a, b) => a - b)) {
    const rediff = save.rediffs.get(id);
    const ref = db.prepare('SELECT id, hunt_id, query_number, query_hash, started_at FROM runs WHERE id = ?').get(id) as RunRef;
    const history = historyIds(db, ref);
    if (!rediff?.counts || !sameIds(history, rediff.history)) {
      computeRunDiff(db, id);
      continue;
    }
    const old = diffIdOf(db, id);
    writeDiffSummary(db, id, history, rediff.counts, rediff.diffId);
    release.run(rediff.diffId);
    retire.run(old, process.pid, new Date().toISOString());
    discard.push(old);
  }
  for (const s of save.runs) release.run(s.id);
  // Computed again for nothing (its history changed, or it no longer follows a staged run): a reserved id to empty.
  for (const [id, rediff] of save.rediffs) if (diffIdOf(db, id) !== rediff.diffId) discard.push(rediff.diffId);
  return { saved, discard };
}

/**
 * The jobs that remove what marked ids hold and release the marks: a reserved run id's rows (in
 * RUN_TABLES and the caller's `tables`), a retired diff id's run_diff rows. Each piece checks the
 * mark in its own transaction: a diff computed again meanwhile under its own id unmarks it.
 */
export function discardJobs(db: AppDatabase, ids: readonly number[], tables: readonly string[] = []): Pieces[] {
  const kindOf = db.prepare('SELECT kind FROM staged_runs WHERE run_id = ?').pluck();
  const jobs: Pieces[] = [];
  for (const id of ids) {
    const kind = kindOf.get(id) as 'run' | 'diff' | undefined;
    if (kind === undefined) continue;
    const marked = `EXISTS (SELECT 1 FROM staged_runs WHERE run_id = @id AND kind = '${kind}')${kind === 'run' ? ' AND NOT EXISTS (SELECT 1 FROM runs WHERE id = @id)' : ''}`;
    for (const table of kind === 'run' ? [...RUN_TABLES, ...tables] : ['run_diff']) {
      const any = db.prepare(`SELECT 1 FROM ${table} WHERE run_id = @id AND ${marked} LIMIT 1`).pluck();
      const drop = db.prepare(`DELETE FROM ${table} WHERE run_id = @id AND ${marked} LIMIT @rows`);
      jobs.push((rows) => (any.get({ id }) === undefined ? undefined : () => drop.run({ id, rows })));
    }
    let released = false;
    jobs.push(() => {
      if (released) return undefined;
      released = true;
      return () => db.prepare('DELETE FROM staged_runs WHERE run_id = ? AND kind = ?').run(id, kind);
    });
  }
  return jobs;
}

/** Every id a save reserved: its runs', and those its later runs' diffs were computed under. */
export function reservedIds(save: StagedSave): number[] {
  return [...save.runs.map((s) => s.id), ...[...save.rediffs.values()].map((r) => r.diffId)];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Reservations left by a save that never finished: of a process that is gone, and this process's
 * own when the caller knows none of its saves is running (imports run one at a time).
 */
export function leftoverRunIds(db: AppDatabase, ownAreLeftovers: boolean): number[] {
  const rows = db.prepare('SELECT run_id, owner_pid FROM staged_runs ORDER BY run_id').all() as { run_id: number; owner_pid: number }[];
  return rows.filter((r) => (r.owner_pid === process.pid ? ownAreLeftovers : !alive(r.owner_pid))).map((r) => r.run_id);
}

/** One big run saved in pieces (saveRun's result, the write lock held briefly at a time). */
export async function saveRunInPieces(db: AppDatabase, run: NewRun, options: PieceOptions = {}): Promise<SavedRun> {
  const save = stagedSave(reserveRunIds(db, 1, new Date().toISOString()), [run]);
  let published: { saved: SavedRun[]; discard: number[] };
  try {
    await writeInPieces(db, stagedJobs(db, save), options);
    published = db.transaction(() => publishStagedRuns(db, save)).immediate();
  } catch (e) {
    await writeInPieces(db, discardJobs(db, reservedIds(save)), options);
    throw e;
  }
  await writeInPieces(db, discardJobs(db, published.discard), options);
  return published.saved[0];
}
