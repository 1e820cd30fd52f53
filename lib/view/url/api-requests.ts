/**
 * The bodies of the hunt page's and the drill-down's API calls, from their URL's view state: one
 * definition for the browser that sends them and the server that answers the first one while
 * rendering the page (a server answer counts only for the very same body).
 */
import type { EventsViewState, HuntViewState } from './hunt-url';

export function runRequest(state: Pick<HuntViewState, 'window' | 'variant'>) {
  return { window: state.window, ...(state.variant ? { variant: state.variant } : {}) };
}

export function eventsRequest(state: Pick<EventsViewState, 'window' | 'variant' | 'key' | 'columns' | 'filters'>) {
  return {
    window: state.window,
    ...(state.variant ? { variant: state.variant } : {}),
    key: state.key,
    ...(state.columns ? { columns: state.columns } : {}),
    ...(state.filters?.length ? { filters: state.filters } : {}),
  };
}
