import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { CellValue } from './CellValue';
import { ErrorPanel, errorHeading } from './ErrorPanel';
import { EsqlCode } from './EsqlCode';
import { ExportButtons } from './ExportButtons';
import { ResultTable, type ResultTableProps } from './ResultTable';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil","x")';
const BIDI_BADGE = '<span class="lookalike-badge" role="img" aria-label="Hidden characters: U+202E bidi control" title="Hidden characters: U+202E bidi control" data-label="hidden characters" data-kind="hidden"></span>';
const cell = (value: EsqlValue, type = 'keyword', maxLength?: number) => renderToStaticMarkup(createElement(CellValue, { value, type, maxLength }));

describe('CellValue', () => {
  it('renders hostile strings as inert, visible text', () => {
    const html = cell(XSS);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(cell(FORMULA)).toBe('=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)');
  });
  it('shows control, bidi and invisible characters as styled escapes with an explanation', () => {
    const html = cell('\u202Egnp.sh');
    expect(html).not.toContain('\u202E');
    expect(html).toMatch(/<span class="cell-escape" title="U\+202E: bidirectional text control[^"]*">\\u202e<\/span>gnp.sh/);
    expect(cell('kthreadd\u0007')).toContain('kthreadd<span class="cell-escape" title="U+0007: control character');
    expect(cell('a\u200Bb')).toContain('\\u200b');
  });
  it('truncates long values with an ellipsis and the whole (escaped) text in the title', () => {
    const long = `${'x'.repeat(30)}\u202Etail`;
    const html = cell(long, 'keyword', 10);
    // The look-alike badge sees the override past the cut too.
    expect(html).toBe(`<span class="cell-truncated" title="${'x'.repeat(30)}\\u202etail">${'x'.repeat(10)}…</span>${BIDI_BADGE}`);
  });
  it('renders null as a muted dash and numbers as plain digits (ports and pids too)', () => {
    expect(cell(null)).toBe('<span class="cell-null" title="null">—</span>');
    expect(cell(1234567, 'long')).toBe('<span class="cell-num" title="1234567">1234567</span>');
    expect(cell(0.25, 'double')).toContain('>0.25<');
  });
  it('keeps the server’s date text', () => {
    expect(cell('2026-01-08T00:00:00.000Z', 'date')).toBe('<time class="cell-date" dateTime="2026-01-08T00:00:00.000Z">2026-01-08T00:00:00.000Z</time>');
  });
  it('lists multi-values compactly, collapsing a long tail', () => {
    expect(cell(['a', null, XSS])).toBe(
      '<ul class="cell-multi" aria-label="3 values"><li>a</li><li><span class="cell-null" title="null">—</span></li><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>',
    );
    const many = cell(Array.from({ length: 12 }, (_, i) => `v${i}`));
    expect(many).toContain('<li class="cell-more" title="v8, v9, v10, v11">+4 more</li>');
  });
});

const columns: EsqlColumn[] = [
  { name: 'connection_count', type: 'long' },
  { name: 'unique_agent_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
];
const values: EsqlValue[][] = [
  [3, 1, XSS],
  [1200, 2, '\u202Egnp.sh'],
  [7, 1, FORMULA],
  [null, 1, 'kthreadd\u0007'],
];

function table(overrides: Partial<ResultTableProps> = {}): string {
  return renderToStaticMarkup(
    createElement(ResultTable, {
      columns,
      values,
      sorting: [],
      onSortingChange: () => {},
      filters: {},
      onFiltersChange: () => {},
      ...overrides,
    }),
  );
}

function rowOrder(html: string): number[] {
  return [...html.matchAll(/<tr data-row-index="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('ResultTable', () => {
  it('is a real table with scoped headers and aria-sort on every sortable header', () => {
    const html = table({ sorting: [{ id: 'connection_count', desc: true }], caption: 'Rare processes' });
    expect(html).toContain('<caption>Rare processes</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toContain('<th scope="col" aria-sort="descending" class="sizable num"><button type="button" class="sort-button"');
    expect(html.match(/aria-sort="none"/g)).toHaveLength(2);
    // Every result column is resizable from the keyboard: a focusable separator naming its column.
    expect(html.match(/role="separator" aria-orientation="vertical" aria-label="Resize column [^"]+"/g)).toHaveLength(3);
    expect(table({ sorting: [{ id: 'process.name', desc: false }] })).toContain('aria-sort="ascending" class="sizable"><button');
  });
  it('sorts the whole result by type, nulls first descending, with stable row ids', () => {
    expect(rowOrder(table({ sorting: [{ id: 'connection_count', desc: true }] }))).toEqual([3, 1, 2, 0]);
    expect(rowOrder(table({ sorting: [{ id: 'connection_count', desc: false }] }))).toEqual([0, 2, 1, 3]);
    expect(rowOrder(table({ sorting: [{ id: 'unique_agent_count', desc: true }, { id: 'connection_count', desc: false }] }))).toEqual([1, 0, 2, 3]);
  });
  it('filters, says how many rows are shown, and fills the filter inputs from the props', () => {
    const html = table({ filters: { connection_count: '>=7' } });
    expect(rowOrder(html)).toEqual([1, 2]);
    expect(html).toContain('<p class="result-count" role="status">2 of 4 rows</p>');
    expect(html).toContain('aria-label="Filter connection_count" placeholder="&gt;= 10" value="&gt;=7"');
    expect(table()).not.toContain('result-count');
    expect(table({ filters: { 'process.name': 'nothing-like-this' } })).toContain('No rows match the filters.');
  });
  it('keeps hostile values inert', () => {
    const html = table();
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('kthreadd<span class="cell-escape"');
  });
  it('renders drill-down links, context columns in their own group, and the highlighted row', () => {
    const html = table({
      rowAction: (i) => ({ href: `/hunts/h/events?row=${i}`, label: 'Events', description: `process ${i}` }),
      extraColumns: { label: 'Context', columns: [{ name: 'host_names', type: 'keyword' }], valuesFor: (i) => (i === 1 ? [['host-a', 'host-b']] : undefined) },
      highlightRow: 1,
    });
    expect(html).toContain('<th scope="colgroup" colSpan="1" class="context-group">Context</th>');
    // Named by the row's key, not its position; the first row shown is where "Skip to results" lands.
    expect(html).toContain('<a href="/hunts/h/events?row=1" class="row-action">Events<span class="visually-hidden"> for process 1</span></a>');
    expect(html).toContain('<a href="/hunts/h/events?row=0" class="row-action" data-skip-target="true">Events<span class="visually-hidden"> for process 0</span></a>');
    expect(html).toContain('<tr data-row-index="1" class="row-highlight" aria-current="true">');
    expect(html).toContain('<li>host-a</li><li>host-b</li>');
    expect(html).toContain('title="No context was fetched for this row"');
  });
  it('shows a loading context group before its columns arrive', () => {
    const html = table({ extraColumns: { label: 'Context', columns: [], valuesFor: () => undefined, loading: true } });
    expect(html).toContain('Context<span class="muted"> (loading…)</span>');
    expect(html).toContain('<span aria-label="Loading">…</span>');
  });
});

describe('EsqlCode', () => {
  it('highlights tokens, marks findings and escapes hidden characters', () => {
    const html = renderToStaticMarkup(createElement(EsqlCode, { query: 'FROM logs-*\n| WHERE process.name == "\u202Ex" | LIMIT 10', highlight: [{ line: 2, column: 3 }] }));
    expect(html).toContain('<pre><code class="language-esql">');
    expect(html).toContain('<span class="esql-command">FROM</span>');
    expect(html).toContain('<span class="esql-command esql-marked" title="A lint finding points here">WHERE</span>');
    expect(html).toContain('<span class="esql-number">10</span>');
    expect(html).toContain('<span class="cell-escape"');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('>Copy</button>');
  });
});

describe('ErrorPanel', () => {
  it('is an alert with a heading by kind, the message in a pre and the hint', () => {
    const html = renderToStaticMarkup(createElement(ErrorPanel, { error: { kind: 'unknown_index', message: `line 1:6: Unknown index [${XSS}]`, hint: 'Check the index pattern.' } }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('<h3 class="error-panel-heading">Unknown index</h3>');
    expect(html).toContain('<pre class="error-panel-message">line 1:6: Unknown index [&lt;img src=x onerror=alert(1)&gt;]</pre>');
    expect(html).toContain('<p class="error-panel-hint">Check the index pattern.</p>');
    expect(errorHeading('authentication')).toBe('Authentication failed');
    expect(errorHeading('unreachable')).toBe('Cluster unreachable');
    expect(errorHeading('timeout')).toBe('Timed out');
    expect(errorHeading('cancelled')).toBe('Cancelled');
  });
});

describe('ExportButtons', () => {
  it('offers CSV and JSON of the shown rows, and of all rows when they differ', () => {
    const some = renderToStaticMarkup(createElement(ExportButtons, { columns, values: values.slice(0, 2), allValues: values, fileName: 'hunt-q1' }));
    expect(some).toContain('aria-label="Export 2 shown rows as CSV"');
    expect(some).toContain('aria-label="Export all rows as JSON"');
    const same = renderToStaticMarkup(createElement(ExportButtons, { columns, values, allValues: values, fileName: 'hunt-q1' }));
    expect(same).not.toContain('all rows');
    expect(same.match(/<button/g)).toHaveLength(2);
  });
});
