/**
 * A bundle's triage merged in two steps, so the part that holds the write lock is short: the
 * merge is worked out first (lib/bundle/triage-merge's rules over the local triage as read then,
 * into TEMP tables: no write lock), then the import's final transaction writes it in a few
 * set-wise statements. Merged one finding at a time, 100,000 triaged findings held the lock
 * about 2.4 s; written set-wise, about 0.35 s (measured on a 2-core machine). Triage cannot be
 * written in pieces: every row of it is read at once.
 *
 * A finding whose triage changed between the two steps (its version, or history added since) is merged
 * again, one at a time, in the final transaction, so the outcome is the one-step merge's.
 */
import type { AppDatabase } from '../appstate/db';
import type { FindingRef, TriageHistoryEntry } from '../model/triage';
import type { BundleTriage } from './format';
import { findingKeyOf, mergedHistory, mergedState, triageMerger, triageReader, type MergeOutcome } from './triage-merge';

export interface TriageCounts {
  inserted: number;
  updated: number;
  kept: number;
  historyAdded: number;
}

export interface TriagePlan {
  /** triage_history's last id when the plan read the local triage: entries after it are changes since. */
  lastHistoryId: number;
  counts: TriageCounts;
  /** Each planned finding's outcome, to correct the counts of one merged again. */
  planned: Map<string, { state: BundleTriage; history: readonly TriageHistoryEntry[]; outcome: MergeOutcome; added: number }>;
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

/** Works the merge out against the local triage as it is now; writes only this connection's TEMP tables. */
export function planTriage(db: AppDatabase, states: readonly BundleTriage[], historyOf: (state: BundleTriage) => readonly TriageHistoryEntry[]): TriagePlan {
  db.exec(TEMP_TABLES);
  const read = triageReader(db);
  const putState = db.prepare('INSERT INTO temp.import_triage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const putHistory = db.prepare('INSERT INTO temp.import_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // One read snapshot for the whole plan (a deferred transaction that writes TEMP tables only).
  return db.transaction((): TriagePlan => {
    const lastHistoryId = db.prepare('SELECT COALESCE(MAX(id), 0) FROM triage_history').pluck().get() as number;
    const counts: TriageCounts = { inserted: 0, updated: 0, kept: 0, historyAdded: 0 };
    const planned: TriagePlan['planned'] = new Map();
    for (const state of states) {
      const ref: FindingRef = { huntId: state.huntId, queryNumber: state.queryNumber, findingKey: state.findingKey };
      const local = read.state(ref);
      const decided = mergedState(local, state);
      putState.run(ref.huntId, ref.queryNumber, ref.findingKey, local?.version ?? 0, decided.version === undefined ? 0 : 1, state.status, state.assignee, state.note, decided.version ?? 0, state.updatedAt, state.updatedBy);
      const history = historyOf(state);
      const localHistory = history.length > 0 ? read.history(ref) : [];
      const merged = mergedHistory(localHistory, history);
      merged.merged?.forEach((e, seq) =>
        putHistory.run(ref.huntId, ref.queryNumber, ref.findingKey, localHistory.length > 0 ? 1 : 0, seq, e.at, e.who, e.fromStatus, e.toStatus, e.fromAssignee, e.toAssignee, e.note),
      );
      counts[decided.outcome]++;
      counts.historyAdded += merged.added;
      planned.set(findingKeyOf(ref), { state, history, outcome: decided.outcome, added: merged.added });
    }
    return { lastHistoryId, counts, planned };
  })();
}

const KEY = 'hunt_id, query_number, finding_key';

/** Inside the final transaction: the plan written, findings changed since merged again one at a time. */
export function applyTriagePlan(db: AppDatabase, plan: TriagePlan): TriageCounts {
  const counts = { ...plan.counts };
  const changed = db
    .prepare(
      `SELECT p.hunt_id, p.query_number, p.finding_key FROM temp.import_triage p
         LEFT JOIN main.triage t ON t.hunt_id = p.hunt_id AND t.query_number = p.query_number AND t.finding_key = p.finding_key
       WHERE COALESCE(t.version, 0) <> p.seen_version
       UNION
       SELECT h.hunt_id, h.query_number, h.finding_key FROM main.triage_history h
         JOIN temp.import_triage p ON p.hunt_id = h.hunt_id AND p.query_number = h.query_number AND p.finding_key = h.finding_key
       WHERE h.id > ?`,
    )
    .all(plan.lastHistoryId) as { hunt_id: string; query_number: number; finding_key: string }[];
  const again: { state: BundleTriage; history: readonly TriageHistoryEntry[] }[] = [];
  const unplan = [db.prepare(`DELETE FROM temp.import_triage WHERE (${KEY}) = (?, ?, ?)`), db.prepare(`DELETE FROM temp.import_history WHERE (${KEY}) = (?, ?, ?)`)];
  for (const c of changed) {
    const entry = plan.planned.get(findingKeyOf({ huntId: c.hunt_id, queryNumber: c.query_number, findingKey: c.finding_key }))!;
    for (const u of unplan) u.run(c.hunt_id, c.query_number, c.finding_key);
    counts[entry.outcome]--;
    counts.historyAdded -= entry.added;
    again.push(entry);
  }
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
  const merge = triageMerger(db);
  for (const { state, history } of again) {
    const merged = merge(state, history);
    counts[merged.outcome]++;
    counts.historyAdded += merged.historyAdded;
  }
  return counts;
}
