import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { HuntHeader } from '@/components/hunt/HuntHeader';
import { HuntWorkspace } from '@/components/hunt/HuntWorkspace';
import { findHunt, loadCatalogue } from '@/lib/hunts/catalogue';
import { querySummaries } from '@/lib/hunts/query-summaries';
import { pagePath } from '@/lib/auth/next-path';
import { can } from '@/lib/auth/roles';
import { pageUser } from '@/lib/server/http/authorize';
import { pageRun, settleBriefly } from '@/lib/server/routes/page-answers';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const hunt = findHunt(await loadCatalogue(), (await params).id);
  return { title: hunt ? `${hunt.name} · Huntboard` : 'Hunt not found · Huntboard' };
}

export default async function HuntPage({ params, searchParams }: Props) {
  const { id } = await params;
  const search = await searchParams;
  const who = await pageUser(pagePath(`/hunts/${encodeURIComponent(id)}`, search));
  const hunt = findHunt(await loadCatalogue(), id);
  if (!hunt) notFound();
  // Started before the page renders; waited for briefly so a prompt answer is in the HTML itself.
  const initialRun = await settleBriefly(pageRun(hunt, search, who.role));
  return (
    <>
      <HuntHeader hunt={hunt} />
      {/* No Suspense here: the table comes in the HTML's first flush; a slow backend's answer streams in, holding back only its place. */}
      <HuntWorkspace huntId={hunt.id} queries={querySummaries(hunt)} canSave={can(who.role, 'save-run')} initialRun={initialRun} />
    </>
  );
}
