/**
 * A merge of many findings' triage staged in this connection's TEMP tables (import_triage,
 * import_history), then written to triage and triage_history in a few set-wise statements: staging
 * needs no write lock, and the set-wise write holds it briefly (lib/bundle/triage-plan decides
 * what is staged and why). TEMP tables are per connection: two connections never see each other's.
 */
import 'server-only';
import type { AppDatabase } from './database';
import type { FindingRef, TriageHistoryEntry, TriageStatus } from '../model/triage';

export interface StagedTriageState extends FindingRef {
  /** The local version when staged (0: untriaged here); another one when applied means changed since. */
  seenVersion: number;
  /** False when the local state is kept (its history may still change). */
  write: boolean;
  status: TriageStatus;
  assignee: string | null;
  note: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface TriageStaging {
  state(staged: StagedTriageState): void;
  /** A finding's whole merged history, in order; `replaceLocal` when it replaces history held here. */
  history(ref: FindingRef, replaceLocal: boolean, entries: readonly TriageHistoryEntry[]): void;
}

const TEMP_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS import_triage (
    hunt_id TEXT NOT NULL, query_number INTEGER NOT NULL, finding_key TEXT NOT NULL,
    seen_version INTEGER NOT NULL, write_state INTEGER NOT NULL,
    status TEXT NOT NULL, assignee TEXT, note TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
    PRIMARY KEY (hunt_id, query_number, finding_key));
  CREATE TEMP TABLE IF NOT EXISTS import_history (
    hunt_id TEXT NOT NULL, query_number INTEGER NOT NULL, finding_key TEXT NOT NULL, replace_local INTEGER NOT NULL, seq INTEGER NOT NULL,
    at TEXT NOT NULL, who TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL, from_assignee TEXT, to_assignee TEXT, note TEXT NOT NULL,
    PRIMARY KEY (hunt_id, query_number, finding_key, seq));
  DELETE FROM temp.import_triage;
  DELETE FROM temp.import_history;
`;

const KEY = 'hunt_id, query_number, finding_key';

/** Empties (creating if need be) the staging tables and returns their writers. */
export function startTriageStaging(db: AppDatabase): TriageStaging {
  db.exec(TEMP_TABLES);
  const putState = db.prepare('INSERT INTO temp.import_triage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const putHistory = db.prepare('INSERT INTO temp.import_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  return {
    state: (s) =>
      putState.run(s.huntId, s.queryNumber, s.findingKey, s.seenVersion, s.write ? 1 : 0, s.status, s.assignee, s.note, s.version, s.updatedAt, s.updatedBy),
    history: (ref, replaceLocal, entries) =>
      entries.forEach((e, seq) =>
        putHistory.run(ref.huntId, ref.queryNumber, ref.findingKey, replaceLocal ? 1 : 0, seq, e.at, e.who, e.fromStatus, e.toStatus, e.fromAssignee, e.toAssignee, e.note),
      ),
  };
}

/** triage_history's last id (0 when empty): entries after it were added since. */
export function lastTriageHistoryId(db: AppDatabase): number {
  return db.prepare('SELECT COALESCE(MAX(id), 0) FROM triage_history').pluck().get() as number;
}

/** Staged findings whose local triage changed since staging: another version, or history after `lastHistoryId`. */
export function stagedTriageChangedSince(db: AppDatabase, lastHistoryId: number): FindingRef[] {
  const rows = db
    .prepare(
      `SELECT p.hunt_id, p.query_number, p.finding_key FROM temp.import_triage p
         LEFT JOIN main.triage t ON t.hunt_id = p.hunt_id AND t.query_number = p.query_number AND t.finding_key = p.finding_key
       WHERE COALESCE(t.version, 0) <> p.seen_version
       UNION
       SELECT h.hunt_id, h.query_number, h.finding_key FROM main.triage_history h
         JOIN temp.import_triage p ON p.hunt_id = h.hunt_id AND p.query_number = h.query_number AND p.finding_key = h.finding_key
       WHERE h.id > ?`,
    )
    .all(lastHistoryId) as { hunt_id: string; query_number: number; finding_key: string }[];
  return rows.map((r) => ({ huntId: r.hunt_id, queryNumber: r.query_number, findingKey: r.finding_key }));
}

/** Takes findings out of the staging tables (their merge is done otherwise). */
export function unstageTriage(db: AppDatabase, refs: readonly FindingRef[]): void {
  const drops = [db.prepare(`DELETE FROM temp.import_triage WHERE (${KEY}) = (?, ?, ?)`), db.prepare(`DELETE FROM temp.import_history WHERE (${KEY}) = (?, ?, ?)`)];
  for (const ref of refs) for (const drop of drops) drop.run(ref.huntId, ref.queryNumber, ref.findingKey);
}

/**
 * Writes what is staged: the states to write, the histories (a replaced local history deleted
 * first), in key order; then empties the staging tables. Callers hold the write transaction.
 */
export function applyStagedTriage(db: AppDatabase): void {
  db.exec(
    `INSERT INTO main.triage (${KEY}, status, assignee, note, version, updated_at, updated_by)
       SELECT ${KEY}, status, assignee, note, version, updated_at, updated_by FROM temp.import_triage WHERE write_state = 1 ORDER BY ${KEY}
     ON CONFLICT (${KEY}) DO UPDATE SET
       status = excluded.status, assignee = excluded.assignee, note = excluded.note,
       version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by;
     DELETE FROM main.triage_history WHERE (${KEY}) IN (SELECT ${KEY} FROM temp.import_history WHERE replace_local = 1);
     INSERT INTO main.triage_history (${KEY}, at, who, from_status, to_status, from_assignee, to_assignee, note)
       SELECT ${KEY}, at, who, from_status, to_status, from_assignee, to_assignee, note FROM temp.import_history ORDER BY ${KEY}, seq;
     DELETE FROM temp.import_triage;
     DELETE FROM temp.import_history;`,
  );
}
