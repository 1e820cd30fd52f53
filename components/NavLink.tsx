'use client';
/**
 * A link of the app bar's navigation, marked `aria-current="page"` (and styled as the selected tab)
 * on its own page and the pages under it: `/runs/12` is still "Saved runs".
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/hunts/');
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname() ?? '';
  return (
    // No prefetch: every page is rendered per request, and prefetching each section on every page
    // view would render them all on a shared server for nothing.
    <Link href={href} prefetch={false} className="nav-link" aria-current={isCurrentSection(pathname, href) ? 'page' : undefined}>
      {children}
    </Link>
  );
}
