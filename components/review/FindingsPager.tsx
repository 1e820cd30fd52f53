/**
 * A run review's filter (by change, or the findings the allow-list hides) and its pages, as
 * links: the URL holds both, so a reload or a shared link shows the same page. Server-rendered.
 */
import Link from 'next/link';
import { REVIEW_FILTERS, reviewHref, type ReviewFilter, type ReviewQuery } from '@/lib/view/review/review-url';

const FILTER_LABEL: Record<ReviewFilter, string> = { all: 'All', new: 'New', recurring: 'Recurring', gone: 'Gone', hidden: 'Hidden by the allow-list' };

export function FindingFilter({ runId, query, counts }: { runId: number; query: ReviewQuery; counts: Record<ReviewFilter, number> }) {
  return (
    <nav aria-label="Filter findings" className="toolbar finding-filter">
      {REVIEW_FILTERS.filter((f) => f !== 'hidden' || counts.hidden > 0 || query.filter === 'hidden').map((f) =>
        f === query.filter ? (
          <strong key={f} aria-current="page">
            {FILTER_LABEL[f]} ({counts[f].toLocaleString('en-US')})
          </strong>
        ) : (
          <Link key={f} href={reviewHref(runId, { filter: f, page: 1 })}>
            {FILTER_LABEL[f]} ({counts[f].toLocaleString('en-US')})
          </Link>
        ),
      )}
    </nav>
  );
}

/** Page numbers around the current one, with the first and last: 1 … 4 5 [6] 7 8 … 40. */
export function pageWindow(current: number, pages: number, around = 2): (number | 'gap')[] {
  const out: (number | 'gap')[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= around) out.push(p);
    else if (out.at(-1) !== 'gap') out.push('gap');
  }
  return out;
}

export interface PagerProps {
  runId: number;
  query: ReviewQuery;
  page: { number: number; pages: number; size: number; total: number; offset: number };
}

export function FindingsPager({ runId, query, page }: PagerProps) {
  if (page.pages <= 1) return null;
  const href = (n: number) => reviewHref(runId, { ...query, page: n });
  const last = Math.min(page.offset + page.size, page.total);
  return (
    <nav aria-label="Pages of findings" className="toolbar pager">
      {page.number > 1 ? <Link href={href(page.number - 1)} rel="prev">← Previous</Link> : <span className="muted">← Previous</span>}
      <ol>
        {pageWindow(page.number, page.pages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page.number ? (
                <strong aria-current="page" aria-label={`Page ${p}, current`}>
                  {p}
                </strong>
              ) : (
                <Link href={href(p)} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
      {page.number < page.pages ? <Link href={href(page.number + 1)} rel="next">Next →</Link> : <span className="muted">Next →</span>}
      <span className="muted">
        {(page.offset + 1).toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {page.total.toLocaleString('en-US')}
      </span>
    </nav>
  );
}
