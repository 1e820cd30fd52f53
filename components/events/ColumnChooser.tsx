'use client';
/**
 * Which event columns the table shows: a disclosure with a searchable checkbox list of every
 * column of the result, and Reset back to the default drill-down columns. Controlled.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { EsqlColumn } from '@/lib/model/esql';
import { defaultVisibleColumns, matchesColumnSearch } from '@/lib/view/events/columns';
import { inertText } from '@/lib/view/events/display-text';

export interface ColumnChooserProps {
  columns: EsqlColumn[];
  value: string[];
  onChange: (value: string[]) => void;
  /** Open on first render (tests, and a page that wants it open). */
  defaultOpen?: boolean;
}

export function ColumnChooser({ columns, value, onChange, defaultOpen = false }: ColumnChooserProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [search, setSearch] = useState('');
  const id = useId();
  const root = useRef<HTMLDivElement | null>(null);
  const toggleButton = useRef<HTMLButtonElement | null>(null);

  // A click anywhere else closes the panel, as a disclosure menu is expected to.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const chosen = new Set(value);
  const count = columns.filter((c) => chosen.has(c.name)).length;
  const matching = columns.filter((c) => matchesColumnSearch(c.name, search));

  // Keep the result's column order whatever order the boxes were ticked in.
  const toggle = (name: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(name);
    else next.delete(name);
    onChange(columns.map((c) => c.name).filter((n) => next.has(n)));
  };

  return (
    <div
      className="column-chooser"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        toggleButton.current?.focus();
      }}
    >
      <button type="button" ref={toggleButton} className="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        Columns ({count})
      </button>
      {open && (
        <div className="column-chooser-panel" id={`${id}-panel`} role="group" aria-label="Choose columns">
          <div className="column-chooser-tools">
            <input
              type="search"
              aria-label="Search columns"
              placeholder="Search columns"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <button type="button" className="button" onClick={() => onChange(defaultVisibleColumns(columns))}>
              Reset
            </button>
          </div>
          <ul className="plain column-chooser-list">
            {matching.map((c) => (
              <li key={c.name}>
                <label>
                  <input type="checkbox" checked={chosen.has(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} />
                  <span className="column-name">{inertText(c.name)}</span> <span className="muted">{c.type}</span>
                </label>
              </li>
            ))}
            {matching.length === 0 && <li className="muted">No column matches “{search}”</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
