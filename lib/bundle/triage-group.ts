/**
 * A bundle's triage brought into triage groups (lib/hunts/finding-group) before it is merged: a
 * bundle from an older Huntboard carries triage per query, so the same process may come triaged
 * under "All users" and under "Root only". Each query number is mapped to its group, computed from
 * the bundle's own run texts as the catalogue computes it; two states of one finding in one group
 * become one by the merge's rule (the state changed last wins, with a version above both) and
 * their histories are kept whole, in time order.
 */
import 'server-only';
import { triageGroups } from '../appstate/triage-groups';
import type { TriageHistoryEntry } from '../model/triage';
import type { BundleRun, BundleTriage } from './format';
import { findingKeyOf } from './triage-merge';

/**
 * hunt id → query number → its group, from the latest run of each query in the bundle: the group
 * the source recorded, or (an older bundle) the one its text gives.
 */
export type GroupOf = (huntId: string, queryNumber: number) => number;

export function bundleTriageGroups(runs: readonly BundleRun[]): GroupOf {
  const latest = new Map<string, Map<number, BundleRun>>();
  for (const run of runs) {
    const ofHunt = latest.get(run.huntId) ?? new Map<number, BundleRun>();
    latest.set(run.huntId, ofHunt);
    const known = ofHunt.get(run.queryNumber);
    if (!known || known.startedAt < run.startedAt) ofHunt.set(run.queryNumber, run);
  }
  const groups = new Map<string, Map<number, number>>();
  for (const [huntId, ofHunt] of latest) {
    const byText = triageGroups([...ofHunt.values()].map((r) => ({ number: r.queryNumber, text: r.queryText })));
    for (const r of ofHunt.values()) if (r.triageQuery !== undefined) byText.set(r.queryNumber, r.triageQuery);
    groups.set(huntId, byText);
  }
  return (huntId, queryNumber) => groups.get(huntId)?.get(queryNumber) ?? queryNumber;
}

/**
 * The bundle's states and histories under their groups, one state per finding. `historyOf` reads
 * a state's history by its own (ungrouped) ref; the answer's `historyOf` by the grouped one.
 */
export function groupBundleTriage(
  states: readonly BundleTriage[],
  historyOf: (state: BundleTriage) => readonly TriageHistoryEntry[],
  groupOf: GroupOf,
): { states: BundleTriage[]; historyOf: (state: BundleTriage) => readonly TriageHistoryEntry[] } {
  const merged = new Map<string, { state: BundleTriage; history: TriageHistoryEntry[]; parts: number }>();
  for (const state of states) {
    const grouped: BundleTriage = { ...state, queryNumber: groupOf(state.huntId, state.queryNumber) };
    const id = findingKeyOf(grouped);
    const known = merged.get(id);
    const history = [...historyOf(state)];
    if (!known) {
      merged.set(id, { state: grouped, history, parts: 1 });
      continue;
    }
    const winner = Date.parse(grouped.updatedAt) > Date.parse(known.state.updatedAt) ? grouped : known.state;
    known.state = { ...winner, version: Math.max(grouped.version, known.state.version) + 1 };
    known.history.push(...history);
    known.parts++;
  }
  for (const m of merged.values()) {
    // Stable: entries at the same instant keep the bundle's order.
    if (m.parts > 1) m.history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
  return {
    states: [...merged.values()].map((m) => m.state),
    historyOf: (state) => merged.get(findingKeyOf(state))?.history ?? [],
  };
}
