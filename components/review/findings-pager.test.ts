import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FindingFilter, FindingsPager, pageWindow } from './FindingsPager';

describe('a run review’s pages and filter', () => {
  it('shows the first, the last and the pages around the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(6, 40)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 40]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('is a named navigation with previous and next links and the current page marked, keeping the filter', () => {
    const html = renderToStaticMarkup(
      createElement(FindingsPager, { runId: 3, query: { filter: 'gone', page: 2 }, page: { number: 2, pages: 3, size: 100, total: 250, offset: 100 } }),
    );
    expect(html).toContain('<nav aria-label="Pages of findings"');
    expect(html).toContain('rel="prev" href="/runs/3?status=gone"');
    expect(html).toContain('rel="next" href="/runs/3?status=gone&amp;page=3"');
    expect(html).toContain('<strong aria-current="page" aria-label="Page 2, current">2</strong>');
    expect(html).toContain('101–200 of 250');
    expect(renderToStaticMarkup(createElement(FindingsPager, { runId: 3, query: { filter: 'all', page: 1 }, page: { number: 1, pages: 1, size: 100, total: 5, offset: 0 } }))).toBe('');
  });

  it('links each filter with its count, the current one marked, the hidden one only when something is hidden', () => {
    const counts = { all: 10, new: 4, recurring: 5, gone: 1, hidden: 0 };
    const html = renderToStaticMarkup(createElement(FindingFilter, { runId: 3, query: { filter: 'new', page: 4 }, counts }));
    expect(html).toContain('<strong aria-current="page">New (4)</strong>');
    expect(html).toContain('href="/runs/3?status=gone">Gone (1)');
    expect(html).toContain('href="/runs/3">All (10)');
    expect(html).not.toContain('Hidden');
  });
});
