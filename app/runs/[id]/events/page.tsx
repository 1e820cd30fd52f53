import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { ErrorPanel } from '@/components/ErrorPanel';
import { InertText } from '@/components/CellValue';
import { pagePath } from '@/lib/auth/next-path';
import { can, refusal } from '@/lib/auth/roles';
import { runQuery } from '@/lib/hunts/run/run-events';
import { pageUser } from '@/lib/server/http/authorize';
import { runForEvents } from '@/lib/server/routes/run-events';
import { RunEventsWorkspace } from './RunEventsWorkspace';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run #${(await params).id.slice(0, 12)} events · Huntboard` };
}

/** The events behind one finding of a saved run: that run's own predicate and now, not today's window. */
export default async function RunEventsPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const who = await pageUser(pagePath(`/runs/${encodeURIComponent(raw)}/events`, await searchParams));
  const found = runForEvents(raw);
  if (!found.ok && found.error.kind === 'not_found') notFound();
  const query = found.ok ? runQuery(found.run) : found;
  const breadcrumb = (
    <nav className="breadcrumb">
      <Link href="/runs">Saved runs</Link> / <Link href={`/runs/${encodeURIComponent(raw)}`}>run #{raw.slice(0, 12)}</Link> / events
    </nav>
  );
  if (!query.ok) {
    return (
      <>
        {breadcrumb}
        <ErrorPanel error={query.error} />
      </>
    );
  }
  if (!found.ok) notFound();
  const { run, bundle } = found;
  const imported = bundle ? { importedFrom: { id: bundle.id, fileName: bundle.fileName, sourceLabel: bundle.sourceLabel, exportedAt: bundle.exportedAt } } : {};
  return (
    <>
      {breadcrumb}
      <h1 className="visually-hidden">
        Events of run #{run.id}: <InertText text={run.huntId} />, query {run.queryNumber}
      </h1>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <RunEventsWorkspace runId={run.id} huntId={run.huntId} queryNumber={run.queryNumber} now={query.run.now} {...imported} {...(can(who.role, 'triage') ? {} : { triageDenied: refusal(who.role, 'triage') })} />
      </Suspense>
    </>
  );
}
