'use client';
/**
 * The ES|QL editor: a plain textarea (the browser's own editing, undo and accessibility) over a
 * highlighted copy of its text, with suggestions at the cursor (commands, indices, columns of the
 * backend's mappings, functions, operators) and the parser's and analyzer's problems underlined
 * as the analyst types. Ctrl+Enter (⌘+Enter) runs; Ctrl+Space asks for suggestions.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EsqlValue } from '@/lib/model/esql';
import { positionOf } from '@/lib/esql';
import { columnsAt, diagnose, type Diagnosis, type EditorSources } from '@/lib/view/explore/analysis';
import { applyCompletion, complete, type CompletionItem } from '@/lib/view/explore/completion';
import { cursorWord } from '@/lib/view/explore/context';
import { overlaySegments } from '@/lib/view/explore/overlay';
import { InertText } from '@/components/CellValue';
import { CompletionList, optionId } from './CompletionList';

/** As-you-type checks wait for a pause this long. */
const CHECK_MS = 150;
const MAX_PROBLEMS_SHOWN = 5;
/** Typing one of these opens the suggestions. */
const OPENS = /^[A-Za-z0-9_.@|(,\s-]$/;

export interface EsqlEditorProps {
  value: string;
  onChange: (text: string) => void;
  onRun: () => void;
  sources: EditorSources;
  /** The params the query will run with (memoized by the caller): the analyzer checks them. */
  params: Record<string, EsqlValue>[];
  label: string;
}

export function EsqlEditor({ value, onChange, onRun, sources, params, label }: EsqlEditorProps) {
  const ids = useId();
  const listId = `${ids}-suggestions`;
  const area = useRef<HTMLTextAreaElement | null>(null);
  const pendingCursor = useRef<number | null>(null);
  const [cursor, setCursor] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [checked, setChecked] = useState<{ text: string; diagnosis: Diagnosis } | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setChecked({ text: value, diagnosis: diagnose(value, sources, params) }), CHECK_MS);
    return () => clearTimeout(timer);
  }, [value, sources, params]);
  // A stale check would underline the wrong characters: problems show for the text as it is.
  const diagnosis = checked?.text === value ? checked.diagnosis : undefined;
  const problems = diagnosis?.problems ?? [];

  const completion = useMemo(() => {
    if (!open) return undefined;
    const fields = columnsAt(value, cursorWord(value, cursor).pipe, sources, params);
    return complete(value, cursor, { indices: sources.indices, fields });
  }, [open, value, cursor, sources, params]);
  const items = completion?.items ?? [];
  const shownActive = Math.min(active, items.length - 1);
  const listed = open && items.length > 0;

  // A completion applied without execCommand re-renders the text first; the cursor follows it.
  useLayoutEffect(() => {
    if (pendingCursor.current === null || !area.current) return;
    area.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  }, [value]);

  const accept = (item: CompletionItem) => {
    const el = area.current;
    if (!completion || !el) return;
    const next = applyCompletion(value, completion, item);
    el.focus();
    el.setSelectionRange(completion.start, completion.end);
    // execCommand keeps the browser's undo history; where it is missing, the text is set instead.
    const inserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, item.insert);
    if (!inserted) {
      pendingCursor.current = next.cursor;
      onChange(next.text);
    }
    setCursor(next.cursor);
    setActive(0);
    // After a command, a function's parenthesis or a keyword comes what they take: keep suggesting.
    setOpen(item.kind === 'command' || item.kind === 'function' || item.kind === 'keyword' || item.kind === 'operator');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      setOpen(false);
      onRun();
      return;
    }
    if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      setOpen(true);
      setActive(0);
      return;
    }
    if (!listed) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((shownActive + step + items.length) % items.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(items[shownActive]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const caret = positionOf(value, cursor);
  const lines = value.split('\n').length;
  const activeItem = listed ? items[shownActive] : undefined;

  return (
    <div className="esql-editor">
      <label htmlFor={`${ids}-text`} className="esql-editor-label">
        {label}
      </label>
      <div className={`esql-editor-box${problems.length > 0 ? ' has-problems' : ''}`}>
        <pre className="esql-editor-overlay" aria-hidden="true">
          <code style={{ transform: `translate(${-scroll.left}px, ${-scroll.top}px)` }}>
            {overlaySegments(value, problems).map((s) => (
              <span key={s.start} className={`esql-${s.kind}${s.problem ? ' esql-problem' : ''}`}>
                {s.text}
              </span>
            ))}
            {'\n'}
          </code>
        </pre>
        <textarea
          ref={area}
          id={`${ids}-text`}
          className="esql-editor-text"
          value={value}
          rows={Math.max(3, Math.min(lines + 1, 16))}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          placeholder="FROM logs-* | WHERE … (Ctrl+Enter runs)"
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-controls={listed ? listId : undefined}
          aria-activedescendant={listed ? optionId(listId, shownActive) : undefined}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={`${ids}-problems ${ids}-keys`}
          onChange={(e) => {
            const typed = (e.nativeEvent as InputEvent).data ?? '';
            onChange(e.target.value);
            setCursor(e.target.selectionStart);
            setActive(0);
            if (typed.length === 1 && OPENS.test(typed)) setOpen(true);
          }}
          onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
        />
        {listed && (
          <div className="esql-caret-anchor" style={{ top: `${caret.line * 20 + 8 - scroll.top}px`, left: `calc(${caret.column - 1}ch + ${12 - scroll.left}px)` }}>
            <div className="esql-completion-popup">
              <CompletionList id={listId} items={items} active={shownActive} onPick={accept} />
              {activeItem?.documentation && (
                <p className="esql-completion-doc">
                  <InertText text={activeItem.documentation} />
                </p>
              )}
            </div>
          </div>
        )}
      </div>
      <div id={`${ids}-problems`} className="esql-editor-problems" aria-live="polite">
        {problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => (
          <p key={`${p.offset}:${p.text}`} className="error">
            <InertText text={p.text} />
          </p>
        ))}
        {problems.length > MAX_PROBLEMS_SHOWN && <p className="muted">and {problems.length - MAX_PROBLEMS_SHOWN} more</p>}
      </div>
      <p id={`${ids}-keys`} className="muted esql-editor-keys">
        Ctrl+Enter (⌘+Enter) runs · Ctrl+Space suggests · ↑↓ and Enter or Tab pick a suggestion · Esc closes them
        {diagnosis?.checked === 'syntax' ? ' · syntax checked; the fields are still loading' : ''}
      </p>
    </div>
  );
}
