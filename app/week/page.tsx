import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { PrintButton } from '@/components/week/PrintButton';
import { SignOffWeek } from '@/components/week/SignOffWeek';
import { FindingsTable, ReviewersTable, RunsTable, StatusCounts } from '@/components/week/WeekTables';
import { can, refusal } from '@/lib/auth/roles';
import type { FindingRun, SignOffState, WeekSummary } from '@/lib/review/week';
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

/** The lists show their first entries; the rest are on each query's latest run, linked with its share. */
function More({ listed, total, what, runs }: { listed: number; total: number; what: string; runs: { run: FindingRun; n: number }[] }) {
  if (total <= listed) return null;
  return (
    <p>
      …and <strong>{total - listed}</strong> more {what}, on each run’s review:{' '}
      {runs.map(({ run, n }, i) => (
        <span key={run.runId}>
          {i > 0 ? '; ' : ''}
          <Link href={`/runs/${run.runId}`}>
            <InertText text={run.huntName} />, <InertText text={run.queryLabel} /> (run #{run.runId})
          </Link>{' '}
          ({n})
        </span>
      ))}
      .
    </p>
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
        <strong>{s.findingCount}</strong> findings in the latest successful run of each query: <strong>{s.perDiffStatus.new}</strong> new,{' '}
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
      <More listed={s.findings.length} total={s.findingCount} what="findings" runs={s.findingRuns.map((run) => ({ run, n: run.findings }))} />

      <h2>Untriaged</h2>
      <p>
        <strong>{s.untriagedCount}</strong> {s.untriagedCount === 1 ? 'finding' : 'findings'} still untriaged.
      </p>
      {s.untriaged.length > 0 ? <FindingsTable findings={s.untriaged} label="Untriaged findings" /> : null}
      <More listed={s.untriaged.length} total={s.untriagedCount} what="untriaged findings" runs={s.findingRuns.filter((r) => r.untriaged > 0).map((run) => ({ run, n: run.untriaged }))} />

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
