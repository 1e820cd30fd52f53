'use client';
/**
 * The flyout's two views of one event, as WAI-ARIA tabs: a tablist whose selected tab alone is in
 * the Tab order, ←/→ (and Home/End) move between tabs, each panel labelled by its tab. Every panel
 * stays mounted (hidden when not selected), so each tab's aria-controls names an element.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface FlyoutTab {
  id: string;
  title: string;
  panel: ReactNode;
  /** A panel with no focusable content is itself focusable, so a keyboard can scroll it. */
  focusable?: boolean;
}

export function FlyoutTabs({ label, tabs }: { label: string; tabs: FlyoutTab[] }) {
  const base = useId();
  const [selected, setSelected] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabId = (i: number) => `${base}-tab-${tabs[i].id}`;
  const panelId = (i: number) => `${base}-panel-${tabs[i].id}`;

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = tabs.length - 1;
    const to = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : undefined;
    if (to === undefined) return;
    e.preventDefault();
    setSelected(to);
    buttons.current[to]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className="tabs flyout-tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(i)}
            aria-selected={i === selected}
            aria-controls={panelId(i)}
            tabIndex={i === selected ? 0 : -1}
            className="tab"
            onClick={() => setSelected(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div key={tab.id} role="tabpanel" id={panelId(i)} aria-labelledby={tabId(i)} hidden={i !== selected} tabIndex={tab.focusable && i === selected ? 0 : undefined} className="flyout-tabpanel">
          {tab.panel}
        </div>
      ))}
    </>
  );
}
