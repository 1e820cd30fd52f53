/** The run's summary line says whether the run was saved — and when it was not, why (issue 13). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunResponse } from '@/lib/model/api';
import { ResultSummary } from './ResultSummary';

const response: Extract<RunResponse, { ok: true }> = {
  ok: true,
  hunt: 'h',
  query: 1,
  effectiveQuery: 'FROM x',
  params: [],
  window: { id: '7d', description: 'last 7 days' },
  result: { columns: [], values: [], warnings: [], took: 3, is_partial: false },
  findings: [],
  keys: [],
};
const render = (r: typeof response) => renderToStaticMarkup(createElement(ResultSummary, { response: r }));

describe('ResultSummary', () => {
  it('links the saved run', () => {
    expect(render({ ...response, savedRun: 12 })).toContain('<a href="/runs/12">saved as run #12</a>');
  });

  it('claims no end bound for a relative window (issue 14: the query has none), and both bounds for an absolute one', () => {
    const relative = render({ ...response, window: { id: '7d', description: 'last 7 days', from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z', openEnded: true } });
    expect(relative).toContain('(since <time dateTime="2026-01-01T12:00:00.000Z">2026-01-01T12:00:00.000Z</time>, no end bound; now() was <time dateTime="2026-01-08T12:00:00.000Z">2026-01-08T12:00:00.000Z</time>)');
    expect(relative).not.toContain('</time> to <time');
    const absolute = render({ ...response, window: { id: 'custom', description: 'a to b', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' } });
    expect(absolute).toContain('(<time dateTime="2026-01-01T00:00:00.000Z">2026-01-01T00:00:00.000Z</time> to <time dateTime="2026-01-08T00:00:00.000Z">2026-01-08T00:00:00.000Z</time>)');
  });

  it('says the run was not saved, and why', () => {
    const html = render({ ...response, notSaved: "this run was not saved: the server's disk is full" });
    expect(html).toContain('this run was not saved: the server&#x27;s disk is full');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('saved as run');
  });
});
