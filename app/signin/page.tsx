import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm, SignOutButton } from '@/components/SignInForm';
import { safeNextPath } from '@/lib/auth/next-path';
import { serverAccess } from '@/lib/server/process/access';
import { currentIdentity } from '@/lib/server/http/authorize';
import '../signin.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · Huntboard' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNextPath((await searchParams).next);
  const { mode } = serverAccess();
  const who = await currentIdentity();
  return (
    <section className="panel signin" aria-label="Sign in">
      <h1>Sign in</h1>
      {mode.kind === 'single-user' ? (
        <p>
          Huntboard runs in local single-user mode; there is nothing to sign in to. <Link href={next}>Continue</Link>
        </p>
      ) : mode.kind === 'proxy' ? (
        <p>Huntboard is behind a sign-in proxy; sign in there.{who.kind === 'user' ? ` You are ${who.username} (${who.role}).` : ''}</p>
      ) : (
        <>
          {who.kind === 'user' ? (
            <p className="signin-current">
              You are signed in as <strong>{who.username}</strong> ({who.role}). <SignOutButton />
            </p>
          ) : null}
          <SignInForm next={next} />
        </>
      )}
    </section>
  );
}
