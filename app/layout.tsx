import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';
import './workspace.css';
import { AccessBanner } from '@/components/AccessBanner';
import { NavLink } from '@/components/NavLink';
import { MAIN_ID, SkipLink } from '@/components/SkipLink';
import { SignOutButton } from '@/components/SignInForm';
import { ThemeToggle } from '@/components/ThemeToggle';
import { serverAccess } from '@/lib/server/process/access';
import { currentIdentity } from '@/lib/server/http/authorize';
import { loadBackendConfig } from '@/lib/backends/config';

export const metadata: Metadata = {
  title: 'Huntboard',
  description: 'Threat hunting with Elastic ES|QL hunts',
};

/** Who is signed in, and how: the local single-user mode says so, since anyone on this machine is the lead. */
async function WhoIsThere() {
  const who = await currentIdentity();
  if (who.kind === 'anonymous') return <Link href="/signin" prefetch={false}>Sign in</Link>;
  if (who.via === 'single-user') {
    return (
      <span className="who muted" title="No account is configured: Huntboard listens on 127.0.0.1 only. Add accounts with `huntboard users add`.">
        Local single-user mode ({who.username})
      </span>
    );
  }
  return (
    <span className="who">
      {who.username} <span className="muted">({who.role})</span> {who.via === 'session' ? <SignOutButton /> : null}
    </span>
  );
}

/** Where the hunts run, from the configuration alone: the app bar must not wait on the backend. */
function DataSource() {
  const config = loadBackendConfig(process.env);
  const label = !config.ok ? 'Backend misconfigured' : config.config.kind === 'elasticsearch' ? `Elasticsearch · ${config.config.displayTarget}` : 'Embedded store';
  return (
    <Link href="/" prefetch={false} className={`data-source${config.ok ? '' : ' error'}`} title="Data source: details on the overview">
      {label}
    </Link>
  );
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SkipLink />
        <header className="topbar">
          <Link href="/" prefetch={false} className="brand">
            Huntboard
          </Link>
          <nav aria-label="Main" className="mainnav">
            <NavLink href="/">Hunts</NavLink>
            <NavLink href="/explore">Explore</NavLink>
            <NavLink href="/runs">Saved runs</NavLink>
            <NavLink href="/week">Week</NavLink>
            <NavLink href="/allow-list">Allow-list</NavLink>
            <NavLink href="/bundles">Bundles</NavLink>
          </nav>
          <span className="spacer" />
          <DataSource />
          <WhoIsThere />
          <ThemeToggle />
        </header>
        <AccessBanner text={serverAccess().banner} />
        <main className="content" id={MAIN_ID} tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
