/**
 * Triage of findings: a status, an assignee and notes per finding (hunt, triage group, BY values:
 * the group is the query number triage is stored under, shared by the hunt's queries with the same
 * keys — callers resolve a ref to it first), kept across weeks, every change recorded. Writes are optimistic: each names the version it read, and
 * a stale write is refused with the newer state, so two analysts never silently overwrite each other.
 */
import 'server-only';
import type { AppDatabase } from './database';
import { TRIAGE_STATUSES, type FindingRef, type TriageHistoryEntry, type TriageState, type TriageStatus } from '../model/triage';

export interface TriageChange {
  /** The version the writer read (0 for an untriaged finding). */
  expectedVersion: number;
  status?: TriageStatus;
  /** null unassigns; undefined keeps the assignee. */
  assignee?: string | null;
  note?: string;
  who: string;
  at: string;
}

export type TriageWrite =
  | { ok: true; state: TriageState }
  | { ok: false; reason: 'conflict'; current: TriageState }
  | { ok: false; reason: 'invalid'; message: string };

interface Row {
  status: TriageStatus;
  assignee: string | null;
  note: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

const MAX_NOTE = 10_000;

/**
 * The statements of triage on `db`. One call prepares them all: a caller writing many findings in
 * a row (a bundle's merge) keeps the set; the functions below prepare theirs per call.
 */
export function triageStatements(db: AppDatabase) {
  return {
    get: db.prepare('SELECT status, assignee, note, version, updated_at, updated_by FROM triage WHERE hunt_id = ? AND query_number = ? AND finding_key = ?'),
    write: db.prepare(
      `INSERT INTO triage (hunt_id, query_number, finding_key, status, assignee, note, version, updated_at, updated_by)
       VALUES (@huntId, @queryNumber, @findingKey, @status, @assignee, @note, @version, @updatedAt, @updatedBy)
       ON CONFLICT (hunt_id, query_number, finding_key) DO UPDATE SET
         status = excluded.status, assignee = excluded.assignee, note = excluded.note,
         version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    append: db.prepare(
      `INSERT INTO triage_history (hunt_id, query_number, finding_key, at, who, from_status, to_status, from_assignee, to_assignee, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare(
      `SELECT at, who, from_status, to_status, from_assignee, to_assignee, note FROM triage_history
       WHERE hunt_id = ? AND query_number = ? AND finding_key = ? ORDER BY id`,
    ),
    dropHistory: db.prepare('DELETE FROM triage_history WHERE hunt_id = ? AND query_number = ? AND finding_key = ?'),
  };
}

export type TriageStatements = ReturnType<typeof triageStatements>;

/** `db`'s own statements, or the set a caller holds. */
const statementsOf = (db: AppDatabase | TriageStatements): TriageStatements => ('prepare' in db ? triageStatements(db) : db);

export function getTriage(db: AppDatabase | TriageStatements, ref: FindingRef): TriageState {
  const row = statementsOf(db).get.get(ref.huntId, ref.queryNumber, ref.findingKey) as Row | undefined;
  if (!row) return { ...ref, status: 'new', assignee: null, note: '', version: 0, updatedAt: null, updatedBy: null };
  return { ...ref, status: row.status, assignee: row.assignee, note: row.note, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Writes a finding's state as given (no version check: callers hold a transaction and decide). */
export function writeTriageState(db: AppDatabase | TriageStatements, state: TriageState): void {
  statementsOf(db).write.run({ huntId: state.huntId, queryNumber: state.queryNumber, findingKey: state.findingKey, status: state.status, assignee: state.assignee, note: state.note, version: state.version, updatedAt: state.updatedAt, updatedBy: state.updatedBy });
}

export function appendTriageHistory(db: AppDatabase | TriageStatements, ref: FindingRef, e: TriageHistoryEntry): void {
  statementsOf(db).append.run(ref.huntId, ref.queryNumber, ref.findingKey, e.at, e.who, e.fromStatus, e.toStatus, e.fromAssignee, e.toAssignee, e.note);
}

/** A finding's whole history replaced by `entries`, in their order (callers hold a transaction). */
export function replaceTriageHistory(db: AppDatabase | TriageStatements, ref: FindingRef, entries: readonly TriageHistoryEntry[]): void {
  const statements = statementsOf(db);
  statements.dropHistory.run(ref.huntId, ref.queryNumber, ref.findingKey);
  for (const e of entries) appendTriageHistory(statements, ref, e);
}

/** Validates, checks the version and writes the state and its history entry in one transaction. */
export function updateTriage(db: AppDatabase, ref: FindingRef, change: TriageChange): TriageWrite {
  if (change.status !== undefined && !TRIAGE_STATUSES.includes(change.status)) return { ok: false, reason: 'invalid', message: `Unknown status [${String(change.status)}].` };
  if (change.status === 'new') return { ok: false, reason: 'invalid', message: 'A finding cannot be set back to new; use investigating to reopen it.' };
  if (change.note !== undefined && change.note.length > MAX_NOTE) return { ok: false, reason: 'invalid', message: `A note is at most ${MAX_NOTE} characters.` };
  if (change.who.trim() === '') return { ok: false, reason: 'invalid', message: 'A change needs its author.' };
  return db.transaction((): TriageWrite => {
    const current = getTriage(db, ref);
    if (current.version !== change.expectedVersion) return { ok: false, reason: 'conflict', current };
    const next: TriageState = {
      ...current,
      status: change.status ?? current.status,
      assignee: change.assignee === undefined ? current.assignee : change.assignee,
      note: change.note ?? current.note,
      version: current.version + 1,
      updatedAt: change.at,
      updatedBy: change.who,
    };
    writeTriageState(db, next);
    appendTriageHistory(db, ref, {
      at: change.at,
      who: change.who,
      fromStatus: current.version === 0 ? null : current.status,
      toStatus: next.status,
      fromAssignee: current.assignee,
      toAssignee: next.assignee,
      note: change.note ?? '',
    });
    return { ok: true, state: next };
  })();
}

/** A triage_history row as SQLite returns it. */
interface TriageHistoryRow {
  at: string;
  who: string;
  from_status: TriageStatus | null;
  to_status: TriageStatus;
  from_assignee: string | null;
  to_assignee: string | null;
  note: string;
}

/**
 * The group a query's triage is stored under, as its latest saved run recorded it (the query's own
 * number when it never ran): for a hunt the catalogue no longer holds, whose runs came from a bundle.
 */
export function storedTriageGroup(db: AppDatabase, huntId: string, queryNumber: number): number {
  const group = db
    .prepare('SELECT COALESCE(triage_query, query_number) FROM runs WHERE hunt_id = ? AND query_number = ? ORDER BY started_at DESC, id DESC LIMIT 1')
    .pluck()
    .get(huntId, queryNumber) as number | undefined;
  return group ?? queryNumber;
}

/** Oldest first. */
export function triageHistory(db: AppDatabase | TriageStatements, ref: FindingRef): TriageHistoryEntry[] {
  const rows = statementsOf(db).history.all(ref.huntId, ref.queryNumber, ref.findingKey) as TriageHistoryRow[];
  return rows.map((r) => ({ at: r.at, who: r.who, fromStatus: r.from_status, toStatus: r.to_status, fromAssignee: r.from_assignee, toAssignee: r.to_assignee, note: r.note }));
}

/** Who changed a triage and when, for every change recorded with `at` in [from, to) compared as text. */
export function triageChangesIn(db: AppDatabase, from: string, to: string): { who: string; at: string }[] {
  return db.prepare('SELECT who, at FROM triage_history WHERE at >= ? AND at < ?').all(from, to) as { who: string; at: string }[];
}
