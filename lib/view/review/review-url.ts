/** A run review's URL state: which findings (by change, or those the allow-list hides) and which page. Browser-safe. */

export const REVIEW_FILTERS = ['all', 'new', 'recurring', 'gone', 'hidden'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export interface ReviewQuery {
  filter: ReviewFilter;
  /** 1-based. */
  page: number;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?status=new&page=3`; anything unknown falls back to every finding, page 1. */
export function parseReviewQuery(params: { status?: string | string[]; page?: string | string[] }): ReviewQuery {
  const status = first(params.status);
  const filter = REVIEW_FILTERS.find((f) => f === status) ?? 'all';
  const page = Number(first(params.page));
  return { filter, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
}

export function reviewHref(runId: number, q: ReviewQuery): string {
  const params = new URLSearchParams();
  if (q.filter !== 'all') params.set('status', q.filter);
  if (q.page > 1) params.set('page', String(q.page));
  const search = params.toString();
  return `/runs/${runId}${search ? `?${search}` : ''}`;
}

