import { describe, expect, it } from 'vitest';
import { rowKeyAction } from './row-keys';

describe('rowKeyAction', () => {
  it('opens on Enter and Space', () => {
    expect(rowKeyAction('Enter', 3, 10, 5)).toEqual({ kind: 'open' });
    expect(rowKeyAction(' ', 3, 10, 5)).toEqual({ kind: 'open' });
  });
  it('moves by one, by a page, and to the ends, clamped', () => {
    expect(rowKeyAction('ArrowDown', 3, 10, 5)).toEqual({ kind: 'move', to: 4 });
    expect(rowKeyAction('ArrowUp', 0, 10, 5)).toEqual({ kind: 'move', to: 0 });
    expect(rowKeyAction('PageDown', 8, 10, 5)).toEqual({ kind: 'move', to: 9 });
    expect(rowKeyAction('PageUp', 3, 10, 5)).toEqual({ kind: 'move', to: 0 });
    expect(rowKeyAction('Home', 7, 10, 5)).toEqual({ kind: 'move', to: 0 });
    expect(rowKeyAction('End', 2, 10, 5)).toEqual({ kind: 'move', to: 9 });
  });
  it('ignores other keys', () => {
    expect(rowKeyAction('a', 3, 10, 5)).toBeNull();
    expect(rowKeyAction('Tab', 3, 10, 5)).toBeNull();
  });
});
