/**
 * Migrations take an existing app state forward without loss (issue 14). A v6 app state — the
 * schema Huntboard shipped with bundles — is built with v6 SQL only, holding what a team had:
 * runs from the schedule, the CLI and page views (one failed, one imported from a bundle), triage
 * with history, an allow-list entry and a week sign-off. Then it is migrated to the latest version.
 *
 * Each migration since 6 states here what it must keep and what it changes; add yours as its own
 * `it`, reading the same fixture.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db';
import type { AppDatabase } from '../database';
import { MIGRATIONS } from './index';
import { diffSummary } from '../run-diff';
import { findingsPage, NOTHING_HIDDEN } from '../run-diff-read';
import { queryHash } from '../runs';

const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';
const COLUMNS = [
  { name: 'c', type: 'long' },
  { name: 'process.name', type: 'keyword' },
];

/** The app state as a given schema version left it: only the migrations up to it. */
function appStateAt(version: number): AppDatabase {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  return db;
}

/** A run as schema version 6 stored it: rows in values_json. */
function insertV6Run(db: AppDatabase, run: { hunt?: string; trigger: 'page' | 'cli' | 'schedule'; at: string; rows?: [number, string][]; failed?: string; bundleId?: number }): number {
  const rows = run.rows ?? [];
  const info = db
    .prepare(
      `INSERT INTO runs (hunt_id, query_number, query_text, query_hash, params_json, window_id, window_from, window_to, backend_kind, backend_label, trigger,
         started_at, duration_ms, status, error_kind, error_message, row_count, columns_json, values_json, bundle_id)
       VALUES (?, 1, ?, ?, '[]', '7d', NULL, ?, 'embedded', 'embedded store', ?, ?, 12.5, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.hunt ?? 'h',
      TEXT,
      queryHash(TEXT),
      run.at,
      run.trigger,
      run.at,
      run.failed ? 'failed' : 'ok',
      run.failed ? 'unreachable' : null,
      run.failed ?? null,
      rows.length,
      JSON.stringify(run.failed ? [] : COLUMNS),
      JSON.stringify(rows),
      run.bundleId ?? null,
    );
  return Number(info.lastInsertRowid);
}

interface Fixture {
  /** Runs of record: schedule and CLI. */
  lastWeek: number;
  thisWeek: number;
  cli: number;
  /** Page views: before this week's schedule run, after it, failed, and one imported from a bundle. */
  viewBefore: number;
  viewAfter: number;
  viewFailed: number;
  viewImported: number;
}

function v6AppState(db: AppDatabase): Fixture {
  const lastWeek = insertV6Run(db, { trigger: 'schedule', at: '2025-12-29T06:00:00.000Z', rows: [[3, 'sshd'], [1, 'xmrig']] });
  const viewBefore = insertV6Run(db, { trigger: 'page', at: '2026-01-02T10:00:00.000Z', rows: [[4, 'sshd'], [1, 'nc']] });
  const thisWeek = insertV6Run(db, { trigger: 'schedule', at: '2026-01-05T06:00:00.000Z', rows: [[5, 'sshd'], [2, 'kworkerds']] });
  const viewAfter = insertV6Run(db, { trigger: 'page', at: '2026-01-06T09:00:00.000Z', rows: [[2, 'kworkerds']] });
  const viewFailed = insertV6Run(db, { trigger: 'page', at: '2026-01-06T09:05:00.000Z', failed: 'The cluster did not answer.' });
  const cli = insertV6Run(db, { trigger: 'cli', at: '2026-01-07T08:00:00.000Z', rows: [[2, 'kworkerds'], [6, 'sshd'], [1, 'xmrig']] });

  db.prepare(
    `INSERT INTO bundles (id, file_name, file_sha256, week_start, week_end, exported_at, source_label, imported_at, imported_by)
     VALUES (1, 'week.json.gz', 'abc', '2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z', '2026-01-08T00:00:00.000Z', 'embedded store', '2026-01-08T01:00:00.000Z', 'lou')`,
  ).run();
  const viewImported = insertV6Run(db, { hunt: 'other', trigger: 'page', at: '2026-01-06T10:00:00.000Z', rows: [[1, 'curl']], bundleId: 1 });
  db.prepare(`INSERT INTO bundle_events (run_id, finding_key, columns_json, values_json) VALUES (?, '["curl"]', '[{"name":"@timestamp","type":"date"}]', '[["2026-01-06T09:59:00.000Z"]]')`).run(viewImported);

  db.prepare(`INSERT INTO triage VALUES ('h', 1, '["sshd"]', 'suspicious', 'ann', 'reaches a Tor exit node', 2, '2026-01-06T10:00:00.000Z', 'ann')`).run();
  db.prepare(`INSERT INTO triage_history (hunt_id, query_number, finding_key, at, who, from_status, to_status, note) VALUES ('h', 1, '["sshd"]', '2026-01-06T09:30:00.000Z', 'ann', 'new', 'investigating', '')`).run();
  db.prepare(`INSERT INTO triage_history (hunt_id, query_number, finding_key, at, who, from_status, to_status, note) VALUES ('h', 1, '["sshd"]', '2026-01-06T10:00:00.000Z', 'ann', 'investigating', 'suspicious', 'reaches a Tor exit node')`).run();
  db.prepare(`INSERT INTO allow_list (process_name, agent_id, hunt_id, owner, reason, created_at, expires_at) VALUES ('xmrig', NULL, 'h', 'ann', 'lab rig', '2026-01-06T11:00:00.000Z', '2026-02-01T00:00:00.000Z')`).run();
  db.prepare(`INSERT INTO week_signoffs (week_start, signed_by, signed_at, note) VALUES ('2025-12-29', 'lou', '2026-01-02T17:00:00.000Z', 'quiet week')`).run();
  return { lastWeek, thisWeek, cli, viewBefore, viewAfter, viewFailed, viewImported };
}

/** What v6 tables hold, in v6 columns: later migrations may add columns, never lose these. */
const V6_READS = {
  triage: "SELECT hunt_id, finding_key, status, assignee, note, version, updated_at, updated_by FROM triage ORDER BY finding_key",
  triageHistory: 'SELECT finding_key, at, who, from_status, to_status, note FROM triage_history ORDER BY id',
  allowList: 'SELECT id, process_name, agent_id, hunt_id, owner, reason, created_at, expires_at, revoked_at FROM allow_list ORDER BY id',
  signOffs: 'SELECT week_start, signed_by, signed_at, note, revoked_at, revoked_by FROM week_signoffs ORDER BY id',
  bundles: 'SELECT id, file_name, file_sha256, week_start FROM bundles ORDER BY id',
};

const readAll = (db: AppDatabase) => Object.fromEntries(Object.entries(V6_READS).map(([name, sql]) => [name, db.prepare(sql).all()]));

const reviewOf = (db: AppDatabase, runId: number) =>
  findingsPage(db, runId, { statuses: ['new', 'recurring', 'gone'], side: 'shown', hidden: NOTHING_HIDDEN, limit: 100, offset: 0 }).map((f) => [f.status, f.key, f.runsSeen]);

describe('an app state from schema version 6, migrated to the latest', () => {
  let db: AppDatabase;
  let fixture: Fixture;
  let before: ReturnType<typeof readAll>;

  beforeEach(() => {
    db = appStateAt(6);
    fixture = v6AppState(db);
    before = readAll(db);
  });
  afterEach(() => db.close());

  it('reaches the latest version and keeps triage with its history, the allow-list, the sign-off and the bundles', () => {
    expect(migrate(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(readAll(db)).toEqual(before);
    expect(before.triageHistory).toHaveLength(2);
  });

  it('migration 9: page views leave the review — runs, findings, diffs — into page_views, whole', () => {
    const { lastWeek, thisWeek, cli, viewBefore, viewAfter, viewFailed, viewImported } = fixture;
    const views = [viewBefore, viewAfter, viewFailed, viewImported];
    // At version 8 a page view is this week's baseline: the review compares with what someone browsed.
    migrate(db, MIGRATIONS.filter((m) => m.version <= 8));
    expect(diffSummary(db, thisWeek)?.previousRunId).toBe(viewBefore);

    migrate(db);
    // Nothing but the page views left the runs table.
    expect(db.prepare('SELECT id, trigger FROM runs ORDER BY id').all()).toEqual([
      { id: lastWeek, trigger: 'schedule' },
      { id: thisWeek, trigger: 'schedule' },
      { id: cli, trigger: 'cli' },
    ]);
    // Kept in page_views under their old ids, their result rows back in values_json.
    const kept = db.prepare('SELECT original_run_id, hunt_id, trigger, started_at, status, error_message, row_count, values_json, bundle_id FROM page_views ORDER BY original_run_id').all();
    expect(kept).toEqual([
      { original_run_id: viewBefore, hunt_id: 'h', trigger: 'page', started_at: '2026-01-02T10:00:00.000Z', status: 'ok', error_message: null, row_count: 2, values_json: '[[4,"sshd"],[1,"nc"]]', bundle_id: null },
      { original_run_id: viewAfter, hunt_id: 'h', trigger: 'page', started_at: '2026-01-06T09:00:00.000Z', status: 'ok', error_message: null, row_count: 1, values_json: '[[2,"kworkerds"]]', bundle_id: null },
      { original_run_id: viewFailed, hunt_id: 'h', trigger: 'page', started_at: '2026-01-06T09:05:00.000Z', status: 'failed', error_message: 'The cluster did not answer.', row_count: 0, values_json: '[]', bundle_id: null },
      { original_run_id: viewImported, hunt_id: 'other', trigger: 'page', started_at: '2026-01-06T10:00:00.000Z', status: 'ok', error_message: null, row_count: 1, values_json: '[[1,"curl"]]', bundle_id: 1 },
    ]);
    expect(db.prepare('SELECT original_run_id, finding_key, values_json FROM page_view_events').all()).toEqual([{ original_run_id: viewImported, finding_key: '["curl"]', values_json: '[["2026-01-06T09:59:00.000Z"]]' }]);

    // No table keyed by run id names a view any more.
    const marks = views.map(() => '?').join(', ');
    for (const sql of [
      `SELECT COUNT(*) FROM run_findings WHERE run_id IN (${marks})`,
      `SELECT COUNT(*) FROM run_diff WHERE run_id IN (${marks}) OR row_run_id IN (${marks})`,
      `SELECT COUNT(*) FROM run_diff_summary WHERE run_id IN (${marks}) OR previous_run_id IN (${marks})`,
      `SELECT COUNT(*) FROM bundle_events WHERE run_id IN (${marks})`,
      `SELECT COUNT(*) FROM staged_runs WHERE run_id IN (${marks})`,
    ]) {
      expect(db.prepare(sql).pluck().get(...views, ...(sql.includes(' OR ') ? views : [])), sql).toBe(0);
    }
  });

  it('migration 9: a run whose baseline was a page view now diffs against the review run before it', () => {
    const { lastWeek, thisWeek, cli } = fixture;
    migrate(db);
    expect(diffSummary(db, lastWeek)).toEqual({ previousRunId: null, compared: 0, counts: { new: 2, recurring: 0, gone: 0 } });
    // This week's schedule run: against last week's (not the view before it), so xmrig is gone and nc never was.
    expect(diffSummary(db, thisWeek)).toEqual({ previousRunId: lastWeek, compared: 1, counts: { new: 1, recurring: 1, gone: 1 } });
    expect(reviewOf(db, thisWeek)).toEqual([
      ['new', '["kworkerds"]', 1],
      ['recurring', '["sshd"]', 2],
      ['gone', '["xmrig"]', 1],
    ]);
    // The CLI run after the views: runs seen count review runs only.
    expect(diffSummary(db, cli)).toEqual({ previousRunId: thisWeek, compared: 2, counts: { new: 0, recurring: 3, gone: 0 } });
    expect(reviewOf(db, cli)).toEqual([
      ['recurring', '["kworkerds"]', 2],
      ['recurring', '["sshd"]', 3],
      ['recurring', '["xmrig"]', 2],
    ]);
  });
});

describe('migration 12: triage shared by a hunt’s queries with the same keys', () => {
  let db: AppDatabase;
  beforeEach(() => {
    db = appStateAt(6);
    v6AppState(db);
  });
  afterEach(() => db.close());

  /** A v6 run of another query number or text (insertV6Run's are query 1 of TEXT). */
  function insertQueryRun(hunt: string, queryNumber: number, text: string, at: string): number {
    const info = db
      .prepare(
        `INSERT INTO runs (hunt_id, query_number, query_text, query_hash, params_json, window_id, backend_kind, backend_label, trigger,
           started_at, duration_ms, status, row_count, columns_json, values_json)
         VALUES (?, ?, ?, ?, '[]', '7d', 'embedded', 'embedded store', 'schedule', ?, 1, 'ok', 1, ?, '[[1,"sshd"]]')`,
      )
      .run(hunt, queryNumber, text, queryHash(text), at, JSON.stringify(COLUMNS));
    return Number(info.lastInsertRowid);
  }
  const triage = (db: AppDatabase) => db.prepare('SELECT hunt_id, query_number, finding_key, status, note, version, updated_at FROM triage ORDER BY hunt_id, query_number, finding_key').all();
  const history = (db: AppDatabase, key: string) =>
    db.prepare('SELECT query_number, at, who, to_status, note FROM triage_history WHERE hunt_id = ? AND finding_key = ? ORDER BY id').all('h', key);

  it('groups every run and merges query 2’s triage into query 1’s: the later state wins with a higher version, both histories kept in time order', () => {
    const rootOnly = 'FROM logs-* | WHERE user.id == "0" | STATS c = COUNT(*) BY process.name';
    const q2 = insertQueryRun('h', 2, rootOnly, '2026-01-05T06:00:00.000Z');
    // Another hunt whose query 2 aggregates by other keys: its triage stays its own.
    const byAgent = 'FROM logs-* | STATS c = COUNT(*) BY agent.id';
    insertQueryRun('k', 1, TEXT, '2026-01-05T06:00:00.000Z');
    const k2 = insertQueryRun('k', 2, byAgent, '2026-01-05T06:00:00.000Z');
    const put = db.prepare('INSERT INTO triage VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)');
    const log = db.prepare('INSERT INTO triage_history (hunt_id, query_number, finding_key, at, who, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // sshd: suspicious under query 1 (fixture, 2026-01-06T10:00, version 2); escalated later under query 2, with its own history.
    put.run('h', 2, '["sshd"]', 'escalated', 'IR ticket 7', 3, '2026-01-07T09:00:00.000Z', 'bo');
    log.run('h', 2, '["sshd"]', '2026-01-05T12:00:00.000Z', 'bo', null, 'investigating', 'root shell?');
    log.run('h', 2, '["sshd"]', '2026-01-06T09:45:00.000Z', 'bo', 'investigating', 'suspicious', '');
    log.run('h', 2, '["sshd"]', '2026-01-07T09:00:00.000Z', 'bo', 'suspicious', 'escalated', 'IR ticket 7');
    // nc: triaged under query 2 only; moves.
    put.run('h', 2, '["nc"]', 'benign', 'backup job', 1, '2026-01-06T08:00:00.000Z', 'bo');
    log.run('h', 2, '["nc"]', '2026-01-06T08:00:00.000Z', 'bo', null, 'benign', 'backup job');
    put.run('k', 2, '["a1"]', 'benign', '', 1, '2026-01-06T08:00:00.000Z', 'bo');
    const historyRows = db.prepare('SELECT COUNT(*) FROM triage_history').pluck().get() as number;

    migrate(db);
    expect(db.prepare('SELECT hunt_id, query_number, triage_query FROM runs ORDER BY id').all()).toEqual(
      expect.arrayContaining([{ hunt_id: 'h', query_number: 1, triage_query: 1 }, { hunt_id: 'h', query_number: 2, triage_query: 1 }, { hunt_id: 'k', query_number: 2, triage_query: 2 }]),
    );
    expect(db.prepare('SELECT triage_query FROM runs WHERE id IN (?, ?)').pluck().all(q2, k2)).toEqual([1, 2]);
    expect(triage(db)).toEqual([
      { hunt_id: 'h', query_number: 1, finding_key: '["nc"]', status: 'benign', note: 'backup job', version: 1, updated_at: '2026-01-06T08:00:00.000Z' },
      // Escalated (query 2, changed last) wins over suspicious (query 1); version 3 + 1.
      { hunt_id: 'h', query_number: 1, finding_key: '["sshd"]', status: 'escalated', note: 'IR ticket 7', version: 4, updated_at: '2026-01-07T09:00:00.000Z' },
      { hunt_id: 'k', query_number: 2, finding_key: '["a1"]', status: 'benign', note: '', version: 1, updated_at: '2026-01-06T08:00:00.000Z' },
    ]);
    // Nothing lost: every history entry, now under the group, in time order.
    expect(db.prepare('SELECT COUNT(*) FROM triage_history').pluck().get()).toBe(historyRows);
    expect(history(db, '["sshd"]')).toEqual([
      { query_number: 1, at: '2026-01-05T12:00:00.000Z', who: 'bo', to_status: 'investigating', note: 'root shell?' },
      { query_number: 1, at: '2026-01-06T09:30:00.000Z', who: 'ann', to_status: 'investigating', note: '' },
      { query_number: 1, at: '2026-01-06T09:45:00.000Z', who: 'bo', to_status: 'suspicious', note: '' },
      { query_number: 1, at: '2026-01-06T10:00:00.000Z', who: 'ann', to_status: 'suspicious', note: 'reaches a Tor exit node' },
      { query_number: 1, at: '2026-01-07T09:00:00.000Z', who: 'bo', to_status: 'escalated', note: 'IR ticket 7' },
    ]);
    expect(history(db, '["nc"]')).toEqual([{ query_number: 1, at: '2026-01-06T08:00:00.000Z', who: 'bo', to_status: 'benign', note: 'backup job' }]);
  });
});
