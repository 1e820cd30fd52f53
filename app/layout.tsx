import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';
import './workspace.css';
import { ThemeToggle } from '@/components/ThemeToggle';

export const metadata: Metadata = {
  title: 'Huntboard',
  description: 'Threat hunting with Elastic ES|QL hunts',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            Huntboard
          </Link>
          <nav aria-label="Main" className="mainnav">
            <Link href="/">Hunts</Link>
            <Link href="/runs">Saved runs</Link>
            <Link href="/allow-list">Allow-list</Link>
          </nav>
          <span className="spacer" />
          <ThemeToggle />
        </header>
        <main className="content">{children}</main>
      </body>
    </html>
  );
}
