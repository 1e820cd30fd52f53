import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExploreResponse } from '@/lib/model/api';
import { CompletionList, firstShown, VISIBLE_OPTIONS } from './CompletionList';
import { EsqlEditor } from './EsqlEditor';
import { ExploreResult } from './ExploreResult';
import { ParamsEditor } from './ParamsEditor';
import { NO_METADATA_NOTE } from './use-explore-document';

const HOSTILE = '<img src=x onerror=alert(1)>';
const noop = () => {};

describe('EsqlEditor', () => {
  it('renders a labelled textarea over a highlighted, hidden copy of the text', () => {
    const html = renderToStaticMarkup(
      createElement(EsqlEditor, { label: 'ES|QL query', value: `FROM logs-* | WHERE process.name == "${HOSTILE}"`, onChange: noop, onRun: noop, sources: { indices: [] }, params: [] }),
    );
    expect(html).toMatch(/<label for="([^"]+)-text"[^>]*>ES\|QL query<\/label>/);
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toMatch(/<pre class="esql-editor-overlay" aria-hidden="true">/);
    expect(html).toContain('<span class="esql-command">FROM</span>');
    expect(html).toContain('<span class="esql-source">logs-*</span>');
    // The value is text in both places, never markup.
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('CompletionList', () => {
  it('is a listbox of options, the active one selected, labels inert', () => {
    const html = renderToStaticMarkup(
      createElement(CompletionList, {
        id: 'list',
        active: 1,
        onPick: noop,
        items: [
          { label: 'destination.ip', insert: 'destination.ip', kind: 'field', detail: 'ip' },
          { label: HOSTILE, insert: 'x', kind: 'index' },
        ],
      }),
    );
    expect(html).toContain('role="listbox"');
    expect(html).toContain('id="list-option-0" role="option" aria-selected="false" aria-setsize="2" aria-posinset="1"');
    expect(html).toContain('id="list-option-1" role="option" aria-selected="true" aria-setsize="2" aria-posinset="2"');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('more');
  });

  it('shows a window of options around the active one, saying how many are above and below', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ label: `f${i}`, insert: `f${i}`, kind: 'field' as const }));
    expect(firstShown(0, 40)).toBe(0);
    expect(firstShown(20, 40)).toBe(20 - VISIBLE_OPTIONS / 2);
    expect(firstShown(39, 40)).toBe(40 - VISIBLE_OPTIONS);
    expect(firstShown(3, 5)).toBe(0);
    const html = renderToStaticMarkup(createElement(CompletionList, { id: 'l', items, active: 20, onPick: noop }));
    expect((html.match(/role="option"/g) ?? []).length).toBe(VISIBLE_OPTIONS);
    expect(html).toContain('id="l-option-20" role="option" aria-selected="true" aria-setsize="40" aria-posinset="21"');
    expect(html).toContain(`↑ ${20 - VISIBLE_OPTIONS / 2} more`);
    expect(html).toContain(`↓ ${40 - 20 - VISIBLE_OPTIONS / 2} more: keep typing to narrow`);
  });
});

describe('ParamsEditor', () => {
  it('names every box, and ties a problem to its row', () => {
    const html = renderToStaticMarkup(createElement(ParamsEditor, { rows: [{ name: 'ip', value: '10.0.0.1' }, { name: '1x', value: '' }], onChange: noop, problem: { row: 1, message: 'Bad name.' } }));
    expect(html).toContain('Param 1 name');
    expect(html).toContain('Param 2 value');
    expect(html).toContain('value="10.0.0.1"');
    expect(html).toMatch(/aria-invalid="true" aria-describedby="[^"]+-problem"/);
    expect(html).toContain('role="alert">Bad name.</p>');
    expect(renderToStaticMarkup(createElement(ParamsEditor, { rows: [], onChange: noop }))).toContain('None.');
  });
});

describe('ExploreResult', () => {
  const response: Extract<ExploreResponse, { ok: true }> = {
    ok: true,
    effectiveQuery: 'FROM logs-* | STATS n = COUNT(*) BY process.name | LIMIT 2',
    params: [],
    window: { id: 'hunt', description: 'as written in the query' },
    result: { columns: [{ name: 'n', type: 'long' }, { name: 'process.name', type: 'keyword' }], values: [[3, 'curl'], [1, HOSTILE]], warnings: ['No limit defined, adding default limit of [1000]'], took: 12, is_partial: false },
    truncated: true,
  };

  it('shows the figures, every column of a narrow result, the truncation in its own words, and the text that ran', () => {
    const html = renderToStaticMarkup(createElement(ExploreResult, { response, view: { sort: null }, onViewChange: noop }));
    expect(html).toContain('2 rows in 12 ms · as written in the query');
    expect(html).toContain('reached the query’s LIMIT');
    expect(html).toContain('Warning: No limit defined, adding default limit of [1000]');
    expect(html).toContain('aria-label="Explore result"');
    expect(html).toMatch(/>n<[\s\S]*>process\.name</);
    expect(html).toContain('aria-label="Explore ES|QL"');
    expect(html).not.toContain('capped at');
    expect(html).not.toContain('<img');
  });

  it('opens a row in the flyout, saying how to see the whole document when the query kept no _id', () => {
    const html = renderToStaticMarkup(createElement(ExploreResult, { response, view: { sort: null, event: 0 }, onViewChange: noop }));
    expect(html).toContain('role="dialog"');
    expect(html).toContain(NO_METADATA_NOTE);
    expect(html).toContain('curl');
  });
});
