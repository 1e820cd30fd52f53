/**
 * Column widths an analyst set by hand, per table and column. A column without one is sized to its
 * content by the browser; a set width is clamped, so a column can neither vanish nor swallow the page.
 */

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 1200;
/** Arrow keys on a focused resize handle move by this much; with Shift, by BIG_STEP. */
export const KEY_STEP = 16;
export const BIG_KEY_STEP = 64;

export type ColumnWidths = Readonly<Record<string, number>>;

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return MIN_COLUMN_WIDTH;
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

/** The session storage key of one table's widths. */
export function widthsStorageKey(table: string): string {
  return `huntboard.column-widths.${table}`;
}

/** What session storage held, kept only where it is a usable width (storage is anyone's to edit). */
export function parseWidths(stored: string | null): ColumnWidths {
  if (stored === null) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const widths: Record<string, number> = {};
  for (const [column, width] of Object.entries(raw)) {
    if (typeof width === 'number' && Number.isFinite(width)) widths[column] = clampWidth(width);
  }
  return widths;
}

/** Sets one column's width, or with `null` gives it back to its content. */
export function withWidth(widths: ColumnWidths, column: string, width: number | null): ColumnWidths {
  const next = { ...widths };
  if (width === null) delete next[column];
  else next[column] = clampWidth(width);
  return next;
}

export type ResizeKeyAction = { kind: 'resize'; width: number } | { kind: 'auto-fit' };

/** What a key pressed on a column's resize handle does, from the column's current width. */
export function resizeKeyAction(key: string, shift: boolean, current: number): ResizeKeyAction | null {
  const step = shift ? BIG_KEY_STEP : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
      return { kind: 'resize', width: clampWidth(current - step) };
    case 'ArrowRight':
      return { kind: 'resize', width: clampWidth(current + step) };
    case 'Home':
      return { kind: 'resize', width: MIN_COLUMN_WIDTH };
    case 'Enter':
    case 'Delete':
    case 'Backspace':
      return { kind: 'auto-fit' };
    default:
      return null;
  }
}

/** The inline style of every cell of a column with a set width: the same on header and body. */
export function widthStyle(width: number | undefined): { width: number; minWidth: number; maxWidth: number } | undefined {
  return width === undefined ? undefined : { width, minWidth: width, maxWidth: width };
}
