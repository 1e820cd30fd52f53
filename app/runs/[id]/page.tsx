import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { AllowFinding, RevokeAllow } from '@/components/review/AllowFinding';
import { DiffSummary } from '@/components/review/DiffSummary';
import { FindingFilter, FindingsPager } from '@/components/review/FindingsPager';
import { FindingsTable } from '@/components/review/FindingsTable';
import { triggerLabel } from '@/lib/view/review/run-labels';
import { can, refusal } from '@/lib/auth/roles';
import { pageUser } from '@/lib/server/http/authorize';
import { serverNow } from '@/lib/server/process/now';
import { parseReviewQuery, reviewHref } from '@/lib/view/review/review-url';
import { reviewRun, type RunReview } from '@/lib/server/views/run-review';
import { type ReviewedFinding } from '@/lib/model/review';
import { runEventsHref } from '@/lib/view/url/run-events-url';
import { plural } from '@/lib/view/text/plural';
import '../../review.css';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ status?: string | string[]; page?: string | string[] }>;
}

/** How many allow-list suggestions the note names; the rest are counted. */
const CANDIDATES_NAMED = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run #${(await params).id.slice(0, 12)} · Huntboard` };
}

function FirstSeenNote({ review }: { review: RunReview }) {
  const fs = review.firstSeen;
  if (fs.kind === 'found') return <p className="muted">First seen: the earliest event of each process in the {fs.lookbackDays} days up to the run’s end and after it, with no end bound (since {fs.since}).</p>;
  if (fs.kind === 'failed')
    return (
      <p className="muted" role="status">
        First seen could not be looked up: <InertText text={fs.message} />
      </p>
    );
  return null;
}

function Candidates({ review }: { review: RunReview }) {
  const { candidates } = review;
  if (candidates.length === 0) return null;
  const named = candidates.slice(0, CANDIDATES_NAMED).map((c) => `${c.processName ?? c.findingKey} (${plural(c.runsInARow, 'run')} in a row)`);
  const more = candidates.length - named.length;
  return (
    <p className="suggestion" role="note">
      Suggested for the allow-list: marked benign and listed again run after run — <InertText text={named.join(', ')} />
      {more > 0 ? `, and ${more} more` : ''}.
    </p>
  );
}

export default async function RunPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const query = parseReviewQuery(await searchParams);
  const id = Number(raw);
  const who = await pageUser(Number.isSafeInteger(id) && id > 0 ? reviewHref(id, query) : `/runs/${encodeURIComponent(raw)}`);
  const review = Number.isSafeInteger(id) && id > 0 ? await reviewRun(id, query) : undefined;
  if (!review) notFound();
  const { run, counts } = review;
  const allowDenied = can(who.role, 'allow-list') ? undefined : refusal(who.role, 'allow-list');
  const now = serverNow().toISOString();
  // A run's own events: read with its own text, params and now, or (imported) kept in its bundle.
  const eventsLink = (f: ReviewedFinding) => <Link href={runEventsHref(run.id, f.key)}>Events</Link>;
  const allowed = (f: ReviewedFinding) => {
    const entry = review.suppressed.find((s) => s.finding.key === f.key)?.entry;
    return (
      <>
        {eventsLink(f)}{' '}
        {entry ? (
          <>
            allowed by <InertText text={entry.owner} />: <InertText text={entry.reason} /> (until {entry.expiresAt.slice(0, 10)}){' '}
            <RevokeAllow entryId={entry.id} {...(allowDenied ? { disabledReason: allowDenied } : {})} />
          </>
        ) : null}
      </>
    );
  };
  const filterCounts = { all: counts.new + counts.recurring + counts.gone, new: counts.new, recurring: counts.recurring, gone: counts.gone, hidden: counts.hidden };
  const pager = <FindingsPager runId={run.id} query={review.query} page={review.page} />;
  return (
    <section className="panel" aria-label="Run review">
      <nav className="breadcrumb">
        <Link href="/runs">Saved runs</Link> / run #{run.id}
      </nav>
      <h1>
        Run #{run.id}: <InertText text={run.huntId} />, query {run.queryNumber}
      </h1>
      <p>
        <time dateTime={run.startedAt}>{run.startedAt}</time> · {triggerLabel(run.trigger)} · {run.backend.kind} ({run.backend.label}) · window{' '}
        {run.window.from && run.window.to ? `${run.window.from} to ${run.window.to}` : run.window.id} · {plural(run.rowCount, 'row')} in {Math.round(run.durationMs)} ms
      </p>
      {review.bundle ? (
        <p className="suggestion" role="note">
          Imported from the bundle <InertText text={review.bundle.fileName} /> (week of {review.bundle.week.start.slice(0, 10)}, exported {review.bundle.exportedAt} from{' '}
          <InertText text={review.bundle.sourceLabel} />
          ): its events are those the bundle holds.
        </p>
      ) : null}
      {run.status === 'failed' ? (
        <p className="error" role="alert">
          The run failed: <InertText text={run.error.message} />
        </p>
      ) : (
        <>
          <DiffSummary {...(review.previous ? { previous: review.previous } : {})} compared={review.compared} counts={counts} />
          <FirstSeenNote review={review} />
          <Candidates review={review} />
          <FindingFilter runId={run.id} query={review.query} counts={filterCounts} />
          {pager}
          {review.query.filter === 'hidden' ? (
            <FindingsTable label="Findings hidden by the allow-list" findings={review.suppressed.map((s) => s.finding)} firstSeen={review.firstSeen} actions={allowed} />
          ) : (
            <FindingsTable
              label="Findings week over week"
              findings={review.findings}
              firstSeen={review.firstSeen}
              actions={(f) => (
                <>
                  {eventsLink(f)}{' '}
                  {f.processName !== null && f.status !== 'gone' ? (
                    <AllowFinding processName={f.processName} agentIds={f.agentIds} huntId={run.huntId} now={now} runStartedAt={run.startedAt} {...(allowDenied ? { disabledReason: allowDenied } : {})} />
                  ) : null}
                </>
              )}
            />
          )}
          {pager}
          {review.query.filter !== 'hidden' && counts.hidden > 0 ? (
            <details className="suppressed">
              <summary>
                {plural(counts.hidden, 'finding')} hidden by the allow-list
              </summary>
              <FindingsTable label="Findings hidden by the allow-list" findings={review.suppressed.map((s) => s.finding)} firstSeen={review.firstSeen} actions={allowed} />
              {counts.hidden > review.suppressed.length ? (
                <p>
                  The first {review.suppressed.length} of {counts.hidden.toLocaleString('en-US')}: <Link href={reviewHref(run.id, { filter: 'hidden', page: 1 })}>page through them all</Link>.
                </p>
              ) : null}
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
