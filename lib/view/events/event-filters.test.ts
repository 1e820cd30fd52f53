import { describe, expect, it } from 'vitest';
import { MAX_EVENT_FILTERS } from '../../model/api';
import { addEventFilter, removeEventFilter } from './event-filters';

describe('editing a drill-down’s filters', () => {
  it('adds, replaces the opposite filter on the same value, and removes by position', () => {
    const a = addEventFilter([], { field: 'host.name', value: 'h1', negate: false });
    const b = addEventFilter(a, { field: 'destination.port', value: 443, negate: false });
    expect(b).toHaveLength(2);
    const flipped = addEventFilter(b, { field: 'host.name', value: 'h1', negate: true });
    expect(flipped).toEqual([
      { field: 'destination.port', value: 443, negate: false },
      { field: 'host.name', value: 'h1', negate: true },
    ]);
    // The number 443 and the text "443" are different values.
    expect(addEventFilter(flipped, { field: 'destination.port', value: '443', negate: false })).toHaveLength(3);
    expect(removeEventFilter(flipped, 0)).toEqual([{ field: 'host.name', value: 'h1', negate: true }]);
  });

  it('keeps to the cap, dropping the oldest', () => {
    let list = [] as ReturnType<typeof addEventFilter>;
    for (let i = 0; i < MAX_EVENT_FILTERS + 3; i++) list = addEventFilter(list, { field: 'f', value: i, negate: false });
    expect(list).toHaveLength(MAX_EVENT_FILTERS);
    expect(list[0].value).toBe(3);
  });
});
