/**
 * Where a finding of the week leads: its row in the run's review (the change filter and the page
 * it is on there) and its events, where its triage is kept. Links are worked out when the page is
 * drawn, from the run ids the week (or its snapshot) names; never stored.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { getRunHeader } from '../appstate/runs';
import { runEventsHref } from '../view/url/run-events-url';
import { findingId } from '../view/review/finding-id';
import { reviewHref } from '../view/review/review-url';
import { REVIEW_PAGE_SIZE } from './run-page';
import type { WeekFinding } from '../model/week';

export interface FindingLinks {
  review: string;
  /** Absent when the run is no longer in the app state. */
  events?: string;
}


/**
 * `lists`: the week's lists in the review's order (each run's findings from its first, by change
 * then key), so a finding's place among its run's findings of the same change gives its page.
 */
export function weekFindingLinks(db: AppDatabase, lists: readonly (readonly WeekFinding[])[], extra: readonly WeekFinding[] = []): Record<string, FindingLinks> {
  const page = new Map<string, number>();
  for (const list of lists) {
    const seen = new Map<string, number>();
    for (const f of list) {
      const group = JSON.stringify([f.runId, f.diffStatus]);
      const index = seen.get(group) ?? 0;
      seen.set(group, index + 1);
      if (!page.has(findingId(f))) page.set(findingId(f), Math.floor(index / REVIEW_PAGE_SIZE) + 1);
    }
  }
  const runs = new Map<number, ReturnType<typeof eventsOf>>();
  const out: Record<string, FindingLinks> = {};
  for (const f of [...lists.flat(), ...extra]) {
    const id = findingId(f);
    if (out[id]) continue;
    if (!runs.has(f.runId)) runs.set(f.runId, eventsOf(db, f.runId));
    const events = runs.get(f.runId)!;
    out[id] = { review: reviewHref(f.runId, { filter: f.diffStatus, page: page.get(id) ?? 1 }), ...(events ? { events: events(f) } : {}) };
  }
  return out;
}

/** The events link the run's review gives: the run's own events (its predicate and now, or kept in its bundle). */
function eventsOf(db: AppDatabase, runId: number): ((f: WeekFinding) => string) | undefined {
  if (!getRunHeader(db, runId)) return undefined;
  return (f) => runEventsHref(runId, f.key);
}
