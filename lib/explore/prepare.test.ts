/**
 * One job, one answer: Explore prepares a query exactly as the hunt runner prepares a hunt query —
 * the same text, params and window for the shipped hunts' queries under every window choice.
 */
import { describe, expect, it } from 'vitest';
import { loadDirectory, builtinHuntsDir } from '../hunts/catalogue';
import { prepareHuntQuery } from '../hunts/run/prepare';
import type { WindowSpec } from '../hunts/run/window-spec';
import { parseExplore, prepareExplore } from './prepare';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const WINDOWS: WindowSpec[] = [{ id: 'hunt' }, { id: '24h' }, { id: '30d' }, { id: 'custom', from: '2026-01-01', to: '2026-01-02T06:00:00Z' }];

describe('prepareExplore against prepareHuntQuery', () => {
  it('gives the hunt runner’s text, params and window for every shipped ES|QL query', async () => {
    const catalogue = await loadDirectory(builtinHuntsDir(), 'builtin');
    const queries = catalogue.hunts.flatMap((hunt) => hunt.queries.filter((q) => q.language === 'ES|QL' && q.parsed.ok).map((q) => ({ hunt, q })));
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const { hunt, q } of queries) {
      for (const window of WINDOWS) {
        const hunted = prepareHuntQuery(hunt, q.number, { window, now: NOW });
        if (!hunted.ok) throw new Error(hunted.error.message);
        const parsed = parseExplore(q.text);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const explored = prepareExplore(parsed.query, { query: q.text, params: [], window }, NOW);
        if (!explored.ok) throw new Error(explored.error.message);
        const { text, params, window: info } = hunted.prepared;
        expect({ id: `${hunt.id}/${q.number}/${window.id}`, text: explored.prepared.text, params: explored.prepared.params, window: explored.prepared.window }).toEqual({
          id: `${hunt.id}/${q.number}/${window.id}`,
          text,
          params,
          window: info,
        });
      }
    }
  });
});
