import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { PrintButton } from '@/components/week/PrintButton';
import { SignOffWeek } from '@/components/week/SignOffWeek';
import { ChangesSince } from '@/components/week/ChangesSince';
import { WeekPicker } from '@/components/week/WeekPicker';
import { FindingsTable, ReviewersTable, RunsTable, StatusCounts } from '@/components/week/WeekTables';
import { can, refusal } from '@/lib/auth/roles';
import { WEEK_LIST_LIMIT } from '@/lib/review/week';
import { type FindingRun, type SignOffState, type WeekSummary } from '@/lib/model/week';
import type { WeekHistory, WeekRecord } from '@/lib/review/week-record';
import { pageUser } from '@/lib/server/http/authorize';
import type { UserIdentity } from '@/lib/auth/identify';
import { weekView } from '@/lib/server/views/week';
import { plural, pluralNoun } from '@/lib/view/text/plural';
import '../review.css';
import './week.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'The lead’s week · Huntboard' };

interface Props {
  searchParams: Promise<{ week?: string | string[]; only?: string | string[] }>;
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
    <>
      <p>
        Signed off by <strong><InertText text={state.signOff.signedBy} /></strong> at <time dateTime={state.signOff.signedAt}>{state.signOff.signedAt}</time>
        {state.signOff.note ? (
          <>
            . Note: <InertText text={state.signOff.note} />
          </>
        ) : null}
      </p>
      {state.snapshot ? (
        <p>
          {plural(state.snapshot.untriagedAtSigning, 'finding')} {pluralNoun(state.snapshot.untriagedAtSigning, 'was', 'were')} untriaged at signing. Snapshot sha256{' '}
          <code className="week-hash">{state.snapshot.sha256}</code>
        </p>
      ) : null}
    </>
  );
}

/** Which week the page shows: the snapshot of a signed week, or the week as it is. */
function RecordNote({ record }: { record: WeekRecord }) {
  if (record.kind === 'live') return null;
  if (record.kind === 'signed-before-snapshots') {
    return (
      <p className="suggestion" role="note">
        This week was signed before snapshots were kept: it is shown as it is now, not as it was signed.
      </p>
    );
  }
  return (
    <p className="suggestion" role="note">
      Signed week: this is the snapshot taken at sign-off (sha256 <code className="week-hash">{record.sha256.slice(0, 16)}…</code>). Anything changed since is listed under “Changed since
      sign-off”, not folded in.
      {record.intact ? null : <strong className="error"> The stored snapshot no longer matches its hash.</strong>}
    </p>
  );
}

function EarlierSignOffs({ revoked }: { revoked: WeekHistory['revoked'] }) {
  if (revoked.length === 0) return null;
  return (
    <>
      <h3>Earlier sign-offs (revoked)</h3>
      <ul aria-label="Earlier sign-offs">
        {revoked.map((r) => (
          <li key={r.id}>
            Signed by <InertText text={r.signedBy} /> at <time dateTime={r.signedAt}>{r.signedAt}</time>, revoked by <InertText text={r.revokedBy} /> at{' '}
            <time dateTime={r.revokedAt}>{r.revokedAt}</time>:{' '}
            {r.sha256 ? (
              <>
                snapshot sha256 <code className="week-hash">{r.sha256}</code>
              </>
            ) : (
              'signed before snapshots were kept'
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Why the current identity cannot act on the sign-off, if it cannot. The server checks again. */
function signOffBlock(who: UserIdentity, isFuture: boolean): string | undefined {
  if (!can(who.role, 'sign-off')) return refusal(who.role, 'sign-off');
  if (isFuture) return 'This week has not started yet.';
  return undefined;
}

export default async function WeekPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = params.week;
  const onlyUntriaged = params.only === 'untriaged';
  const who = await pageUser(typeof raw === 'string' ? `/week?week=${encodeURIComponent(raw)}` : '/week');
  const view = await weekView(typeof raw === 'string' ? raw : undefined);
  if (view.kind === 'invalid') notFound();
  if (view.kind === 'moved') redirect(`/week?week=${view.week}${onlyUntriaged ? '&only=untriaged' : ''}`);
  const { record, links } = view;
  const s = record.summary;
  const week = s.week.monday;
  const listed = (onlyUntriaged ? s.untriaged : s.findings).slice(0, WEEK_LIST_LIMIT);
  const gone = s.gone.slice(0, WEEK_LIST_LIMIT);
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
        <WeekPicker week={week} previousWeek={view.previousWeek} nextWeek={view.nextWeek} />
        <span className="spacer" />
        <a className="button" href={`/api/week/report?week=${week}`} download>
          Download Markdown
        </a>
        <PrintButton />
      </nav>
      <RecordNote record={record} />
      {record.kind === 'snapshot' ? <ChangesSince changes={record.changes} links={links} /> : null}

      <h2>Runs</h2>
      <RunsTable queries={s.queries} />

      <h2>Findings</h2>
      <p>
        <strong>{s.findingCount}</strong> {pluralNoun(s.findingCount, 'finding')} in the latest successful review run of each query: <strong>{s.perDiffStatus.new}</strong> new,{' '}
        <strong>{s.perDiffStatus.recurring}</strong> recurring against the review run before it (its run page names which)
        {s.suppressed > 0 ? (
          <>
            ; <strong>{s.suppressed}</strong> more hidden by the allow-list
          </>
        ) : null}
        . <strong>{s.untriagedCount}</strong> still untriaged.
      </p>
      <StatusCounts summary={s} />
      <p className="no-print week-filter">
        {onlyUntriaged ? <Link href={`/week?week=${week}`}>All findings ({s.findingCount})</Link> : <strong>All findings ({s.findingCount})</strong>}
        {' · '}
        {onlyUntriaged ? <strong>Untriaged only ({s.untriagedCount})</strong> : <Link href={`/week?week=${week}&only=untriaged`}>Untriaged only ({s.untriagedCount})</Link>}
      </p>
      {listed.length > 0 ? <FindingsTable findings={listed} label={onlyUntriaged ? 'Untriaged findings' : 'Findings this week'} links={links} /> : null}
      {onlyUntriaged ? (
        <More listed={listed.length} total={s.untriagedCount} what="untriaged findings" runs={s.findingRuns.filter((r) => r.untriaged > 0).map((run) => ({ run, n: run.untriaged }))} />
      ) : (
        <More listed={listed.length} total={s.findingCount} what="findings" runs={s.findingRuns.map((run) => ({ run, n: run.findings }))} />
      )}

      <h2>Gone</h2>
      <p>
        <strong>{s.goneCount}</strong> {pluralNoun(s.goneCount, 'finding')} of the review run before each query’s latest {pluralNoun(s.goneCount, 'is', 'are')} not in it.
      </p>
      {gone.length > 0 ? <FindingsTable findings={gone} label="Gone findings" links={links} /> : null}
      {s.goneCount > gone.length ? <p>…and {s.goneCount - gone.length} more, on each run’s review.</p> : null}

      <h2>Time to triage</h2>
      <TimeToTriage summary={s} />

      <h2>Reviewers</h2>
      <ReviewersTable reviewers={s.reviewers} />

      <h2>Sign-off</h2>
      <SignOffText state={s.signOff} />
      {/* Another week or count is another question: the count confirmed must never carry over from the week shown before. */}
      <SignOffWeek key={`${week}:${s.untriagedCount}`} week={week} signed={s.signOff.kind === 'signed'} untriaged={s.untriagedCount} disabledReason={signOffBlock(who, view.isFuture)} />
      <EarlierSignOffs revoked={view.revoked} />
    </section>
  );
}
