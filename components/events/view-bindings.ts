/**
 * The view an events page keeps in its URL (sort, chosen columns, the event open in the flyout)
 * wired to EventsView's props, so the drill-down and Explore bind it the same way.
 */
import type { EventSort } from '@/lib/view/events/sort';

export interface EventsViewState {
  sort: EventSort | null;
  columns?: string[];
  event?: number;
}

export function eventsViewBindings(view: EventsViewState, onViewChange: (next: Partial<EventsViewState>) => void) {
  return {
    sort: view.sort,
    onSortChange: (sort: EventSort | null) => onViewChange({ sort: sort ?? null }),
    visibleColumns: view.columns,
    onVisibleColumnsChange: (columns: string[] | undefined) => onViewChange({ columns }),
    openRow: view.event,
    onOpenRowChange: (event: number | undefined) => onViewChange({ event }),
  };
}
