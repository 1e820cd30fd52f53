'use client';
/**
 * The widths an analyst gave a table's columns, kept for the session (sessionStorage, keyed by the
 * table and the column). Read after hydration, so the server's page and the first client render agree.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { parseWidths, widthsStorageKey, withWidth, type ColumnWidths } from '@/lib/view/table/column-widths';

const CHANGED = 'huntboard-column-widths-change';
const NONE: ColumnWidths = {};
// One parsed object per stored text: useSyncExternalStore needs a stable snapshot.
const parsed = new Map<string, { text: string | null; widths: ColumnWidths }>();

function read(key: string): ColumnWidths {
  let text: string | null = null;
  try {
    text = window.sessionStorage.getItem(key);
  } catch {
    return NONE;
  }
  const cached = parsed.get(key);
  if (cached && cached.text === text) return cached.widths;
  const widths = parseWidths(text);
  parsed.set(key, { text, widths });
  return widths;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  return () => window.removeEventListener(CHANGED, onChange);
}

export interface ColumnWidthsState {
  widths: ColumnWidths;
  /** Sets a column's width; null gives it back to its content (auto-fit). */
  setWidth: (column: string, width: number | null) => void;
}

export function useColumnWidths(table: string): ColumnWidthsState {
  const key = widthsStorageKey(table);
  const widths = useSyncExternalStore(subscribe, () => read(key), () => NONE);
  const setWidth = useCallback(
    (column: string, width: number | null) => {
      const next = withWidth(read(key), column, width);
      try {
        if (Object.keys(next).length === 0) window.sessionStorage.removeItem(key);
        else window.sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage refused (private mode, quota): the width is not kept, and nothing else breaks.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [key],
  );
  return { widths, setWidth };
}
