/**
 * The week's findings, from the stored diff of each query's latest successful run: counts per
 * change and per triage status as SQL aggregates (triage joined from its own side), and the lists
 * bounded to their first WEEK_LIST_LIMIT entries, so a run of a million findings costs a page.
 */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import type { AppDatabase } from '../appstate/database';
import type { AllowEntry } from '../appstate/allow-list';
import { firstTriageChanges, findingsPage, hiddenCounts, runsListing, sharedFindings, sharedGone, triagedCounts, untriagedPage, type Hidden, type StoredFinding } from '../appstate/run-diff-read';
import { diffSummary } from '../appstate/run-diff';
import { findingKeyReader } from '../appstate/run-findings';
import type { OkRunHeader, RunHeader } from '../appstate/runs';
import { getTriage, triageHistory } from '../appstate/triage';
import { TRIAGE_STATUSES, type TriageStatus } from '../model/triage';
import type { QueryName, TimeToTriage, WeekFinding, WeekFindings } from '../model/week';

type FindingKeyReader = ReturnType<typeof findingKeyReader>;

/** How many findings (and untriaged findings) the week lists; the counts cover them all. */
export const WEEK_LIST_LIMIT = 100;


/**
 * The week does not query the backend for a finding's agents (the run page does): an entry for
 * one agent hides a finding only when its BY values name that agent. Erring this way shows a
 * finding rather than hiding it.
 */
export function hiddenForHunt(entries: readonly AllowEntry[], huntId: string): Hidden {
  const mine = entries.filter((e) => e.huntId === null || e.huntId === huntId);
  return {
    names: mine.filter((e) => e.agentId === null).map((e) => e.processName),
    pairs: mine.filter((e): e is AllowEntry & { agentId: string } => e.agentId !== null).map((e) => ({ name: e.processName, agentId: e.agentId })),
  };
}

/**
 * The week's runs of one hunt and triage group so far: a finding listed by two queries of a hunt
 * with the same keys (one process) is counted and listed once, under the first. `listed` holds the
 * keys the lists took from the group; while a list has room, every earlier finding of the group is
 * in it, so a page read `listed.size` longer and filtered still fills the room.
 */
interface WeekGroup {
  runIds: number[];
  listed: Set<string>;
  untriagedListed: Set<string>;
  goneListed: Set<string>;
}

function weekGroup(groups: Map<string, WeekGroup>, run: OkRunHeader): WeekGroup {
  const id = JSON.stringify([run.huntId, run.triageQuery]);
  let group = groups.get(id);
  if (!group) groups.set(id, (group = { runIds: [], listed: new Set(), untriagedListed: new Set(), goneListed: new Set() }));
  return group;
}

/** The page without the keys the group listed already, at most `room`; the keys kept are added. */
function unlisted(page: readonly StoredFinding[], listed: Set<string>, room: number): StoredFinding[] {
  const out = page.filter((f) => !listed.has(f.key)).slice(0, room);
  for (const f of out) listed.add(f.key);
  return out;
}

function toWeekFinding(db: AppDatabase, run: OkRunHeader, name: QueryName, reader: FindingKeyReader, f: StoredFinding): WeekFinding {
  const keyValues = reader.keyValues(JSON.parse(f.valuesJson) as EsqlValue[]);
  const ref = { huntId: run.huntId, queryNumber: run.triageQuery, findingKey: f.key };
  const triage = getTriage(db, ref);
  const untriaged = triage.status === 'new' && triageHistory(db, ref).length === 0;
  return { ...name, runId: run.id, key: f.key, keyValues, diffStatus: f.status, triage: triage.status, assignee: triage.assignee, untriaged };
}

/**
 * `latest`: each query's latest successful run, in the week's order (hunt, then query number).
 * `entriesFor`: the allow-list entries that apply to a run. `limit`: how many each list holds.
 */
export function weekFindings(
  db: AppDatabase,
  latest: readonly { run: OkRunHeader; name: QueryName }[],
  entriesFor: (run: OkRunHeader) => readonly AllowEntry[],
  limit = WEEK_LIST_LIMIT,
): WeekFindings {
  const out: WeekFindings = {
    findings: [],
    findingCount: 0,
    untriaged: [],
    untriagedCount: 0,
    findingRuns: [],
    perTriageStatus: Object.fromEntries(TRIAGE_STATUSES.map((s) => [s, 0])) as Record<TriageStatus, number>,
    perDiffStatus: { new: 0, recurring: 0 },
    suppressed: 0,
    gone: [],
    goneCount: 0,
    hidden: [],
  };
  const groups = new Map<string, WeekGroup>();
  for (const { run, name } of latest) {
    const all = diffSummary(db, run.id)?.counts ?? { new: 0, recurring: 0, gone: 0 };
    const hidden = hiddenForHunt(entriesFor(run), run.huntId);
    const hiddenBy = hiddenCounts(db, run.id, hidden);
    const group = weekGroup(groups, run);
    const shared = sharedFindings(db, run, group.runIds, hidden);
    const sharedGoneCount = sharedGone(db, run.id, group.runIds, hidden);
    group.runIds.push(run.id);
    const shown = { new: all.new - hiddenBy.new - shared.new, recurring: all.recurring - hiddenBy.recurring - shared.recurring };
    const total = shown.new + shown.recurring;
    out.suppressed += hiddenBy.new + hiddenBy.recurring - shared.suppressed;
    out.perDiffStatus.new += shown.new;
    out.perDiffStatus.recurring += shown.recurring;
    const triaged = triagedCounts(db, run, hidden);
    let notNew = 0;
    for (const status of TRIAGE_STATUSES) {
      if (status === 'new') continue;
      const n = (triaged.perStatus[status] ?? 0) - (shared.perStatus[status] ?? 0);
      out.perTriageStatus[status] += n;
      notNew += n;
    }
    out.perTriageStatus.new += total - notNew;
    const untriaged = total - (triaged.touched - shared.touched);
    out.findingCount += total;
    out.untriagedCount += untriaged;
    if (total > 0) out.findingRuns.push({ ...name, runId: run.id, findings: total, untriaged });
    // The run's query parsed once (when it lists any finding), not once per finding listed.
    let reader: FindingKeyReader | undefined;
    const toFinding = (f: StoredFinding) => toWeekFinding(db, run, name, (reader ??= findingKeyReader(run.queryText, run.columns)), f);
    const room = limit - out.findings.length;
    if (room > 0 && total > 0) {
      const page = findingsPage(db, run.id, { statuses: ['new', 'recurring'], side: 'shown', hidden, limit: room + group.listed.size, offset: 0 });
      out.findings.push(...unlisted(page, group.listed, room).map(toFinding));
    }
    const untriagedRoom = limit - out.untriaged.length;
    if (untriagedRoom > 0 && untriaged > 0) {
      out.untriaged.push(...unlisted(untriagedPage(db, run, hidden, untriagedRoom + group.untriagedListed.size), group.untriagedListed, untriagedRoom).map(toFinding));
    }
    // A process gone from both of a hunt's queries is one finding gone: counted and listed once.
    const gone = all.gone - hiddenBy.gone - sharedGoneCount;
    out.goneCount += gone;
    const goneRoom = limit - out.gone.length;
    if (goneRoom > 0 && gone > 0) {
      const page = findingsPage(db, run.id, { statuses: ['gone'], side: 'shown', hidden, limit: goneRoom + group.goneListed.size, offset: 0 });
      out.gone.push(...unlisted(page, group.goneListed, goneRoom).map(toFinding));
    }
    const hiddenRoom = limit - out.hidden.length;
    if (hiddenRoom > 0 && hiddenBy.new + hiddenBy.recurring > 0) {
      out.hidden.push(...findingsPage(db, run.id, { statuses: ['new', 'recurring'], side: 'hidden', hidden, limit: hiddenRoom, offset: 0 }).map(toFinding));
    }
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Hours from a finding's first run of the week to its first triage, for findings first triaged
 * after that run. Read from the triaged side: each triaged finding's first change, then which of
 * the week's runs list it (by the key index), never every finding of every run.
 */
export function timeToTriage(db: AppDatabase, byQuery: Iterable<readonly RunHeader[]>): TimeToTriage {
  const hours: number[] = [];
  // Per triage group, not per query: a finding two queries of a hunt share is triaged once, timed once.
  const byGroup = new Map<string, RunHeader[]>();
  for (const run of [...byQuery].flat()) {
    const id = JSON.stringify([run.huntId, run.triageQuery]);
    byGroup.set(id, [...(byGroup.get(id) ?? []), run]);
  }
  for (const runs of byGroup.values()) {
    const ok = runs.filter((r) => r.status === 'ok');
    if (ok.length === 0) continue;
    const startMs = new Map(ok.map((r) => [r.id, Date.parse(r.startedAt)]));
    for (const change of firstTriageChanges(db, ok[0].huntId, ok[0].triageQuery)) {
      const listing = runsListing(db, change.key, ok.map((r) => r.id));
      if (listing.length === 0) continue;
      const seenMs = Math.min(...listing.map((id) => startMs.get(id)!));
      const triagedMs = Date.parse(change.at);
      if (triagedMs >= seenMs) hours.push((triagedMs - seenMs) / 3_600_000);
    }
  }
  return { count: hours.length, medianHours: median(hours), maxHours: hours.length ? Math.max(...hours) : null };
}
