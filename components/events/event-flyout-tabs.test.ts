import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { EventFlyout } from './EventFlyout';

const columns: EsqlColumn[] = [
  { name: '@timestamp', type: 'date' },
  { name: 'process.name', type: 'keyword' },
  { name: 'network.direction', type: 'keyword' },
];
const row: EsqlValue[] = ['2026-01-02T00:00:00.000Z', '<img src=x onerror=alert(1)>', 'egress'];
const noop = () => {};

const flyout = (note?: string) =>
  renderToStaticMarkup(createElement(EventFlyout, { columns, row, rowIndex: 0, position: 0, total: 1, onClose: noop, ...(note ? { note } : {}) }));

describe('EventFlyout tabs', () => {
  it('a tablist of Table (selected, in the Tab order) and JSON, each panel labelled by its tab', () => {
    const html = flyout();
    expect(html).toMatch(/role="tablist" aria-label="Event views"/);
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>([^<]*)<\/button>/g)];
    expect(tabs.map((t) => t[1])).toEqual(['Table', 'JSON']);
    expect(tabs[0][0]).toContain('aria-selected="true"');
    expect(tabs[0][0]).toContain('tabindex="0"');
    expect(tabs[1][0]).toContain('aria-selected="false"');
    expect(tabs[1][0]).toContain('tabindex="-1"');
    for (const tab of tabs) {
      const id = tab[0].match(/ id="([^"]+)"/)![1];
      const controls = tab[0].match(/aria-controls="([^"]+)"/)![1];
      expect(html).toMatch(new RegExp(`role="tabpanel" id="${controls}" aria-labelledby="${id}"`));
    }
  });

  it('the JSON panel nests the dotted fields, its values inert text; hidden until chosen', () => {
    const html = flyout();
    const json = html.match(/<div role="tabpanel"[^>]*hidden=""[^>]*><pre class="flyout-json">([\s\S]*?)<\/pre>/);
    expect(json).not.toBeNull();
    const text = json![1].replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    expect(JSON.parse(text)).toEqual({ '@timestamp': '2026-01-02T00:00:00.000Z', network: { direction: 'egress' }, process: { name: '<img src=x onerror=alert(1)>' } });
    expect(html).not.toContain('<img');
  });

  it('says plainly when it shows only the loaded fields', () => {
    expect(flyout()).not.toContain('role="note"');
    expect(flyout('Showing the 3 loaded fields; this event has no _id to fetch the full document by.')).toContain(
      '<p class="flyout-note" role="note">Showing the 3 loaded fields; this event has no _id to fetch the full document by.</p>',
    );
  });
});
