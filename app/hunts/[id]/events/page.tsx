import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { HuntHeader } from '@/components/hunt/HuntHeader';
import { ServedEventsWorkspace } from '@/components/hunt/ServedEventsWorkspace';
import { findHunt, loadCatalogue } from '@/lib/hunts/catalogue';
import { querySummaries } from '@/lib/hunts/query-summaries';
import { pagePath } from '@/lib/auth/next-path';
import { can, refusal } from '@/lib/auth/roles';
import { pageUser } from '@/lib/server/http/authorize';
import { pageEvents, settleBriefly } from '@/lib/server/routes/page-answers';

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
  const search = await searchParams;
  const who = await pageUser(pagePath(`/hunts/${encodeURIComponent(id)}/events`, search));
  const hunt = findHunt(await loadCatalogue(), id);
  if (!hunt) notFound();
  const labels = Object.fromEntries(querySummaries(hunt).map((q) => [q.number, q.label]));
  const initialEvents = await settleBriefly(pageEvents(hunt, search, who.role));
  return (
    <>
      <HuntHeader hunt={hunt} compact />
      {/* No Suspense here: the first rows come in the HTML's first flush (one round trip); a slow backend's answer streams in. */}
      <ServedEventsWorkspace
        huntId={hunt.id}
        queryLabels={labels}
        initialEvents={initialEvents}
        {...(can(who.role, 'triage') ? {} : { triageDenied: refusal(who.role, 'triage') })}
      />
    </>
  );
}
