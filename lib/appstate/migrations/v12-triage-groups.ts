/**
 * Migration 12: triage per hunt and finding, shared by the hunt's queries with the same BY keys
 * (lib/hunts/finding-group). Each saved run gets its triage group (runs.triage_query), computed
 * from its stored text: among the hunt's runs, the lowest query number whose text has the same key
 * names. Triage rows of a query are then merged into its group: a finding triaged under both
 * queries keeps the state changed last, with a version above both (a page holding either one is
 * told to re-read), and the histories of both, in time order — nothing is dropped.
 *
 * It reads the stored texts with lib/hunts' key reader, as run-findings reads keys through
 * lib/review/diff: the grouping must be the one the catalogue computes at run time.
 */
import 'server-only';
import type { AppDatabase } from '../database';
import type { Migration } from './migration';
import { triageGroups } from '../triage-groups';

interface TriageRow {
  finding_key: string;
  status: string;
  assignee: string | null;
  note: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

interface HistoryRow {
  id: number;
  at: string;
  who: string;
  from_status: string | null;
  to_status: string;
  from_assignee: string | null;
  to_assignee: string | null;
  note: string;
}

/** Each run's group, written to runs; returns, per hunt, the group of each query's latest run. */
function groupRuns(db: AppDatabase): Map<string, Map<number, number>> {
  const texts = db.prepare('SELECT hunt_id, query_number, query_hash, MIN(query_text) AS query_text FROM runs GROUP BY hunt_id, query_number, query_hash').all() as {
    hunt_id: string;
    query_number: number;
    query_hash: string;
    query_text: string;
  }[];
  const byHunt = new Map<string, typeof texts>();
  for (const t of texts) byHunt.set(t.hunt_id, [...(byHunt.get(t.hunt_id) ?? []), t]);
  const setGroup = db.prepare('UPDATE runs SET triage_query = ? WHERE hunt_id = ? AND query_number = ? AND query_hash = ?');
  const latest = db.prepare('SELECT query_hash FROM runs WHERE hunt_id = ? AND query_number = ? ORDER BY started_at DESC, id DESC LIMIT 1').pluck();
  const out = new Map<string, Map<number, number>>();
  for (const [huntId, versions] of byHunt) {
    // triageGroups takes one text per number: number each text apart, then map back.
    const groups = triageGroups(versions.map((v, i) => ({ number: i, text: v.query_text })));
    const groupOf = versions.map((v, i) => Math.min(...versions.filter((_, j) => groups.get(j) === groups.get(i)).map((w) => w.query_number), v.query_number));
    versions.forEach((v, i) => setGroup.run(groupOf[i], huntId, v.query_number, v.query_hash));
    const ofQuery = new Map<number, number>();
    for (const q of new Set(versions.map((v) => v.query_number))) {
      const hash = latest.get(huntId, q) as string;
      ofQuery.set(q, groupOf[versions.findIndex((v) => v.query_number === q && v.query_hash === hash)]);
    }
    out.set(huntId, ofQuery);
  }
  return out;
}

/** A query's final group: a group that is itself grouped further (texts changed over time) is followed. */
function finalGroup(groups: Map<number, number>, q: number): number {
  let g = q;
  for (let steps = 0; steps < groups.size && (groups.get(g) ?? g) !== g; steps++) g = groups.get(g)!;
  return g;
}

/** Moves (hunt, from, *) triage into (hunt, into, *), merging findings triaged under both. */
export function mergeTriageInto(db: AppDatabase, huntId: string, from: number, into: number): void {
  const rows = db.prepare('SELECT finding_key, status, assignee, note, version, updated_at, updated_by FROM triage WHERE hunt_id = ? AND query_number = ?');
  const target = new Map((rows.all(huntId, into) as TriageRow[]).map((r) => [r.finding_key, r]));
  const write = db.prepare(
    `UPDATE triage SET status = ?, assignee = ?, note = ?, version = ?, updated_at = ?, updated_by = ? WHERE hunt_id = ? AND query_number = ? AND finding_key = ?`,
  );
  const drop = db.prepare('DELETE FROM triage WHERE hunt_id = ? AND query_number = ? AND finding_key = ?');
  const history = db.prepare(
    `SELECT id, at, who, from_status, to_status, from_assignee, to_assignee, note FROM triage_history
     WHERE hunt_id = ? AND finding_key = ? AND query_number IN (?, ?)`,
  );
  const dropHistory = db.prepare('DELETE FROM triage_history WHERE hunt_id = ? AND finding_key = ? AND query_number IN (?, ?)');
  const append = db.prepare(
    `INSERT INTO triage_history (hunt_id, query_number, finding_key, at, who, from_status, to_status, from_assignee, to_assignee, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const mine of rows.all(huntId, from) as TriageRow[]) {
    const theirs = target.get(mine.finding_key);
    if (theirs) {
      // The state changed last wins (a tie keeps the group's own); the version passes both.
      const winner = Date.parse(mine.updated_at) > Date.parse(theirs.updated_at) ? mine : theirs;
      const version = Math.max(mine.version, theirs.version) + 1;
      write.run(winner.status, winner.assignee, winner.note, version, winner.updated_at, winner.updated_by, huntId, into, mine.finding_key);
      drop.run(huntId, from, mine.finding_key);
    } else {
      db.prepare('UPDATE triage SET query_number = ? WHERE hunt_id = ? AND query_number = ? AND finding_key = ?').run(into, huntId, from, mine.finding_key);
    }
  }
  // Histories of every finding of `from`, in time order under the group (triage ids keep ties in their order).
  const keys = db.prepare('SELECT DISTINCT finding_key FROM triage_history WHERE hunt_id = ? AND query_number = ?').pluck().all(huntId, from) as string[];
  for (const key of keys) {
    const entries = (history.all(huntId, key, from, into) as HistoryRow[]).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
    dropHistory.run(huntId, key, from, into);
    for (const e of entries) append.run(huntId, into, key, e.at, e.who, e.from_status, e.to_status, e.from_assignee, e.to_assignee, e.note);
  }
}

function groupTriage(db: AppDatabase): void {
  const regroup = db.prepare('UPDATE runs SET triage_query = ? WHERE hunt_id = ? AND triage_query = ?');
  for (const [huntId, groups] of groupRuns(db)) {
    for (const q of [...groups.keys()].sort((a, b) => a - b)) {
      const g = finalGroup(groups, q);
      if (g === q) continue;
      mergeTriageInto(db, huntId, q, g);
      // Runs grouped under q (an older text of another query shared q's keys) follow its triage.
      regroup.run(g, huntId, q);
    }
  }
}

export const TRIAGE_GROUP_MIGRATION: Migration = {
  version: 12,
  name: 'triage shared by a hunt’s queries with the same keys',
  sql: `
    -- The run's triage group: the lowest query number of its hunt with the same BY keys. NULL (a
    -- run written by an older Huntboard after this migration, never in practice) reads as query_number.
    ALTER TABLE runs ADD COLUMN triage_query INTEGER;
    CREATE INDEX runs_by_triage_group ON runs (hunt_id, triage_query, started_at);
  `,
  up: groupTriage,
};
