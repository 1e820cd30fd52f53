import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { CellValue, InertText } from '@/components/CellValue';
import { reviewRun } from '@/lib/server/review';
import { eventsHref } from '@/lib/url/hunt-url';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run #${(await params).id.slice(0, 12)} · Huntboard` };
}

export default async function RunPage({ params }: Props) {
  const id = Number((await params).id);
  const review = Number.isSafeInteger(id) && id > 0 ? reviewRun(id) : undefined;
  if (!review) notFound();
  const { run, previous, findings } = review;
  const counts = { new: 0, recurring: 0, gone: 0 };
  for (const f of findings) counts[f.status]++;
  const window = run.window.from && run.window.to ? { id: 'custom' as const, from: run.window.from, to: run.window.to } : { id: 'hunt' as const };
  const keyNames = findings[0] ? Object.keys(findings[0].keyValues) : [];
  return (
    <section className="panel" aria-label="Run review">
      <nav className="breadcrumb">
        <Link href="/runs">Saved runs</Link> / run #{run.id}
      </nav>
      <h1>
        Run #{run.id}: <InertText text={run.huntId} />, query {run.queryNumber}
      </h1>
      <p>
        <time dateTime={run.startedAt}>{run.startedAt}</time> · {run.trigger} · {run.backend.kind} ({run.backend.label}) · window{' '}
        {run.window.from && run.window.to ? `${run.window.from} to ${run.window.to}` : run.window.id} · {run.rowCount} rows in {Math.round(run.durationMs)} ms
      </p>
      {run.status === 'failed' ? (
        <p className="error" role="alert">
          The run failed: <InertText text={run.error.message} />
        </p>
      ) : (
        <>
          <p className="diff-summary">
            {previous ? (
              <>
                Against <Link href={`/runs/${previous.id}`}>run #{previous.id}</Link> ({previous.startedAt}) and {review.compared - 1} earlier:{' '}
              </>
            ) : (
              'No earlier run of this query text: '
            )}
            <strong>{counts.new}</strong> new, <strong>{counts.recurring}</strong> recurring, <strong>{counts.gone}</strong> gone.
          </p>
          <table aria-label="Findings week over week">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col" className="num">Runs seen</th>
                {keyNames.map((k) => (
                  <th key={k} scope="col">
                    {k}
                  </th>
                ))}
                <th scope="col">Counts changed</th>
                <th scope="col">Triage</th>
                <th scope="col">
                  <span className="visually-hidden">Events</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => (
                <tr key={f.key} className={`finding-${f.status}`}>
                  <td>{f.status}</td>
                  <td className="num">{f.runsSeen}</td>
                  {keyNames.map((k) => (
                    <td key={k}>
                      <CellValue value={f.keyValues[k]} type="keyword" />
                    </td>
                  ))}
                  <td>{f.changes.map((c) => `${c.column}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; ')}</td>
                  <td>
                    {f.triage.status}
                    {f.triage.assignee ? ` (${f.triage.assignee})` : ''}
                  </td>
                  <td>
                    <a href={eventsHref(run.huntId, { query: run.queryNumber, window, sort: [], filters: {} }, Object.values(f.keyValues), f.key)}>Events</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
