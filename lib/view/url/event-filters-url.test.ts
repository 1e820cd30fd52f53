import { describe, expect, it } from 'vitest';
import type { EventFilter } from '../../model/api';
import { MAX_EVENT_FILTERS } from '../../model/api';
import { eventsSearch, parseEventsState, readEventFilters } from './hunt-url';
import { parseRunEventsState, runEventsSearch } from './run-events-url';

const filters: EventFilter[] = [
  { field: 'destination.ip', value: '10.0.0.1', negate: false },
  { field: 'host.name', value: 'web "1" & <b>', negate: true },
  { field: 'destination.port', value: 443, negate: false },
  { field: 'user.name', value: null, negate: true },
];

describe('the drill-down URL keeps its filters', () => {
  it('writes and reads them back, with the rest of the view', () => {
    const search = eventsSearch({ query: 2, window: { id: '7d' }, key: ['curl'], sort: null, filters, back: 'q=2' });
    const state = parseEventsState(new URLSearchParams(search));
    expect(state.filters).toEqual(filters);
    expect(state.key).toEqual(['curl']);
    expect(state.back).toBe('q=2');
  });

  it('leaves them out when there are none', () => {
    const search = eventsSearch({ query: 1, window: { id: 'hunt' }, key: ['a'], sort: null, filters: [], back: '' });
    expect(search).not.toContain('filters');
    expect(parseEventsState(new URLSearchParams(search)).filters).toBeUndefined();
  });

  it('drops junk: bad JSON, wrong shapes, arrays as values, more than the cap', () => {
    expect(readEventFilters('not json')).toEqual([]);
    expect(readEventFilters('{"field":"a"}')).toEqual([]);
    expect(readEventFilters('[{"field":"a","value":["x"],"negate":false},{"field":"","value":"x","negate":false},{"field":"b","value":"x"}]')).toEqual([]);
    expect(readEventFilters('[{"field":"a","value":"x","negate":false,"extra":1}]')).toEqual([{ field: 'a', value: 'x', negate: false }]);
    const many = JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ field: `f${i}`, value: i, negate: false })));
    expect(readEventFilters(many)).toHaveLength(MAX_EVENT_FILTERS);
  });

  it('a saved run’s events page keeps them too', () => {
    const search = runEventsSearch({ key: ['a'], sort: null, filters });
    expect(parseRunEventsState(new URLSearchParams(search)).filters).toEqual(filters);
  });
});
