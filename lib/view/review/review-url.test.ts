import { describe, expect, it } from 'vitest';
import { parseReviewQuery, reviewHref } from './review-url';
import { pageBounds } from '../../review/run-page';

describe('a run review’s URL state', () => {
  it('reads the filter and page, falling back to every finding on page 1', () => {
    expect(parseReviewQuery({})).toEqual({ filter: 'all', page: 1 });
    expect(parseReviewQuery({ status: 'gone', page: '3' })).toEqual({ filter: 'gone', page: 3 });
    expect(parseReviewQuery({ status: ['hidden', 'new'], page: ['2'] })).toEqual({ filter: 'hidden', page: 2 });
    for (const page of ['0', '-1', '1.5', 'x', '1e400', '']) expect(parseReviewQuery({ page }).page).toBe(1);
    expect(parseReviewQuery({ status: 'constructor' }).filter).toBe('all');
  });

  it('writes only what differs from the default', () => {
    expect(reviewHref(7, { filter: 'all', page: 1 })).toBe('/runs/7');
    expect(reviewHref(7, { filter: 'recurring', page: 12 })).toBe('/runs/7?status=recurring&page=12');
  });

  it('keeps the page inside the list: past the end is the last page, an empty list has one page', () => {
    expect(pageBounds(250, 1)).toEqual({ number: 1, size: 100, pages: 3, total: 250, offset: 0 });
    expect(pageBounds(250, 9)).toEqual({ number: 3, size: 100, pages: 3, total: 250, offset: 200 });
    expect(pageBounds(0, 4)).toEqual({ number: 1, size: 100, pages: 1, total: 0, offset: 0 });
  });
});
