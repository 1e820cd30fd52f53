import { Suspense } from 'react';
import type { Metadata } from 'next';
import { ExploreWorkspace } from '@/components/explore/ExploreWorkspace';
import { pagePath } from '@/lib/auth/next-path';
import { pageUser } from '@/lib/server/http/authorize';
import '../explore.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Explore · Huntboard' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ExplorePage({ searchParams }: Props) {
  // Signed in like every page: a pivot link followed while signed out comes back here after sign-in.
  await pageUser(pagePath('/explore', await searchParams));
  return (
    <>
      <h1>Explore</h1>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <ExploreWorkspace />
      </Suspense>
    </>
  );
}
