/** The run's summary line: rows, time, the window that ran; and the "Save as run" control beside it (issue 14). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunResponse } from '@/lib/model/api';
import { ResultSummary } from './ResultSummary';
import { saveOutcome, SaveRunView, type SaveState } from './SaveRun';

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
  it('says nothing about saving: viewing a hunt is not a run', () => {
    expect(render(response)).not.toMatch(/saved|run #/i);
  });

  it('claims no end bound for a relative window (issue 14: the query has none), and both bounds for an absolute one', () => {
    const relative = render({ ...response, window: { id: '7d', description: 'last 7 days', from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z', openEnded: true } });
    expect(relative).toContain('(since <time dateTime="2026-01-01T12:00:00.000Z">2026-01-01T12:00:00.000Z</time>, no end bound; now() was <time dateTime="2026-01-08T12:00:00.000Z">2026-01-08T12:00:00.000Z</time>)');
    expect(relative).not.toContain('</time> to <time');
    const absolute = render({ ...response, window: { id: 'custom', description: 'a to b', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' } });
    expect(absolute).toContain('(<time dateTime="2026-01-01T00:00:00.000Z">2026-01-01T00:00:00.000Z</time> to <time dateTime="2026-01-08T00:00:00.000Z">2026-01-08T00:00:00.000Z</time>)');
  });

});

describe('Save as run', () => {
  const view = (state: SaveState) => renderToStaticMarkup(createElement(SaveRunView, { state, onSave: () => undefined }));

  it('offers the button, disabled while saving, then links the saved run instead', () => {
    expect(view({ kind: 'idle' })).toMatch(/<button type="button" class="button"[^>]*>Save as run<\/button>/);
    expect(view({ kind: 'idle' })).not.toContain('disabled');
    expect(view({ kind: 'saving' })).toMatch(/<button[^>]* disabled=""[^>]*>Saving…<\/button>/);
    const saved = view({ kind: 'saved', runId: 12 });
    expect(saved).toContain('<a href="/runs/12">Saved as run #12</a>');
    expect(saved).not.toContain('<button');
  });

  it('shows why a save failed, and lets the analyst try again', () => {
    const html = view({ kind: 'failed', message: "this run was not saved: the server's disk is full" });
    expect(html).toContain('Not saved: this run was not saved: the server&#x27;s disk is full');
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<button[^>]*>Save as run<\/button>/);
    expect(html).not.toContain('disabled');
  });

  it('reads the save answer: the run id, the app state’s refusal, the route’s error, a dead server', () => {
    expect(saveOutcome({ ok: true, body: { ...response, savedRun: 7 } })).toEqual({ kind: 'saved', runId: 7 });
    expect(saveOutcome({ ok: true, body: { ...response, notSaved: 'this run was not saved: full' } })).toEqual({ kind: 'failed', message: 'this run was not saved: full' });
    expect(saveOutcome({ ok: true, body: { ok: false, error: { kind: 'bad_request', message: 'Your role (viewer) cannot save runs for the review.' } } })).toEqual({
      kind: 'failed',
      message: 'Your role (viewer) cannot save runs for the review.',
    });
    expect(saveOutcome({ ok: false, message: 'The Huntboard server did not answer.' })).toEqual({ kind: 'failed', message: 'The Huntboard server did not answer.' });
  });
});
