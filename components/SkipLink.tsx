'use client';
/**
 * "Skip to results": the first focusable element of every page, past the navigation and the
 * page's controls to its main result — the element marked `data-skip-target` (a result table's
 * first row), else the page's <main>. Without JavaScript the link still jumps to <main>.
 */
import type { MouseEvent } from 'react';

export const MAIN_ID = 'main';

function skip(e: MouseEvent<HTMLAnchorElement>): void {
  const target = document.querySelector<HTMLElement>('[data-skip-target]') ?? document.getElementById(MAIN_ID);
  if (!target) return;
  e.preventDefault();
  target.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
}

export function SkipLink() {
  return (
    <a href={`#${MAIN_ID}`} className="skip-link" onClick={skip}>
      Skip to results
    </a>
  );
}
