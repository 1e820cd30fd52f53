/**
 * Reads of a run's stored diff for the review pages and the week: counts, one page of findings,
 * what the allow-list hides, triage joined from its own (small) side. Every statement is bounded
 * by an index range or a LIMIT, so a run of a million findings reads like a run of a hundred.
 * A run's diff rows are read under its diff id (lib/appstate/run-diff's diffIdOf).
 */
import 'server-only';
import type { AppDatabase } from './database';
import { diffIdOf, STATUS_CODE, STATUS_OF, type DiffCounts, type FindingStatus } from './run-diff';

/**
 * What the allow-list hides, as SQL can test it: process names hidden outright, and (name, agent)
 * pairs hidden only on that agent, each pair as `name \0 agent`.
 */
export interface Hidden {
  names: readonly string[];
  pairs: readonly { name: string; agentId: string }[];
}

export const NOTHING_HIDDEN: Hidden = { names: [], pairs: [] };

/**
 * The SQL test "the allow-list hides d", with only the parts in use: the test runs on every row an
 * OFFSET skips, so an empty part costs nothing. `@hiddenNames`/`@hiddenPairs` are JSON arrays.
 */
function hiddenSql(hidden: Hidden): string {
  const parts = [
    ...(hidden.names.length > 0 ? ['d.process_name IN (SELECT value FROM json_each(@hiddenNames))'] : []),
    ...(hidden.pairs.length > 0 ? ["(d.agent_id IS NOT NULL AND (d.process_name || char(0) || d.agent_id) IN (SELECT value FROM json_each(@hiddenPairs)))"] : []),
  ];
  return parts.length > 0 ? `(${parts.join(' OR ')})` : '0';
}

const shownSql = (hidden: Hidden) => {
  const test = hiddenSql(hidden);
  return test === '0' ? '1' : `(d.process_name IS NULL OR NOT ${test})`;
};

function hiddenParams(hidden: Hidden) {
  return { hiddenNames: JSON.stringify(hidden.names), hiddenPairs: JSON.stringify(hidden.pairs.map((p) => `${p.name}\u0000${p.agentId}`)) };
}

/** Every process name the allow-list could hide (pairs by their name): the index range the hidden side reads. */
const hiddenNameList = (hidden: Hidden) => JSON.stringify([...new Set([...hidden.names, ...hidden.pairs.map((p) => p.name)])]);

/**
 * The run's findings with one of `@names` as process name, by the process index. INDEXED BY: without
 * table statistics SQLite would rather walk the whole run by its primary key.
 */
const NAMED = 'json_each(@names) n CROSS JOIN run_diff d INDEXED BY run_diff_by_process ON d.run_id = @run AND d.process_name = n.value';

export interface StoredFinding {
  key: string;
  status: FindingStatus;
  runsSeen: number;
  rowRunId: number;
  position: number;
  processName: string | null;
  agentId: string | null;
  valuesJson: string;
}

interface Row {
  finding_key: string;
  status: number;
  runs_seen: number;
  row_run_id: number;
  position: number;
  process_name: string | null;
  agent_id: string | null;
  values_json: string;
}

const fromRow = (r: Row): StoredFinding => ({
  key: r.finding_key,
  status: STATUS_OF[r.status],
  runsSeen: r.runs_seen,
  rowRunId: r.row_run_id,
  position: r.position,
  processName: r.process_name,
  agentId: r.agent_id,
  valuesJson: r.values_json,
});

/** The process names (and agents) of a run's findings among `names`, with counts per status: what an allow-list could hide. */
export function findingsNamed(db: AppDatabase, runId: number, names: readonly string[]): { processName: string; agentId: string | null; status: FindingStatus; n: number }[] {
  if (names.length === 0) return [];
  const rows = db
    .prepare(`SELECT d.process_name, d.agent_id, d.status, COUNT(*) AS n FROM ${NAMED} GROUP BY d.process_name, d.agent_id, d.status`)
    .all({ run: diffIdOf(db, runId), names: JSON.stringify([...new Set(names)]) }) as { process_name: string; agent_id: string | null; status: number; n: number }[];
  return rows.map((r) => ({ processName: r.process_name, agentId: r.agent_id, status: STATUS_OF[r.status], n: r.n }));
}

export interface PageRequest {
  statuses: readonly FindingStatus[];
  /** 'shown': what the allow-list does not hide; 'hidden': only what it hides. */
  side: 'shown' | 'hidden';
  hidden: Hidden;
  limit: number;
  offset: number;
  /** How many findings the request's filter holds, when known: a page in the back half is then read from the end. */
  total?: number;
}

/** One page of a run's findings in the review's order (status, then key), each with its row. */
export function findingsPage(db: AppDatabase, runId: number, page: PageRequest): StoredFinding[] {
  // OFFSET walks every row it skips: from the nearer end, the last page costs what the first does.
  const fromEnd = page.total !== undefined && page.offset > page.total / 2;
  const limit = fromEnd ? Math.max(0, Math.min(page.limit, page.total! - page.offset)) : page.limit;
  const offset = fromEnd ? page.total! - page.offset - limit : page.offset;
  const order = fromEnd ? 'd.status DESC, d.finding_key DESC' : 'd.status, d.finding_key';
  const params = { run: diffIdOf(db, runId), statuses: JSON.stringify(page.statuses.map((s) => STATUS_CODE[s])), limit, offset, names: hiddenNameList(page.hidden), ...hiddenParams(page.hidden) };
  const inStatuses = 'd.status IN (SELECT value FROM json_each(@statuses))';
  // Shown: walk the primary key (the review's order). Hidden: few, read by process name, then sorted.
  const pick =
    page.side === 'hidden'
      ? `SELECT d.* FROM ${NAMED} WHERE ${inStatuses} AND ${hiddenSql(page.hidden)}`
      : `SELECT d.* FROM run_diff d WHERE d.run_id = @run AND ${inStatuses} AND ${shownSql(page.hidden)}`;
  // The page is picked from run_diff alone, then joined to its rows.
  return (
    db
      .prepare(
        `WITH page AS (${pick} ORDER BY ${order} LIMIT @limit OFFSET @offset)
         SELECT page.*, f.values_json FROM page JOIN run_findings f ON f.run_id = page.row_run_id AND f.position = page.position
         ORDER BY page.status, page.finding_key`,
      )
      .all(params) as Row[]
  ).map(fromRow);
}

/** Counts per status of the findings the allow-list hides. */
export function hiddenCounts(db: AppDatabase, runId: number, hidden: Hidden): DiffCounts {
  const counts: DiffCounts = { new: 0, recurring: 0, gone: 0 };
  if (hidden.names.length === 0 && hidden.pairs.length === 0) return counts;
  const rows = db
    .prepare(`SELECT d.status, COUNT(*) AS n FROM ${NAMED} WHERE ${hiddenSql(hidden)} GROUP BY d.status`)
    .all({ run: diffIdOf(db, runId), names: hiddenNameList(hidden), ...hiddenParams(hidden) }) as { status: number; n: number }[];
  for (const r of rows) counts[STATUS_OF[r.status]] = r.n;
  return counts;
}

/** Whether the run lists each key, shown (not hidden by the allow-list): the key → its process name. */
export function shownKeys(db: AppDatabase, runId: number, keys: readonly string[], hidden: Hidden): Map<string, string | null> {
  const get = db.prepare(`SELECT d.process_name FROM run_diff d WHERE d.run_id = @run AND d.finding_key = @key AND ${shownSql(hidden)}`);
  const params = hiddenParams(hidden);
  const out = new Map<string, string | null>();
  for (const key of keys) {
    const row = get.get({ run: diffIdOf(db, runId), key, ...params }) as { process_name: string | null } | undefined;
    if (row) out.set(key, row.process_name);
  }
  return out;
}

/** A run as triage joins see it: its triage is stored under its group (runs.triage_query), shared by the hunt's queries with its keys. */
export interface TriagedRun {
  id: number;
  huntId: string;
  triageQuery: number;
}

/** Triage joined from the triage side (few rows) onto a run's shown new and recurring findings: counts per triage status. */
export function triagedCounts(db: AppDatabase, run: TriagedRun, hidden: Hidden): { perStatus: Record<string, number>; touched: number } {
  const params = { run: diffIdOf(db, run.id), hunt: run.huntId, query: run.triageQuery, ...hiddenParams(hidden) };
  const shown = `d.status < 2 AND ${shownSql(hidden)}`;
  const perStatus: Record<string, number> = {};
  const rows = db
    .prepare(
      `SELECT t.status, COUNT(*) AS n FROM triage t CROSS JOIN run_diff d ON d.run_id = @run AND d.finding_key = t.finding_key
       WHERE t.hunt_id = @hunt AND t.query_number = @query AND ${shown} GROUP BY t.status`,
    )
    .all(params) as { status: string; n: number }[];
  for (const r of rows) perStatus[r.status] = r.n;
  // Touched: triaged past new, or with any history (untriaged is new and never touched).
  const touched = db
    .prepare(
      `SELECT COUNT(*) FROM (
         SELECT finding_key FROM triage WHERE hunt_id = @hunt AND query_number = @query AND status <> 'new'
         UNION SELECT finding_key FROM triage_history WHERE hunt_id = @hunt AND query_number = @query) k
       CROSS JOIN run_diff d ON d.run_id = @run AND d.finding_key = k.finding_key
       WHERE ${shown}`,
    )
    .pluck()
    .get(params) as number;
  return { perStatus, touched };
}

/** Of a run's new and recurring findings, those an earlier run of its triage group lists too: counted once, there. */
export interface SharedFindings {
  new: number;
  recurring: number;
  /** Of them, hidden by the allow-list (a key names the same process in both runs, so it is hidden in both). */
  suppressed: number;
  /** Shown ones per triage status, and how many of those were ever touched. */
  perStatus: Record<string, number>;
  touched: number;
}

/**
 * The run's new and recurring findings that one of `earlierRunIds` (runs of the same hunt and
 * triage group) lists as new or recurring: the week counts such a finding once, under the earlier run.
 */
export function sharedFindings(db: AppDatabase, run: TriagedRun, earlierRunIds: readonly number[], hidden: Hidden): SharedFindings {
  const out: SharedFindings = { new: 0, recurring: 0, suppressed: 0, perStatus: {}, touched: 0 };
  if (earlierRunIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT d.status AS diff, ${hiddenSql(hidden)} AS hidden, COALESCE(t.status, 'new') AS triage,
         (COALESCE(t.status, 'new') <> 'new' OR EXISTS (SELECT 1 FROM triage_history h WHERE h.hunt_id = @hunt AND h.query_number = @query AND h.finding_key = d.finding_key)) AS touched,
         COUNT(*) AS n
       FROM run_diff d LEFT JOIN triage t ON t.hunt_id = @hunt AND t.query_number = @query AND t.finding_key = d.finding_key
       WHERE d.run_id = @run AND d.status < 2
         AND EXISTS (SELECT 1 FROM run_diff e WHERE e.run_id IN (SELECT value FROM json_each(@earlier)) AND e.finding_key = d.finding_key AND e.status < 2)
       GROUP BY 1, 2, 3, 4`,
    )
    .all({
      run: diffIdOf(db, run.id),
      hunt: run.huntId,
      query: run.triageQuery,
      earlier: JSON.stringify(earlierRunIds.map((id) => diffIdOf(db, id))),
      ...hiddenParams(hidden),
    }) as { diff: number; hidden: number; triage: string; touched: number; n: number }[];
  for (const r of rows) {
    if (r.hidden) {
      out.suppressed += r.n;
      continue;
    }
    out[STATUS_OF[r.diff] as 'new' | 'recurring'] += r.n;
    out.perStatus[r.triage] = (out.perStatus[r.triage] ?? 0) + r.n;
    if (r.touched) out.touched += r.n;
  }
  return out;
}

/** The run's shown gone findings that one of `earlierRunIds` (same hunt and triage group) lists as gone: the week counts them once. */
export function sharedGone(db: AppDatabase, runId: number, earlierRunIds: readonly number[], hidden: Hidden): number {
  if (earlierRunIds.length === 0) return 0;
  return db
    .prepare(
      `SELECT COUNT(*) FROM run_diff d WHERE d.run_id = @run AND d.status = 2 AND ${shownSql(hidden)}
         AND EXISTS (SELECT 1 FROM run_diff e WHERE e.run_id IN (SELECT value FROM json_each(@earlier)) AND e.finding_key = d.finding_key AND e.status = 2)`,
    )
    .pluck()
    .get({ run: diffIdOf(db, runId), earlier: JSON.stringify(earlierRunIds.map((id) => diffIdOf(db, id))), ...hiddenParams(hidden) }) as number;
}

/** The first shown new and recurring findings nobody has touched, in the review's order. */
export function untriagedPage(db: AppDatabase, run: TriagedRun, hidden: Hidden, limit: number): StoredFinding[] {
  return (
    db
      .prepare(
        `WITH page AS (
           SELECT d.* FROM run_diff d
           WHERE d.run_id = @run AND d.status < 2 AND ${shownSql(hidden)}
             AND NOT EXISTS (SELECT 1 FROM triage t WHERE t.hunt_id = @hunt AND t.query_number = @query AND t.finding_key = d.finding_key AND t.status <> 'new')
             AND NOT EXISTS (SELECT 1 FROM triage_history h WHERE h.hunt_id = @hunt AND h.query_number = @query AND h.finding_key = d.finding_key)
           ORDER BY d.status, d.finding_key LIMIT @limit)
         SELECT page.*, f.values_json FROM page JOIN run_findings f ON f.run_id = page.row_run_id AND f.position = page.position
         ORDER BY page.status, page.finding_key`,
      )
      .all({ run: diffIdOf(db, run.id), hunt: run.huntId, query: run.triageQuery, limit, ...hiddenParams(hidden) }) as Row[]
  ).map(fromRow);
}

/** Each triaged finding of a triage group (the query number triage is stored under) with the time of its first triage change (history order). */
export function firstTriageChanges(db: AppDatabase, huntId: string, triageQuery: number): { key: string; at: string }[] {
  const rows = db
    .prepare(
      `SELECT finding_key, at FROM triage_history WHERE id IN (
         SELECT MIN(id) FROM triage_history WHERE hunt_id = ? AND query_number = ? GROUP BY finding_key)`,
    )
    .all(huntId, triageQuery) as { finding_key: string; at: string }[];
  return rows.map((r) => ({ key: r.finding_key, at: r.at }));
}

/** Which of `runIds` list `key`. */
export function runsListing(db: AppDatabase, key: string, runIds: readonly number[]): number[] {
  if (runIds.length === 0) return [];
  return db.prepare('SELECT DISTINCT run_id FROM run_findings INDEXED BY run_findings_by_key WHERE finding_key = ? AND run_id IN (SELECT value FROM json_each(?))').pluck().all(key, JSON.stringify(runIds)) as number[];
}

/** The distinct process names of a run's diff — its findings and those gone since the run before — at most `limit`. */
export function diffProcessNames(db: AppDatabase, runId: number, limit: number): string[] {
  return db.prepare('SELECT DISTINCT process_name FROM run_diff WHERE run_id = ? AND process_name IS NOT NULL LIMIT ?').pluck().all(diffIdOf(db, runId), limit) as string[];
}
