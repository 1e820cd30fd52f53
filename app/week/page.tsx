import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { PrintButton } from '@/components/week/PrintButton';
import { SignOffWeek } from '@/components/week/SignOffWeek';
import { FindingsTable, ReviewersTable, RunsTable, StatusCounts } from '@/components/week/WeekTables';
import { can, refusal } from '@/lib/auth/roles';
import type { SignOffState, WeekSummary } from '@/lib/review/week';
import { pageUser } from '@/lib/server/authorize';
import type { UserIdentity } from '@/lib/auth/identify';
import { weekView } from '@/lib/server/week';
import '../review.css';
import './week.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'The lead’s week · Huntboard' };

interface Props {
  searchParams: Promise<{ week?: string | string[] }>;
}

const hours = (h: number | null) => (h === null ? 'n/a' : `${h.toFixed(1)} h`);

function TimeToTriage({ summary }: { summary: WeekSummary }) {
  const t = summary.timeToTriage;
  return (
    <dl className="week-figures">
      <div>
        <dt>Findings first triaged after they appeared this week</dt>
        <dd>{t.count}</dd>
      </div>
      <div>
        <dt>Median time to triage</dt>
        <dd>{hours(t.medianHours)}</dd>
      </div>
      <div>
        <dt>Longest time to triage</dt>
        <dd>{hours(t.maxHours)}</dd>
      </div>
    </dl>
  );
}

function SignOffText({ state }: { state: SignOffState }) {
  if (state.kind === 'unsigned') return <p>Not signed off.</p>;
  return (
    <p>
      Signed off by <strong><InertText text={state.signOff.signedBy} /></strong> at <time dateTime={state.signOff.signedAt}>{state.signOff.signedAt}</time>
      {state.signOff.note ? (
        <>
          . Note: <InertText text={state.signOff.note} />
        </>
      ) : null}
    </p>
  );
}

/** Why the current identity cannot act on the sign-off, if it cannot. The server checks again. */
function signOffBlock(who: UserIdentity, isFuture: boolean): string | undefined {
  if (!can(who.role, 'sign-off')) return refusal(who.role, 'sign-off');
  if (isFuture) return 'This week has not started yet.';
  return undefined;
}

export default async function WeekPage({ searchParams }: Props) {
  const raw = (await searchParams).week;
  const who = await pageUser(typeof raw === 'string' ? `/week?week=${encodeURIComponent(raw)}` : '/week');
  const view = await weekView(typeof raw === 'string' ? raw : undefined);
  if (view.kind === 'invalid') notFound();
  const { summary: s } = view;
  const week = s.week.start;
  return (
    <section className="panel week" aria-label="The lead's week">
      <h1>
        {'The lead’s week: '}
        {week}
        {view.isCurrent ? ' (this week, still running)' : ''}
      </h1>
      <p className="muted">
        From <time dateTime={s.week.from}>{s.week.from}</time> to <time dateTime={s.week.to}>{s.week.to}</time> (UTC, end excluded).
      </p>
      <nav aria-label="Weeks" className="toolbar no-print">
        <Link href={`/week?week=${view.previousWeek}`}>← Week of {view.previousWeek}</Link>
        <Link href={`/week?week=${view.nextWeek}`}>Week of {view.nextWeek} →</Link>
        <span className="spacer" />
        <a className="button" href={`/api/week/report?week=${week}`} download>
          Download Markdown
        </a>
        <PrintButton />
      </nav>

      <h2>Runs</h2>
      <RunsTable queries={s.queries} />

      <h2>Findings</h2>
      <p>
        <strong>{s.findings.length}</strong> findings in the latest successful run of each query: <strong>{s.perDiffStatus.new}</strong> new,{' '}
        <strong>{s.perDiffStatus.recurring}</strong> recurring
        {s.suppressed > 0 ? (
          <>
            ; <strong>{s.suppressed}</strong> more hidden by the allow-list
          </>
        ) : null}
        .
      </p>
      <StatusCounts summary={s} />
      {s.findings.length > 0 ? <FindingsTable findings={s.findings} label="Findings this week" /> : null}

      <h2>Untriaged</h2>
      <p>
        <strong>{s.untriaged.length}</strong> {s.untriaged.length === 1 ? 'finding' : 'findings'} still untriaged.
      </p>
      {s.untriaged.length > 0 ? <FindingsTable findings={s.untriaged} label="Untriaged findings" /> : null}

      <h2>Time to triage</h2>
      <TimeToTriage summary={s} />

      <h2>Reviewers</h2>
      <ReviewersTable reviewers={s.reviewers} />

      <h2>Sign-off</h2>
      <SignOffText state={s.signOff} />
      <SignOffWeek week={week} signed={s.signOff.kind === 'signed'} disabledReason={signOffBlock(who, view.isFuture)} />
    </section>
  );
}
