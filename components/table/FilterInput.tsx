'use client';
/**
 * One column's filter box. Typing is local and committed after a short pause, so each keystroke
 * does not rewrite the URL and re-filter the whole result.
 */
import { useEffect, useRef, useState } from 'react';
import { isLookalikeFilter, parseFilter, toggleLookalike } from '@/lib/view/table/filter';
import { valueKind } from '@/lib/view/table/compare';

const COMMIT_DELAY_MS = 250;

export interface FilterInputProps {
  column: string;
  type: string;
  value: string;
  onCommit: (value: string) => void;
}

function placeholderFor(type: string): string {
  const kind = valueKind(type);
  if (kind === 'number') return '>= 10';
  if (kind === 'date') return '>= 2026-01-05';
  return 'contains…';
}

export function FilterInput({ column, type, value, onCommit }: FilterInputProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  // A change from outside (back button, a cleared URL) replaces the draft; the echo of our own
  // commit does not, or a keystroke typed while it travelled would be lost.
  if (seen !== value) {
    setSeen(value);
    if (value !== sent) setDraft(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onCommit);
  useEffect(() => {
    latest.current = onCommit;
  });
  const commit = useRef((next: string) => {
    setSent(next);
    latest.current(next);
  });
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const parsed = parseFilter(draft, type);
  const invalid = parsed.kind === 'invalid';
  const input = (
    <input
      type="search"
      className="filter-input"
      aria-label={`Filter ${column}`}
      placeholder={placeholderFor(type)}
      value={draft}
      aria-invalid={invalid || undefined}
      title={invalid ? parsed.message : undefined}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => commit.current(next), COMMIT_DELAY_MS);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        if (timer.current) clearTimeout(timer.current);
        commit.current(draft);
      }}
    />
  );
  if (valueKind(type) !== 'string') return input;
  // The `~` prefix is what the URL keeps; the switch makes it findable and sets it in one click.
  const lookalike = isLookalikeFilter(draft);
  return (
    <span className="filter-box">
      {input}
      <button
        type="button"
        className="lookalike-toggle"
        aria-pressed={lookalike}
        aria-label={`Also match look-alikes in ${column}`}
        title={`Also match look-alikes (\u0441url with a Cyrillic \u0441 for curl, hidden characters ignored): puts ~ before the text`}
        onClick={() => {
          const next = toggleLookalike(draft);
          setDraft(next);
          if (timer.current) clearTimeout(timer.current);
          commit.current(next);
        }}
      >
        ≈
      </button>
    </span>
  );
}
