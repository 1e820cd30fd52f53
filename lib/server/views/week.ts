/**
 * What the week page and the report route show: one week (by default the one serverNow() falls
 * in) over the app state and the hunt catalogue: as it is, or as signed with the changes since,
 * with its neighbours for navigation and each listed finding's links. A week named in a URL must
 * be a date; anything else is an answer, not a throw.
 */
import 'server-only';
import type { AppDatabase } from '../../appstate/database';
import { loadCatalogue } from '../../hunts/catalogue';
import { queryLabels } from '../../hunts/query-labels';
import type { Hunt } from '../../hunts/types';
import type { HuntRef } from '../../review/week';
import { shiftWeek, weekContaining, weekOfDay } from '../../review/week-bounds';
import { weekFindingLinks, type FindingLinks } from '../../review/week-links';
import { weekRecord, type WeekHistory } from '../../review/week-record';
import { serverAppState } from '../process/app-state';
import { serverNow } from '../process/now';

export type WeekView =
  | (WeekHistory & {
      kind: 'ok';
      previousWeek: string;
      nextWeek: string;
      /** The week serverNow() falls in (still running). */
      isCurrent: boolean;
      /** A week after the current one: nothing can have happened yet. */
      isFuture: boolean;
      /** Per finding listed (lib/review/week-links findingId): its review row and events. */
      links: Record<string, FindingLinks>;
    })
  | { kind: 'invalid'; message: string }
  /** A day that is not the Monday: the week it falls in. */
  | { kind: 'moved'; week: string };

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

/** `week`: a day of the week (YYYY-MM-DD); any but its Monday answers `moved`, to the Monday. */
export async function weekView(week?: string, db: AppDatabase = serverAppState(), now: Date = serverNow()): Promise<WeekView> {
  const current = weekContaining(now);
  let shown = current;
  if (week !== undefined) {
    const parsed = weekOfDay(week);
    if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
    if (parsed.week.monday !== week) return { kind: 'moved', week: parsed.week.monday };
    shown = parsed.week;
  }
  const catalogue = await loadCatalogue();
  const history = weekRecord(db, shown, huntRefs(catalogue.hunts), now.toISOString());
  const s = history.record.summary;
  const changed = history.record.kind === 'snapshot' ? history.record.changes.findings.map((c) => c.finding) : [];
  return {
    kind: 'ok',
    ...history,
    links: weekFindingLinks(db, [s.findings, s.gone], [...s.untriaged, ...changed]),
    previousWeek: shiftWeek(shown, -1).monday,
    nextWeek: shiftWeek(shown, 1).monday,
    isCurrent: shown.monday === current.monday,
    isFuture: shown.monday > current.monday,
  };
}
