/** The run's summary line says whether the run was saved — and when it was not, why (issue 13). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunResponse } from '@/lib/api/contract';
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

  it('says the run was not saved, and why', () => {
    const html = render({ ...response, notSaved: "this run was not saved: the server's disk is full" });
    expect(html).toContain('this run was not saved: the server&#x27;s disk is full');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('saved as run');
  });
});
