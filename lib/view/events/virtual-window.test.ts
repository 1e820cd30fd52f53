import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopFor } from './virtual-window';

describe('rowWindow', () => {
  it('renders the visible rows plus overscan and keeps the total height', () => {
    const w = rowWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: 24, rowCount: 10000, overscan: 10 });
    expect(w).toEqual({ start: 0, end: 31, before: 0, after: (10000 - 31) * 24 });
  });
  it('windows around a scroll position in the middle', () => {
    const w = rowWindow({ scrollTop: 24 * 5000 + 5, viewportHeight: 480, rowHeight: 24, rowCount: 10000, overscan: 10 });
    expect(w.start).toBe(4990);
    expect(w.end).toBe(5031);
    expect(w.before + (w.end - w.start) * 24 + w.after).toBe(10000 * 24);
  });
  it('clamps at the end and for short lists', () => {
    const end = rowWindow({ scrollTop: 1e9, viewportHeight: 480, rowHeight: 24, rowCount: 100, overscan: 5 });
    expect(end.end).toBe(100);
    expect(end.after).toBe(0);
    expect(rowWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: 24, rowCount: 3, overscan: 5 })).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    expect(rowWindow({ scrollTop: 0, viewportHeight: 480, rowHeight: 24, rowCount: 0, overscan: 5 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});

describe('scrollTopFor', () => {
  it('scrolls as little as possible to show a row', () => {
    expect(scrollTopFor(10, 0, 240, 24)).toBe(24);
    expect(scrollTopFor(2, 240, 240, 24)).toBe(48);
    expect(scrollTopFor(12, 240, 240, 24)).toBe(240);
  });
});
