/**
 * The allow-list: a process name (optionally only on one agent, optionally only for one hunt)
 * suppressed from findings until an expiry, with the owner and reason an auditor will ask for.
 * Suppressed rows are hidden by default but counted; expired and revoked entries stop applying.
 */
import 'server-only';
import type { AppDatabase } from './database';
import { runsListing } from './run-diff-read';

export interface AllowEntry {
  id: number;
  processName: string;
  agentId: string | null;
  huntId: string | null;
  owner: string;
  reason: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export type NewAllowEntry = Omit<AllowEntry, 'id' | 'revokedAt' | 'createdAt'> & { createdAt: string };

export type AllowResult = { ok: true; entry: AllowEntry } | { ok: false; message: string };

const MAX_EXPIRY_DAYS = 366;

export function addAllowEntry(db: AppDatabase, entry: NewAllowEntry): AllowResult {
  if (entry.processName.trim() === '') return { ok: false, message: 'Name the process to allow.' };
  if (entry.owner.trim() === '' || entry.reason.trim() === '') return { ok: false, message: 'An allow-list entry needs an owner and a reason.' };
  const created = Date.parse(entry.createdAt);
  const expires = Date.parse(entry.expiresAt);
  if (Number.isNaN(expires) || expires <= created) return { ok: false, message: 'The expiry must be a date after now.' };
  if (expires - created > MAX_EXPIRY_DAYS * 864e5) return { ok: false, message: `An entry expires within ${MAX_EXPIRY_DAYS} days; renew it when it does.` };
  const info = db
    .prepare('INSERT INTO allow_list (process_name, agent_id, hunt_id, owner, reason, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.processName, entry.agentId, entry.huntId, entry.owner, entry.reason, entry.createdAt, entry.expiresAt);
  return { ok: true, entry: { ...entry, id: Number(info.lastInsertRowid), revokedAt: null } };
}

export function revokeAllowEntry(db: AppDatabase, id: number, at: string): boolean {
  return db.prepare('UPDATE allow_list SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
}

/** An allow_list row as SQLite returns it. */
export interface AllowRow {
  id: number;
  process_name: string;
  agent_id: string | null;
  hunt_id: string | null;
  owner: string;
  reason: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export const allowEntryOf = (r: AllowRow): AllowEntry => ({
  id: r.id,
  processName: r.process_name,
  agentId: r.agent_id,
  huntId: r.hunt_id,
  owner: r.owner,
  reason: r.reason,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

/** Every entry, newest first: the allow-list page shows expired and revoked ones too, for audit. */
export function allAllowEntries(db: AppDatabase): AllowEntry[] {
  return (db.prepare('SELECT * FROM allow_list ORDER BY id DESC').all() as AllowRow[]).map(allowEntryOf);
}

/**
 * Whether an entry is in force at `at`: from its creation (inclusive) until its revocation or
 * expiry (exclusive). A run is judged by the entries in force at its start, so a past week shows
 * what was suppressed then and a new entry changes no earlier run.
 */
export function inForceAt(entry: AllowEntry, at: string): boolean {
  const ms = Date.parse(at);
  return Date.parse(entry.createdAt) <= ms && Date.parse(entry.expiresAt) > ms && (entry.revokedAt === null || Date.parse(entry.revokedAt) > ms);
}

/** Entries in force at `at` (created by then, not expired, not revoked by then). */
export function activeAllowEntries(db: AppDatabase, at: string): AllowEntry[] {
  return allowEntriesAt(db)(at);
}

/** Reads the list once; answers "which entries were in force at t" for many runs' starts. */
export function allowEntriesAt(db: AppDatabase): (at: string) => AllowEntry[] {
  const all = (db.prepare('SELECT * FROM allow_list ORDER BY id').all() as AllowRow[]).map(allowEntryOf);
  return (at) => all.filter((e) => inForceAt(e, at));
}

/** The entry that suppresses a finding, if any: same name, and same agent when the entry names one. */
export function suppressingEntry(entries: readonly AllowEntry[], finding: { huntId: string; processName: string | null; agentIds: readonly string[] }): AllowEntry | undefined {
  if (finding.processName === null) return undefined;
  return entries.find(
    (e) =>
      e.processName === finding.processName &&
      (e.huntId === null || e.huntId === finding.huntId) &&
      (e.agentId === null || (finding.agentIds.length > 0 && finding.agentIds.every((a) => a === e.agentId))),
  );
}

/** Splits findings into shown and suppressed; the page shows the first and counts the second. */
export function applyAllowList<T extends { huntId: string; processName: string | null; agentIds: readonly string[] }>(
  entries: readonly AllowEntry[],
  findings: readonly T[],
): { shown: T[]; suppressed: { finding: T; entry: AllowEntry }[] } {
  const shown: T[] = [];
  const suppressed: { finding: T; entry: AllowEntry }[] = [];
  for (const finding of findings) {
    const entry = suppressingEntry(entries, finding);
    if (entry) suppressed.push({ finding, entry });
    else shown.push(finding);
  }
  return { shown, suppressed };
}

/** The runs the rule walks per hunt query: its latest saved runs. */
const RUNS_READ = 60;

/**
 * Allow-list candidates: findings marked benign that every saved run since has listed again, at
 * least `weeks` runs in a row (newest first): the analysts keep seeing and dismissing them.
 * `of` narrows to one hunt query's triage group (a run's review: its runs.triage_query). Triage is
 * stored per triage group, so "its runs" are the latest runs of every query in the group. Read from
 * the stored rows through the key index: per benign finding, which of those runs since list it,
 * whatever the runs' size.
 */
export function allowListCandidates(
  db: AppDatabase,
  weeks = 3,
  of?: { huntId: string; queryNumber: number },
): { huntId: string; queryNumber: number; findingKey: string; runsInARow: number }[] {
  const benign = (
    of
      ? db.prepare("SELECT hunt_id, query_number, finding_key, updated_at FROM triage WHERE status = 'benign' AND hunt_id = ? AND query_number = ?").all(of.huntId, of.queryNumber)
      : db.prepare("SELECT hunt_id, query_number, finding_key, updated_at FROM triage WHERE status = 'benign'").all()
  ) as { hunt_id: string; query_number: number; finding_key: string; updated_at: string }[];
  const runsOf = new Map<string, { id: number; startedAt: string }[]>();
  const latestRuns = (huntId: string, queryNumber: number) => {
    const id = JSON.stringify([huntId, queryNumber]);
    let runs = runsOf.get(id);
    if (!runs) {
      runs = db
        .prepare(
          `SELECT id, started_at AS startedAt FROM runs WHERE hunt_id = ? AND COALESCE(triage_query, query_number) = ? AND status = 'ok'
           ORDER BY started_at DESC, id DESC LIMIT ?`,
        )
        .all(huntId, queryNumber, RUNS_READ) as { id: number; startedAt: string }[];
      runsOf.set(id, runs);
    }
    return runs;
  };
  const out: { huntId: string; queryNumber: number; findingKey: string; runsInARow: number }[] = [];
  for (const t of benign) {
    // Newest first: the runs since the finding was marked benign are the first ones.
    const since = latestRuns(t.hunt_id, t.query_number).filter((r) => r.startedAt >= t.updated_at);
    if (since.length < weeks) continue;
    const listing = new Set(runsListing(db, t.finding_key, since.map((r) => r.id)));
    let inARow = 0;
    while (inARow < since.length && listing.has(since[inARow].id)) inARow++;
    if (inARow >= weeks) out.push({ huntId: t.hunt_id, queryNumber: t.query_number, findingKey: t.finding_key, runsInARow: inARow });
  }
  return out;
}
