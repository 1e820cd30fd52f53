/** What a key pressed on a focused event row does: open it, move the focus, or nothing. */
export type RowKeyAction = { kind: 'open' } | { kind: 'move'; to: number } | null;

/** `page` is the number of rows a PageUp/PageDown moves by (about one viewport). */
export function rowKeyAction(key: string, pos: number, rowCount: number, page: number): RowKeyAction {
  if (key === 'Enter' || key === ' ') return { kind: 'open' };
  const last = rowCount - 1;
  const targets: Record<string, number> = { ArrowDown: pos + 1, ArrowUp: pos - 1, PageDown: pos + page, PageUp: pos - page, Home: 0, End: last };
  if (!(key in targets) || rowCount === 0) return null;
  return { kind: 'move', to: Math.max(0, Math.min(last, targets[key])) };
}
