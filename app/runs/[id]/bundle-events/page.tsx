import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { SavedEventsTable } from '@/components/bundle/SavedEventsTable';
import { pagePath } from '@/lib/auth/next-path';
import { pageUser } from '@/lib/server/authorize';
import { importedRunBundle, savedFindingEvents } from '@/lib/server/bundle-routes';
import '../../../bundles.css';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ key?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Run #${(await params).id.slice(0, 12)} events from its bundle · Huntboard` };
}

/** The events a bundle brought for one finding of an imported run: what its drill-down read when exported. */
export default async function BundleEventsPage({ params, searchParams }: Props) {
  const query = await searchParams;
  await pageUser(pagePath(`/runs/${encodeURIComponent((await params).id)}/bundle-events`, query));
  const id = Number((await params).id);
  const raw = query.key;
  const key = typeof raw === 'string' ? raw : undefined;
  if (!Number.isSafeInteger(id) || id <= 0 || !key) notFound();
  const bundle = importedRunBundle(id);
  const events = bundle && savedFindingEvents(id, key);
  if (!bundle || !events) notFound();
  return (
    <section className="panel bundles" aria-label="Events from the bundle">
      <nav className="breadcrumb">
        <Link href="/runs">Saved runs</Link> / <Link href={`/runs/${id}`}>run #{id}</Link> / events of <InertText text={key} />
      </nav>
      <h1>
        Events from the bundle, <InertText text={key} />
      </h1>
      <p className="muted">
        Read on <InertText text={bundle.sourceLabel} /> when the week was exported ({bundle.exportedAt}); imported from <Link href="/bundles">bundle #{bundle.id}</Link>,{' '}
        <InertText text={bundle.fileName} />.
      </p>
      {events.kind === 'error' ? (
        <p className="error" role="status">
          The events of this finding could not be read when the bundle was made: <InertText text={events.message} />
        </p>
      ) : (
        <>
          <p>
            {events.values.length} events{events.truncated ? ' (the first ones only: the drill-down limit was reached, there were more)' : ''}.
          </p>
          <SavedEventsTable findingKey={key} columns={events.columns} values={events.values} />
        </>
      )}
    </section>
  );
}
