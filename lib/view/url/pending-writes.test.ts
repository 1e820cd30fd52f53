import { describe, expect, it } from 'vitest';
import { huntSearch, parseHuntState } from './hunt-url';
import { recordWrite, resolvePending, type PendingWrites } from './pending-writes';

/** One edit as useUrlState makes it: over the latest state written, against the URL shown now. */
function edit(pending: PendingWrites | null, current: string, change: (filters: Record<string, string>) => Record<string, string>) {
  const resolved = resolvePending(pending, current);
  const latest = parseHuntState(new URLSearchParams(resolved.search));
  const written = huntSearch({ ...latest, filters: change(latest.filters) });
  return { written, pending: recordWrite(resolved, current, written) };
}

const without = (name: string) => (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== name));
const withValue = (name: string, value: string) => (f: Record<string, string>) => ({ ...f, [name]: value });

describe('pending URL writes', () => {
  it('keeps a cleared filter when another box commits before the URL has changed (issue 16)', () => {
    const start = huntSearch({ query: 1, window: { id: 'hunt' }, sort: [], filters: { connection_count: '>=2' } });
    const first = edit(null, start, without('connection_count'));
    // The router has not applied the first write yet: the address bar still shows `start`.
    const second = edit(first.pending, start, withValue('process.name', 'curl'));
    expect(parseHuntState(new URLSearchParams(second.written)).filters).toEqual({ 'process.name': 'curl' });
  });

  it('composes over a write still in flight when an earlier one has landed', () => {
    const a = 'q=1';
    const one = edit(null, a, withValue('x', '1'));
    const two = edit(one.pending, a, withValue('y', '2'));
    // The first write lands, the second has not yet.
    const resolved = resolvePending(two.pending, one.written);
    expect(resolved.search).toBe(two.written);
    const three = edit(two.pending, one.written, withValue('z', '3'));
    expect(parseHuntState(new URLSearchParams(three.written)).filters).toEqual({ x: '1', y: '2', z: '3' });
  });

  it('forgets its writes once the URL shows the last one', () => {
    const one = edit(null, 'q=1', withValue('x', '1'));
    expect(resolvePending(one.pending, one.written)).toEqual({ search: one.written, pending: null });
  });

  it('lets the URL win when it moved elsewhere (back button)', () => {
    const one = edit(null, 'q=1', withValue('x', '1'));
    expect(resolvePending(one.pending, 'q=2&sort=-a')).toEqual({ search: 'q=2&sort=-a', pending: null });
  });

  it('records nothing for a write that changes nothing', () => {
    expect(recordWrite({ search: 'q=1', pending: null }, 'q=1', 'q=1')).toBeNull();
  });
});
