/**
 * Which rows of a fixed-row-height list to render for a scroll position: the visible ones plus an
 * overscan either side, and the heights of the spacers that stand in for the rest so the scroll
 * height stays that of the whole list.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}

export interface RowWindow {
  /** First rendered position (inclusive). */
  start: number;
  /** Last rendered position (exclusive). */
  end: number;
  /** Spacer heights in pixels before and after the rendered rows. */
  before: number;
  after: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowWindow {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const visible = Math.max(1, Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1);
  const start = Math.max(0, first - overscan);
  const end = Math.min(rowCount, first + visible + overscan);
  return { start, end, before: start * rowHeight, after: (rowCount - end) * rowHeight };
}

/** The scrollTop that brings `position` into a viewport, moving as little as possible. */
export function scrollTopFor(position: number, current: number, viewportHeight: number, rowHeight: number, headerHeight = 0): number {
  const rowTop = position * rowHeight;
  const visibleTop = current;
  const visibleBottom = current + viewportHeight - headerHeight;
  if (rowTop < visibleTop) return rowTop;
  if (rowTop + rowHeight > visibleBottom) return rowTop + rowHeight - (viewportHeight - headerHeight);
  return current;
}
