'use client';
/**
 * Scroll position and viewport height of the table's scroll container, turned into the window of
 * rows to render. Before the first measurement (and on the server) the viewport is `initialHeight`.
 * Also how tall that container may grow (useAvailableHeight).
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

/**
 * How tall a scroll container may grow: down to the bottom of the viewport from where it starts on
 * the page (so a short result takes only its rows, a long one fills the screen and then scrolls),
 * never less than `floor`. Measured after mount and again when the window is resized.
 */
export function useAvailableHeight(container: RefObject<HTMLElement | null>, initial: number, floor: number, margin = 12): number {
  const [height, setHeight] = useState(initial);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(floor, Math.floor(window.innerHeight - top - margin)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [container, floor, margin]);
  return height;
}
