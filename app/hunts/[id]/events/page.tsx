import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { HuntHeader } from '@/components/hunt/HuntHeader';
import { EventsWorkspace } from '@/components/hunt/EventsWorkspace';
import { findHunt, loadCatalogue } from '@/lib/hunts/catalogue';
import { querySummaries } from '@/lib/hunts/query-summaries';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const hunt = findHunt(await loadCatalogue(), (await params).id);
  return { title: hunt ? `Events · ${hunt.name} · Huntboard` : 'Hunt not found · Huntboard' };
}

export default async function HuntEventsPage({ params }: Props) {
  const hunt = findHunt(await loadCatalogue(), (await params).id);
  if (!hunt) notFound();
  const labels = Object.fromEntries(querySummaries(hunt).map((q) => [q.number, q.label]));
  return (
    <>
      <HuntHeader hunt={hunt} compact />
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <EventsWorkspace huntId={hunt.id} queryLabels={labels} />
      </Suspense>
    </>
  );
}
