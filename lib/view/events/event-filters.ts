/**
 * Editing a drill-down's filter list: a new "filter for" or "filter out" replaces any filter on the
 * same field and value (the opposite one included: for and out at once would match nothing), and
 * the list keeps to the count the events request accepts.
 */
import { MAX_EVENT_FILTERS, type EventFilter } from '../../model/api';

const sameTarget = (a: EventFilter, b: EventFilter) => a.field === b.field && a.value === b.value;

export function addEventFilter(filters: readonly EventFilter[], next: EventFilter): EventFilter[] {
  const kept = filters.filter((f) => !sameTarget(f, next));
  return [...kept, next].slice(-MAX_EVENT_FILTERS);
}

export function removeEventFilter(filters: readonly EventFilter[], index: number): EventFilter[] {
  return filters.filter((_, i) => i !== index);
}
