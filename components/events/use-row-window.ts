'use client';
/**
 * Scroll position and viewport height of the table's scroll container, turned into the window of
 * rows to render. Before the first measurement (and on the server) the viewport is `initialHeight`.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from 'react';
import { rowWindow, type RowWindow } from '@/lib/view/events/virtual-window';

export function useRowWindow(
  container: RefObject<HTMLDivElement | null>,
  rowCount: number,
  rowHeight: number,
  initialHeight: number,
  overscan = 10,
): { window: RowWindow; onScroll: (e: UIEvent<HTMLDivElement>) => void; viewportHeight: number } {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(initialHeight);
  const frame = useRef<number | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // A ResizeObserver reports once right after observe(), which is the first measurement.
    const observer = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [container]);

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  // One state update per frame however fast the wheel spins.
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setScrollTop(el.scrollTop);
    });
  }, []);

  const window = useMemo(
    () => rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }),
    [scrollTop, viewportHeight, rowHeight, rowCount, overscan],
  );
  return { window, onScroll, viewportHeight };
}
