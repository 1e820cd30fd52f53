/** useApiPost's initial answer: the server's answer settles its own request, and only that one. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunResponse } from '@/lib/model/api';
import { CANCELLED, jsonText, type InitialCall, type SettledCall } from '@/lib/model/initial-call';
import { AwaitServerAnswer } from './AwaitServerAnswer';
import { settledByServer, useApiPost } from './use-api';

const RUN_URL = '/api/hunts/h/queries/1/run';
const answer: Extract<RunResponse, { ok: true }> = {
  ok: true,
  hunt: 'h',
  query: 1,
  effectiveQuery: 'FROM x',
  params: [],
  window: { id: '7d', description: 'last 7 days' },
  result: { columns: [], values: [[1], [2], [3]], warnings: [], took: 3, is_partial: false },
  findings: [],
  keys: [],
};
const served = (body: unknown, a: RunResponse = answer): SettledCall<RunResponse> => ({ url: RUN_URL, body, answer: a });

function Probe({ url, body, initial }: { url: string | null; body: unknown; initial?: SettledCall<RunResponse> }) {
  const { state } = useApiPost<RunResponse>(url, body, initial);
  return createElement('p', null, state.status === 'done' ? `done ${state.data.result.values.length}` : state.status === 'failed' ? `failed ${state.error.kind}` : state.status);
}
const render = (props: Parameters<typeof Probe>[0]) => renderToStaticMarkup(createElement(Probe, props));

describe('useApiPost with the answer the server rendered', () => {
  it('shows the answer at once (in the server’s HTML too) for the request it answers', () => {
    expect(render({ url: RUN_URL, body: { window: { id: '7d' } }, initial: served({ window: { id: '7d' } }) })).toBe('<p>done 3</p>');
  });

  it('does not take it for another request: another body, another url, or none', () => {
    expect(render({ url: RUN_URL, body: { window: { id: '24h' } }, initial: served({ window: { id: '7d' } }) })).toBe('<p>loading</p>');
    expect(render({ url: '/api/hunts/h/queries/2/run', body: { window: { id: '7d' } }, initial: served({ window: { id: '7d' } }) })).toBe('<p>loading</p>');
    expect(render({ url: null, body: {}, initial: served({}) })).toBe('<p>idle</p>');
    expect(render({ url: RUN_URL, body: {} })).toBe('<p>loading</p>');
  });

  it('shows a failed or cancelled answer as the failure it is', () => {
    expect(render({ url: RUN_URL, body: {}, initial: served({}, { ok: false, error: { kind: 'timeout', message: 'slow' } }) })).toBe('<p>failed timeout</p>');
    expect(render({ url: RUN_URL, body: {}, initial: served({}, CANCELLED) })).toBe('<p>failed cancelled</p>');
  });

  it('keys the answer by the first attempt of its request, so "Run again" asks the API', () => {
    expect(settledByServer(served(undefined))?.request).toBe(`0\0${RUN_URL}\0{}`);
    expect(settledByServer(undefined)).toBeNull();
  });
});

describe('AwaitServerAnswer', () => {
  const withCall = (call: InitialCall<RunResponse> | undefined) =>
    renderToStaticMarkup(createElement(Harness, { call }));
  function Harness({ call }: { call: InitialCall<RunResponse> | undefined }) {
    return AwaitServerAnswer<RunResponse>({ call, what: 'All users', children: (initial) => createElement(Probe, { url: RUN_URL, body: {}, initial }) });
  }

  it('shows the run’s progress with Cancel in the answer’s place while the server computes it', () => {
    const html = withCall({ url: RUN_URL, body: {}, answer: new Promise(() => {}) });
    expect(html).toContain('Running All users…');
    expect(html).toContain('Cancel');
  });

  it('renders an answer the server already has at once, with no progress shown', () => {
    expect(withCall({ url: RUN_URL, body: {}, answer: jsonText(answer) })).toBe('<p>done 3</p>');
  });

  it('renders its children with no answer when the server gives none', () => {
    expect(withCall(undefined)).toBe('<p>loading</p>');
  });
});
