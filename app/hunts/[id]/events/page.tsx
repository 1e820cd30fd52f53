import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { HuntHeader } from '@/components/hunt/HuntHeader';
import { EventsWorkspace } from '@/components/hunt/EventsWorkspace';
import { findHunt, loadCatalogue } from '@/lib/hunts/catalogue';
import { querySummaries } from '@/lib/hunts/query-summaries';
import { pagePath } from '@/lib/auth/next-path';
import { can, refusal } from '@/lib/auth/roles';
import { pageUser } from '@/lib/server/http/authorize';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const hunt = findHunt(await loadCatalogue(), (await params).id);
  return { title: hunt ? `Events · ${hunt.name} · Huntboard` : 'Hunt not found · Huntboard' };
}

export default async function HuntEventsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const who = await pageUser(pagePath(`/hunts/${encodeURIComponent(id)}/events`, await searchParams));
  const hunt = findHunt(await loadCatalogue(), id);
  if (!hunt) notFound();
  const labels = Object.fromEntries(querySummaries(hunt).map((q) => [q.number, q.label]));
  return (
    <>
      <HuntHeader hunt={hunt} compact />
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <EventsWorkspace huntId={hunt.id} queryLabels={labels} {...(can(who.role, 'triage') ? {} : { triageDenied: refusal(who.role, 'triage') })} />
      </Suspense>
    </>
  );
}
