/**
 * The URL of a saved run's events page (/runs/ID/events): the finding's key, and the view (sort,
 * columns, open event) as the hunt's events page keeps it. No window: the run's own predicate is
 * the window.
 */
import { parseEventsState, writeEventFilters, writeSort, type EventsViewState } from './hunt-url';

export type RunEventsState = Pick<EventsViewState, 'key' | 'sort' | 'columns' | 'event' | 'filters'>;

export function parseRunEventsState(params: URLSearchParams): RunEventsState {
  const { key, sort, columns, event, filters } = parseEventsState(params);
  return { key, sort, ...(columns ? { columns } : {}), ...(event !== undefined ? { event } : {}), ...(filters ? { filters } : {}) };
}

export function runEventsSearch(state: RunEventsState): string {
  const out = new URLSearchParams();
  out.set('key', JSON.stringify(state.key));
  if (state.sort) out.set('sort', writeSort([state.sort]));
  if (state.columns) out.set('cols', state.columns.join(','));
  if (state.event !== undefined) out.set('event', String(state.event));
  writeEventFilters(out, state.filters);
  return out.toString();
}

/** `findingKey` is the stored key: the JSON of the finding's BY values. */
export function runEventsHref(runId: number, findingKey: string): string {
  return `/runs/${runId}/events?${new URLSearchParams({ key: findingKey }).toString()}`;
}
