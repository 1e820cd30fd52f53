'use client';
/**
 * The drag handle on a column header's right edge: drag with the mouse (or a pen, or a finger),
 * arrow keys when focused (Shift for bigger steps), double-click or Enter to fit the content again.
 * It measures the header it sits in, so a column sized to its content starts from where it is.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, resizeKeyAction } from '@/lib/view/table/column-widths';

export interface ResizeHandleProps {
  /** The column's name, for the handle's accessible name. */
  name: string;
  /** The width set by hand, if any. */
  width: number | undefined;
  onResize: (width: number | null) => void;
}

/** The width of the header the handle sits in, as the page shows it (cells are border-box sized). */
function headerWidth(handle: HTMLElement): number {
  return handle.closest('th')?.getBoundingClientRect().width ?? MIN_COLUMN_WIDTH;
}

export function ResizeHandle({ name, width, onResize }: ResizeHandleProps) {
  const drag = useRef<{ x: number; start: number } | null>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const now = clampWidth(width ?? measured ?? MIN_COLUMN_WIDTH);

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, start: width ?? headerWidth(e.currentTarget) };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (!drag.current) return;
    onResize(clampWidth(drag.current.start + e.clientX - drag.current.x));
  };
  const onPointerEnd = (e: PointerEvent<HTMLSpanElement>) => {
    if (!drag.current) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const action = resizeKeyAction(e.key, e.shiftKey, width ?? headerWidth(e.currentTarget));
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    onResize(action.kind === 'auto-fit' ? null : action.width);
  };

  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${name}`}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      aria-valuenow={now}
      aria-valuetext={width === undefined ? 'sized to its content' : `${width} pixels`}
      tabIndex={0}
      className="resize-handle"
      data-resized={width !== undefined || undefined}
      title="Drag or use the arrow keys to resize; double-click or Enter to fit the content"
      onFocus={(e) => setMeasured(Math.round(headerWidth(e.currentTarget)))}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => {
        e.stopPropagation();
        onResize(null);
      }}
      onKeyDown={onKeyDown}
    />
  );
}
