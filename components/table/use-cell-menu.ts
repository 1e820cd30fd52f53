'use client';
/**
 * The keyboard and focus behaviour of a cell's action menu (WAI-ARIA menu button): opening moves
 * focus to the first item, arrows/Home/End move between items, Escape and Tab close it with focus
 * back on its button, a pointer press elsewhere closes it. Its place is computed from the button
 * (the menu is portalled to the body, so no scrolling table clips it).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Fixed-position coordinates: below the button (`top`) or, near the window's bottom, above it (`bottom`). */
export type MenuPlace = { top: number; left: number } | { bottom: number; left: number };

const MENU_WIDTH = 260;
/** Room a typical menu (filters, copy, a pivot) needs under its button. */
const ROOM_BELOW = 200;

export function useCellMenu() {
  const [place, setPlace] = useState<MenuPlace | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLDivElement | null>(null);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  const close = useCallback((refocus: boolean) => {
    setPlace(null);
    if (refocus) trigger.current?.focus();
  }, []);

  const open = () => {
    const box = trigger.current?.getBoundingClientRect();
    if (!box) return;
    const left = Math.max(4, Math.min(box.left, window.innerWidth - MENU_WIDTH - 4));
    // Near the bottom of the window the menu opens upwards, so its items stay on screen.
    const below = window.innerHeight - box.bottom >= ROOM_BELOW;
    setPlace(below ? { top: box.bottom + 2, left } : { bottom: window.innerHeight - box.top + 2, left });
  };

  const isOpen = place !== null;
  useEffect(() => {
    if (!isOpen) return;
    items()[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target;
      if (!(target instanceof Node)) return;
      if (menu.current?.contains(target) || trigger.current?.contains(target)) return;
      close(false);
    };
    // The page scrolling under a fixed menu would leave it beside the wrong cell.
    const onScroll = (e: Event) => {
      if (!(e.target instanceof Node) || !menu.current?.contains(e.target)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [isOpen, close]);

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const at = list.findIndex((el) => el === document.activeElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    // The menu is portalled, but React events still bubble to the table row and the flyout: the
    // keys the menu handles must not also open a row or close the flyout.
    switch (e.key) {
      case 'ArrowDown': move(at + 1); break;
      case 'ArrowUp': move(at - 1); break;
      case 'Home': move(0); break;
      case 'End': move(list.length - 1); break;
      case 'Escape': close(true); break;
      case 'Tab': close(true); break;
      default:
        if (e.key === 'Enter' || e.key === ' ') {
          e.stopPropagation();
          return;
        }
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const onTriggerKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      open();
    }
  };

  return { place, trigger, menu, open, close, onMenuKeyDown, onTriggerKeyDown };
}
