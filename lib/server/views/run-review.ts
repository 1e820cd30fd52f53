/**
 * What the run pages show: saved runs, and one page of a run's findings against the runs before
 * it, with triage, first seen, and the allow-list applied (hidden findings counted, not dropped).
 * Counts come from the stored diff and SQL aggregates; rows, triage and first seen are read for
 * the page's findings only, so a run of a million findings costs what a page of them costs.
 */
import 'server-only';
import { activeAllowEntries, allowListCandidates, suppressingEntry, type AllowEntry } from '../../appstate/allow-list';
import { findingsNamed, findingsPage, hiddenCounts, shownKeys, type Hidden, type StoredFinding } from '../../appstate/run-diff-read';
import { diffSummary, type DiffCounts } from '../../appstate/run-diff';
import { getRunHeader, listRunHeaders, type OkRunHeader, type RunHeader } from '../../appstate/runs';
import { getTriage } from '../../appstate/triage';
import { bundleOfRun, type ImportedBundle, bundleFirstSeen } from '../../bundle/imported';
import type { ReviewedFinding, FirstSeenAnswer } from '../../model/review';
import { firstSeenLookbackDays } from '../../hunts/first-seen-query';
import { pageBounds, statusesOf, sumOf, toFindingDiffs, type PageBounds, type ReviewQuery } from '../../review/run-page';
import { serverAppState } from '../process/app-state';
import { firstSeenForRun } from '../../hunts/run/first-seen';
import { backendOrError } from '../http/respond';


export interface RunReview {
  run: RunHeader;
  previous?: RunHeader;
  /** Earlier comparable runs considered for "runs seen". */
  compared: number;
  query: ReviewQuery;
  /** Findings per change, those the allow-list hides left out (they are `hidden`). */
  counts: DiffCounts & { hidden: number };
  /** The page of the filter's findings. */
  page: PageBounds;
  findings: ReviewedFinding[];
  /** With the filter `hidden`, the page's findings; otherwise the first page of them. */
  suppressed: { finding: ReviewedFinding; entry: AllowEntry }[];
  firstSeen: FirstSeenAnswer;
  /** The bundle an imported run came in: its events are in the bundle, not on this backend. */
  bundle?: ImportedBundle;
  /** Findings of this query marked benign run after run: worth an allow-list entry. */
  candidates: { findingKey: string; processName: string | null; runsInARow: number }[];
}

const ZERO: DiffCounts = { new: 0, recurring: 0, gone: 0 };

export function recentRuns(limit = 100): RunHeader[] {
  return listRunHeaders(serverAppState(), { limit });
}

export async function reviewRun(id: number, asked: Partial<ReviewQuery> = {}): Promise<RunReview | undefined> {
  const db = serverAppState();
  const run = getRunHeader(db, id);
  if (!run) return undefined;
  const query: ReviewQuery = { filter: asked.filter ?? 'all', page: asked.page ?? 1 };
  const bundle = bundleOfRun(db, run.id);
  const imported = bundle ? { bundle } : {};
  if (run.status !== 'ok') {
    const empty = { run, ...imported, query, compared: 0, counts: { ...ZERO, hidden: 0 }, page: pageBounds(0, 1), findings: [], suppressed: [] };
    return { ...empty, firstSeen: { kind: 'not-applicable' }, candidates: [] };
  }
  const summary = diffSummary(db, run.id) ?? { previousRunId: null, compared: 0, counts: ZERO };
  const previous = summary.previousRunId === null ? undefined : getRunHeader(db, summary.previousRunId);
  // First seen runs on the backend: an imported run's events are not there.
  // An imported run's first seen is the source's answer, kept in its bundle (this backend may hold none of its events).
  const lookUp = (names: string[]) => (bundle ? Promise.resolve(importedFirstSeen(db, run.id)) : lookUpFirstSeen(run, names));

  const allow = await allowListOf(db, run, lookUp);
  const hiddenBy = hiddenCounts(db, run.id, allow.hidden);
  const shown: DiffCounts = { new: summary.counts.new - hiddenBy.new, recurring: summary.counts.recurring - hiddenBy.recurring, gone: summary.counts.gone - hiddenBy.gone };
  const hiddenTotal = sumOf(hiddenBy, statusesOf('hidden'));
  const statuses = statusesOf(query.filter);
  const page = pageBounds(query.filter === 'hidden' ? hiddenTotal : sumOf(shown, statuses), query.page);
  const rows = findingsPage(db, run.id, { statuses, side: query.filter === 'hidden' ? 'hidden' : 'shown', hidden: allow.hidden, limit: page.size, offset: page.offset, total: page.total });
  const hiddenRows = query.filter === 'hidden' ? rows : hiddenTotal > 0 ? findingsPage(db, run.id, { statuses: statusesOf('hidden'), side: 'hidden', hidden: allow.hidden, limit: page.size, offset: 0 }) : [];

  const names = [...new Set([...rows, ...hiddenRows].map((f) => f.processName).filter((n): n is string => n !== null))];
  const firstSeen = names.length > 0 ? await lookUp(names) : allow.firstSeen;
  const review = (stored: StoredFinding[]): ReviewedFinding[] =>
    toFindingDiffs(db, run, previous?.status === 'ok' ? previous : undefined, stored).map((f, i) => {
      const processName = stored[i].processName;
      const agentIds = (processName !== null && firstSeen.kind === 'found' && firstSeen.byName.get(processName)?.agentsThisWeek) || [];
      return { ...f, huntId: run.huntId, processName, agentIds, triage: getTriage(db, { huntId: run.huntId, queryNumber: run.triageQuery, findingKey: f.key }) };
    });
  const suppressed = review(hiddenRows).map((finding) => ({ finding, entry: allow.entryFor.get(finding.processName ?? '')! }));
  return {
    run,
    ...imported,
    ...(previous ? { previous } : {}),
    compared: summary.compared,
    query,
    counts: { ...shown, hidden: hiddenTotal },
    page,
    findings: query.filter === 'hidden' ? [] : review(rows),
    suppressed,
    firstSeen,
    candidates: candidatesOf(db, run, allow.hidden),
  };
}

/**
 * The entries in force at the run's start (a later entry changes no earlier run) that could hide
 * a finding of this run, and the process names they hide.
 * An entry for one agent hides a name only when first seen says the name ran on that agent alone
 * this week: those names (few: one per such entry) are looked up before the page is picked.
 */
async function allowListOf(db: ReturnType<typeof serverAppState>, run: OkRunHeader, lookUp: (names: string[]) => Promise<FirstSeenAnswer>) {
  const entries = activeAllowEntries(db, run.startedAt).filter((e) => e.huntId === null || e.huntId === run.huntId);
  const present = [...new Set(findingsNamed(db, run.id, [...new Set(entries.map((e) => e.processName))]).map((f) => f.processName))];
  const needAgents = present.filter((name) => entries.some((e) => e.processName === name && e.agentId !== null));
  const firstSeen: FirstSeenAnswer = needAgents.length > 0 ? await lookUp(needAgents) : { kind: 'not-applicable' };
  const agentsOf = (name: string) => (firstSeen.kind === 'found' && firstSeen.byName.get(name)?.agentsThisWeek) || [];
  const entryFor = new Map<string, AllowEntry>();
  for (const name of present) {
    const entry = suppressingEntry(entries, { huntId: run.huntId, processName: name, agentIds: agentsOf(name) });
    if (entry) entryFor.set(name, entry);
  }
  const hidden: Hidden = { names: [...entryFor.keys()], pairs: [] };
  return { hidden, entryFor, firstSeen };
}

/** Benign run after run (3 by default), among the findings this run shows. */
function candidatesOf(db: ReturnType<typeof serverAppState>, run: OkRunHeader, hidden: Hidden): RunReview['candidates'] {
  const inARow = allowListCandidates(db, 3, { huntId: run.huntId, queryNumber: run.triageQuery }).map(({ findingKey, runsInARow }) => ({ findingKey, runsInARow }));
  const shown = shownKeys(db, run.id, inARow.map((c) => c.findingKey), hidden);
  return inARow.filter((c) => shown.has(c.findingKey)).map((c) => ({ ...c, processName: shown.get(c.findingKey) ?? null }));
}

function importedFirstSeen(db: ReturnType<typeof serverAppState>, runId: number): FirstSeenAnswer {
  const kept = bundleFirstSeen(db, runId);
  if (!kept) return { kind: 'not-applicable' };
  return kept.kind === 'found' ? { ...kept, byName: new Map(kept.byName) } : kept;
}

async function lookUpFirstSeen(run: OkRunHeader, names: string[]): Promise<FirstSeenAnswer> {
  if (names.length === 0) return { kind: 'not-applicable' };
  const backend = backendOrError();
  if (!backend.ok) return { kind: 'failed', message: backend.error.message };
  return firstSeenForRun(backend.backend, run, names, firstSeenLookbackDays());
}
