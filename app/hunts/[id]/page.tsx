import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { HuntHeader } from '@/components/hunt/HuntHeader';
import { HuntWorkspace } from '@/components/hunt/HuntWorkspace';
import { findHunt, loadCatalogue } from '@/lib/hunts/catalogue';
import { querySummaries } from '@/lib/hunts/query-summaries';
import { pagePath } from '@/lib/auth/next-path';
import { can } from '@/lib/auth/roles';
import { pageUser } from '@/lib/server/http/authorize';

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
  const who = await pageUser(pagePath(`/hunts/${encodeURIComponent(id)}`, await searchParams));
  const hunt = findHunt(await loadCatalogue(), id);
  if (!hunt) notFound();
  return (
    <>
      <HuntHeader hunt={hunt} />
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <HuntWorkspace huntId={hunt.id} queries={querySummaries(hunt)} canSave={can(who.role, 'save-run')} />
      </Suspense>
    </>
  );
}
