import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { destinationBreakdown } from '@/lib/view/events/destinations';
import { timelineOf } from '@/lib/view/events/timeline';
import { ColumnChooser } from './ColumnChooser';
import { DestinationBreakdown, destinationLabel } from './DestinationBreakdown';
import { EventFlyout } from './EventFlyout';
import { EventsTable } from './EventsTable';
import { EventsView } from './EventsView';
import { Timeline } from './Timeline';

const columns: EsqlColumn[] = [
  { name: '@timestamp', type: 'date' },
  { name: 'host.name', type: 'keyword' },
  { name: 'destination.ip', type: 'ip' },
  { name: 'destination.port', type: 'long' },
  { name: 'process.executable', type: 'keyword' },
  { name: 'extra.field', type: 'keyword' },
];
const HOSTILE = '<img src=x onerror=alert(1)>';

function rows(n: number): EsqlValue[][] {
  return Array.from({ length: n }, (_, i) => [
    new Date(Date.UTC(2026, 0, 2) + i * 60_000).toISOString(),
    `host-${i % 7}`,
    `10.0.${i % 3}.${i % 250}`,
    443,
    i === 0 ? HOSTILE : '/usr/bin/curl',
    null,
  ]);
}

const noop = () => {};
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('EventsTable', () => {
  const table = (values: EsqlValue[][], sort: { id: string; desc: boolean } | null = null) =>
    renderToStaticMarkup(
      createElement(EventsTable, { columns, values, visibleColumns: ['@timestamp', 'host.name', 'destination.ip'], sort, onSortChange: noop, onOpenRow: noop }),
    );

  it('renders a real table head with scope and aria-sort', () => {
    const html = table(rows(3), { id: 'host.name', desc: true });
    expect(count(html, /<th scope="col"/g)).toBe(3);
    expect(html).toContain('<th scope="col" aria-sort="descending" class="sizable"><button');
    expect(count(html, /role="separator"[^>]*aria-label="Resize column /g)).toBe(3);
    expect(count(html, /aria-sort="none"/g)).toBe(2);
    expect(html).not.toContain('process.executable');
  });

  it('renders only a window of 10,000 rows, with spacers keeping the scroll height', () => {
    const html = table(rows(10000));
    const rendered = count(html, /data-row-index="/g);
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(html).toContain('aria-rowcount="10001"');
    expect(html).toMatch(/class="events-spacer"><td colSpan="3" style="height:\d+px"/);
    // exactly one tab stop among the rows (the header's resize handles are stops of their own)
    expect(count(html, /<tr[^>]*tabindex="0"/gi)).toBe(1);
  });

  it('renders rows in the sorted order', () => {
    const html = table(rows(5), { id: '@timestamp', desc: true });
    const order = [...html.matchAll(/data-row-index="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([4, 3, 2, 1, 0]);
  });

  it('keeps hostile values inert', () => {
    const html = renderToStaticMarkup(
      createElement(EventsTable, { columns, values: rows(2), visibleColumns: ['process.executable'], sort: null, onSortChange: noop, onOpenRow: noop }),
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('EventFlyout', () => {
  it('is a labelled modal dialog listing the non-null fields by group', () => {
    const html = renderToStaticMarkup(
      createElement(EventFlyout, { columns, row: rows(1)[0], rowIndex: 0, position: 0, total: 10, onClose: noop, onNext: noop }),
    );
    expect(html).toMatch(/role="dialog" aria-modal="true" aria-labelledby="([^"]+)"/);
    const id = html.match(/aria-labelledby="([^"]+)"/)![1];
    expect(html).toContain(`<h2 id="${id}">Event 1 of 10</h2>`);
    expect(html).toContain('>destination</th>');
    expect(html).toContain('>destination.port</th>');
    expect(html).not.toContain('extra.field');
    expect(html).toContain('Copy JSON');
    expect(html).toMatch(/<button type="button" class="button" disabled="">← Previous/);
    expect(html).not.toMatch(/disabled="">Next/);
    expect(html).not.toContain('<img');
  });
});

describe('Timeline and DestinationBreakdown', () => {
  it('labels the timeline image with a summary and lists the buckets', () => {
    const values = rows(30);
    const html = renderToStaticMarkup(createElement(Timeline, { timeline: timelineOf(columns, values) }));
    expect(html).toContain('role="img" aria-label="30 events on 2026-01-02, peak 1 at 2026-01-02 00:00:00 UTC (30s buckets)"');
    // 29 minutes in 30 s buckets: 59 of them, the empty ones included
    expect(count(html, /<time dateTime=/g)).toBe(59);
    expect(html).toContain('Counts per 30s bucket (59)');
  });

  it('tabulates the top destinations with shares', () => {
    const html = renderToStaticMarkup(createElement(DestinationBreakdown, { breakdown: destinationBreakdown(columns, rows(30)) }));
    expect(html).toContain('<th scope="col">Destination</th>');
    expect(html).toMatch(/10\.0\.0\.0.*443.*1.*3\.3%/s);
  });
});

describe('ColumnChooser', () => {
  it('shows the count and, open, a checkbox per column', () => {
    const html = renderToStaticMarkup(createElement(ColumnChooser, { columns, value: ['host.name', '@timestamp'], onChange: noop, defaultOpen: true }));
    expect(html).toContain('Columns (2)');
    expect(html).toContain('aria-expanded="true"');
    expect(count(html, /type="checkbox"/g)).toBe(columns.length);
    expect(count(html, /checked=""/g)).toBe(2);
  });
});

describe('EventsView', () => {
  it('composes summary, the charts’ place, table and the open event', () => {
    const response = { ok: true as const, effectiveQuery: 'FROM x', params: [], window: { id: '7d', description: 'last 7 days' }, result: { columns, values: rows(12), warnings: [], took: 1, is_partial: false }, available: columns, truncated: true };
    const html = renderToStaticMarkup(
      createElement(EventsView, { response, sort: null, onSortChange: noop, onVisibleColumnsChange: noop, openRow: 3, onOpenRowChange: noop }),
    );
    expect(html).toContain('12 events; newest first; capped at 10,000');
    expect(html).toContain('Columns (5)');
    // The charts load after the table (their own tests are above): a placeholder holds their place.
    expect(html).toContain('class="events-charts-loading"');
    expect(html).toContain('role="dialog"');
    expect(html).toContain('Event 4 of 12');
    expect(html).toContain('data-row-index="3" aria-rowindex="5" aria-current="true"');
  });

  it('keeps a hostile event inert in the table and the flyout', () => {
    const response = { ok: true as const, effectiveQuery: '', params: [], window: { id: 'hunt', description: '' }, result: { columns, values: rows(3), warnings: [], took: 1, is_partial: false }, available: columns, truncated: false };
    const html = renderToStaticMarkup(
      createElement(EventsView, { response, sort: null, onSortChange: noop, onVisibleColumnsChange: noop, openRow: 0, onOpenRowChange: noop }),
    );
    expect(html).toContain('3 events; newest first');
    expect(html).not.toContain('capped');
    expect(html).not.toContain('<img');
    // the table's cell, the flyout's Table tab and its JSON tab
    expect(count(html, /&lt;img src=x onerror=alert\(1\)&gt;/g)).toBe(3);
  });
});

describe('destinationLabel', () => {
  it('brackets IPv6 and keeps labels inert', () => {
    expect(destinationLabel('2001:db8::1', 443)).toBe('[2001:db8::1]:443');
    expect(destinationLabel('1.2.3.4', null)).toBe('1.2.3.4');
    expect(destinationLabel(null, 53)).toBe('(none):53');
    expect(destinationLabel('a\u202eb', 1)).toBe('a\\u202eb:1');
  });
});
