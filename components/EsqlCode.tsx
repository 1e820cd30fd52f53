'use client';
/**
 * An ES|QL query, syntax-highlighted by lib/esql's own lexer, with a Copy button. Hunt files
 * come from outside, so control and bidi characters in the query are shown as escapes too.
 */
import { useEffect, useRef, useState } from 'react';
import { highlightEsql, type TextPosition } from '@/lib/view/text/esql-highlight';
import { InertText } from './CellValue';

export interface EsqlCodeProps {
  query: string;
  /** Positions of lint findings, 1-based. */
  highlight?: TextPosition[];
  /** Accessible name of the code block, e.g. `Effective ES|QL`. */
  label?: string;
}

type CopyState = 'idle' | 'copied' | 'selected';
const RESET_MS = 2000;

function selectContents(el: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

export function EsqlCode({ query, highlight = [], label }: EsqlCodeProps) {
  const code = useRef<HTMLElement | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), RESET_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    try {
      // Absent outside secure contexts (plain http on a LAN address): fall back to a selection.
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(query);
      setCopy('copied');
    } catch {
      if (code.current) selectContents(code.current);
      setCopy('selected');
    }
  };

  return (
    <div className="esql-code">
      <div className="esql-code-tools">
        <button type="button" className="button" onClick={onCopy}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <span role="status" className="muted">
          {copy === 'selected' ? 'Clipboard unavailable: the query is selected, press Ctrl+C (⌘C) to copy.' : ''}
        </span>
      </div>
      <pre aria-label={label}>
        <code ref={code} className="language-esql">
          {highlightEsql(query, highlight).map((s) => (
            <span
              key={s.start}
              className={`esql-${s.kind}${s.marked ? ' esql-marked' : ''}`}
              title={s.marked ? 'A lint finding points here' : undefined}
            >
              <InertText text={s.text} keepNewlines />
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
