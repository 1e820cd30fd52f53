import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { CellActions } from '@/components/table/CellActions';
import { FieldSidebar } from './FieldSidebar';
import { FilterChips } from './FilterChips';

const noop = () => undefined;

describe('CellActions', () => {
  it('is a menu button named by its field, out of the Tab order when asked, its menu not rendered until opened', () => {
    const html = renderToStaticMarkup(createElement(CellActions, { field: 'destination.ip', type: 'ip', value: '10.0.0.1', config: { onFilter: noop } }));
    expect(html).toContain('aria-haspopup="menu"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-label="Actions for destination.ip"');
    expect(html).not.toContain('tabindex');
    expect(html).not.toContain('role="menu"');
    const hidden = renderToStaticMarkup(createElement(CellActions, { field: 'x', type: 'keyword', value: 'v', config: {}, tabbable: false }));
    expect(hidden).toContain('tabindex="-1"');
  });

  it('names a hostile field escaped, as text', () => {
    const html = renderToStaticMarkup(createElement(CellActions, { field: '<b>\u202e', type: 'keyword', value: 'v', config: {} }));
    expect(html).not.toContain('<b>');
    expect(html).toContain('Actions for &lt;b&gt;\\u202e');
  });
});

describe('FilterChips', () => {
  it('lists each filter with a remove button, NOT for a filter out, values escaped', () => {
    const html = renderToStaticMarkup(
      createElement(FilterChips, {
        filters: [
          { field: 'host.name', value: '<img src=x>', negate: false },
          { field: 'destination.port', value: 443, negate: true },
        ],
        onRemove: noop,
        onClear: noop,
      }),
    );
    expect(html).toContain('aria-label="Active filters"');
    expect(html).toContain('aria-label="Remove filter host.name: &lt;img src=x&gt;"');
    expect(html).toContain('aria-label="Remove filter NOT destination.port: 443"');
    expect(html).not.toContain('<img');
    expect(html).toContain('Clear filters');
  });

  it('renders nothing without filters', () => {
    expect(renderToStaticMarkup(createElement(FilterChips, { filters: [], onRemove: noop, onClear: noop }))).toBe('');
  });
});

describe('FieldSidebar', () => {
  const columns: EsqlColumn[] = [
    { name: 'host.name', type: 'keyword' },
    { name: 'event.id', type: 'keyword' },
  ];
  const values: EsqlValue[][] = [
    ['a', '1'],
    ['a', '2'],
    ['b', null],
  ];

  it('lists every field with add/remove as a column by whether it is shown', () => {
    const html = renderToStaticMarkup(createElement(FieldSidebar, { columns, values, visibleColumns: ['host.name'], onToggleColumn: noop }));
    expect(html).toContain('aria-label="Fields"');
    expect(html).toContain('Fields (2)');
    expect(html).toContain('aria-label="Remove host.name column"');
    expect(html).toContain('aria-label="Add event.id as column"');
  });

  it('collapsed, it keeps only its toggle', () => {
    const html = renderToStaticMarkup(createElement(FieldSidebar, { columns, values, visibleColumns: [], onToggleColumn: noop, defaultCollapsed: true }));
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('Search fields');
  });
});
