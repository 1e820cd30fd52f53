/**
 * What the week page and the report route show: the summary of one week (by default the one
 * serverNow() falls in) over the app state and the hunt catalogue, with its neighbours for
 * navigation. A week named in a URL must be a Monday; anything else is an answer, not a throw.
 */
import type { AppDatabase } from '../appstate/db';
import { loadCatalogue } from '../hunts/catalogue';
import { queryLabels } from '../hunts/query-labels';
import type { Hunt } from '../hunts/types';
import { parseWeekStart, shiftWeek, summarizeWeek, weekContaining, type HuntRef, type WeekSummary } from '../review/week';
import { serverAppState } from './app-state';
import { serverNow } from './now';

export type WeekView =
  | {
      kind: 'ok';
      summary: WeekSummary;
      previousWeek: string;
      nextWeek: string;
      /** The week serverNow() falls in (still running). */
      isCurrent: boolean;
      /** A week after the current one: nothing can have happened yet. */
      isFuture: boolean;
    }
  | { kind: 'invalid'; message: string };

/** The catalogue's runnable (ES|QL) queries with the tab labels the hunt page uses. */
export function huntRefs(hunts: readonly Hunt[]): HuntRef[] {
  return hunts.map((hunt) => {
    const labels = queryLabels(hunt);
    return {
      id: hunt.id,
      name: hunt.name,
      queries: hunt.queries.filter((q) => q.language === 'ES|QL').map((q) => ({ number: q.number, label: labels.get(q.number) ?? `Query ${q.number}` })),
    };
  });
}

export async function weekView(start?: string, db: AppDatabase = serverAppState(), now: Date = serverNow()): Promise<WeekView> {
  const current = weekContaining(now);
  let week = current;
  if (start !== undefined) {
    const parsed = parseWeekStart(start);
    if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
    week = parsed.week;
  }
  const catalogue = await loadCatalogue();
  return {
    kind: 'ok',
    summary: summarizeWeek(db, week, huntRefs(catalogue.hunts), now.toISOString()),
    previousWeek: shiftWeek(week, -1).start,
    nextWeek: shiftWeek(week, 1).start,
    isCurrent: week.start === current.start,
    isFuture: week.start > current.start,
  };
}
