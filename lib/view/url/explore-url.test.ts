import { describe, expect, it } from 'vitest';
import { EXPLORE_LIMITS, EXPLORE_PATH, exploreHref, exploreSearch, parseExploreState, readParams, type ExploreViewState } from './explore-url';

const parse = (href: string) => parseExploreState(new URLSearchParams(href.slice(href.indexOf('?') + 1)));

describe('explore URL state', () => {
  it('reads what exploreHref writes: query, params, window', () => {
    const href = exploreHref({ query: 'FROM logs-* | WHERE destination.ip == ?ip', params: [{ ip: '10.0.0.1' }], window: { id: 'custom', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' } });
    expect(href.startsWith(`${EXPLORE_PATH}?`)).toBe(true);
    expect(parse(href)).toEqual({
      query: 'FROM logs-* | WHERE destination.ip == ?ip',
      params: [{ ip: '10.0.0.1' }],
      window: { id: 'custom', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' },
      sort: null,
      notes: [],
    });
  });

  it('round-trips the result view: sort, columns, open event', () => {
    const state: ExploreViewState = { query: 'FROM a', params: [{ n: 3 }, { m: ['x', null] }], window: { id: '7d' }, sort: { id: 'host.name', desc: true }, columns: ['a', 'b'], event: 4, notes: [] };
    expect(parseExploreState(new URLSearchParams(exploreSearch(state)))).toEqual(state);
    expect(exploreSearch({ query: '', params: [], window: { id: 'hunt' }, sort: null, notes: ['ignored'] })).toBe('');
  });

  it('ignores params that are not JSON or not {name: value}, with a note', () => {
    expect(readParams('{oops')).toEqual({ params: [], notes: ['The link’s params are not JSON: they were ignored.'] });
    expect(readParams('{"ip": "x"}').notes).toEqual(['The link’s params are not a list of {name: value}: they were ignored.']);
    expect(readParams('[{"ip": "x"}, {"a": 1, "b": 2}, {"1bad": 1}, {"o": {"deep": 1}}, 5]')).toEqual({
      params: [{ ip: 'x' }],
      notes: ['4 params of the link could not be read and were ignored.'],
    });
  });

  it('bounds what a link can carry', () => {
    const many = JSON.stringify(Array.from({ length: EXPLORE_LIMITS.params + 5 }, (_, i) => ({ [`p${i}`]: i })));
    const read = readParams(many);
    expect(read.params).toHaveLength(EXPLORE_LIMITS.params);
    expect(read.notes).toEqual([`Only the first ${EXPLORE_LIMITS.params} params of the link were kept.`]);
    expect(readParams(JSON.stringify([{ s: 'x'.repeat(EXPLORE_LIMITS.valueChars + 1) }])).params).toEqual([]);
    const long = parseExploreState(new URLSearchParams({ esql: 'x'.repeat(EXPLORE_LIMITS.queryChars + 1) }));
    expect(long.query).toBe('');
    expect(long.notes[0]).toMatch(/longer than/);
    expect(parseExploreState(new URLSearchParams('event=-1&window=bogus'))).toMatchObject({ window: { id: 'hunt' }, query: '' });
    expect(parseExploreState(new URLSearchParams('event=-1')).event).toBeUndefined();
  });
});
