import { describe, expect, it } from 'vitest';
import { backHref, eventsHref, eventsSearch, huntSearch, parseEventsState, parseHuntState, readSort, type HuntViewState } from './hunt-url';

describe('hunt page URL state', () => {
  it('round-trips every part of the view', () => {
    const state: HuntViewState = {
      query: 2,
      window: { id: 'custom', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' },
      variant: 'limit-before-sort',
      sort: [{ id: 'connection_count', desc: true }, { id: 'process.name', desc: false }],
      filters: { 'process.name': '<img', connection_count: '>=2' },
      row: '["kworkerds"]',
    };
    const search = huntSearch(state);
    expect(search).toContain('sort=-connection_count%2Cprocess.name');
    expect(parseHuntState(new URLSearchParams(search))).toEqual(state);
  });

  it('falls back to defaults on junk', () => {
    expect(parseHuntState(new URLSearchParams('q=-3&window=99y&sort=,-,&variant=drop&filter.x='))).toEqual({
      query: 1,
      window: { id: 'hunt' },
      sort: [],
      filters: {},
    });
    expect(parseHuntState(new URLSearchParams('window=custom&from=2026-01-01')).window).toEqual({ id: 'hunt' });
    expect(readSort('a,-b')).toEqual([{ id: 'a', desc: false }, { id: 'b', desc: true }]);
  });
});

describe('drill-down URL state', () => {
  it('keeps the row key as JSON, hostile values included, and the hunt view to go back to', () => {
    const hunt: HuntViewState = { query: 1, window: { id: '14d' }, sort: [{ id: 'connection_count', desc: false }], filters: {} };
    const href = eventsHref('seed', hunt, ['<img src=x onerror=alert(1)>', null, 3], '["x"]');
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/hunts/seed/events');
    const state = parseEventsState(url.searchParams);
    expect(state.key).toEqual(['<img src=x onerror=alert(1)>', null, 3]);
    expect(state.window).toEqual({ id: '14d' });
    expect(parseHuntState(new URLSearchParams(state.back))).toEqual({ ...hunt, row: '["x"]' });
    expect(backHref('seed', state.back)).toBe(`/hunts/seed?${state.back}`);
    const again = parseEventsState(new URLSearchParams(eventsSearch({ ...state, sort: { id: '@timestamp', desc: false }, columns: ['a', 'b'], event: 4 })));
    expect(again).toMatchObject({ sort: { id: '@timestamp', desc: false }, columns: ['a', 'b'], event: 4 });
  });

  it('rejects keys that are not JSON arrays of values', () => {
    expect(parseEventsState(new URLSearchParams('key={"a":1}')).key).toEqual([]);
    expect(parseEventsState(new URLSearchParams('key=[[{}]]')).key).toEqual([]);
    expect(parseEventsState(new URLSearchParams('key=oops')).key).toEqual([]);
    expect(backHref('x', 'a=1&b=<script>')).toBe('/hunts/x?a=1&b=%3Cscript%3E');
  });
});
