import { describe, expect, it } from 'vitest';
import { BIG_KEY_STEP, clampWidth, KEY_STEP, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, parseWidths, resizeKeyAction, widthStyle, widthsStorageKey, withWidth } from './column-widths';

describe('column widths', () => {
  it('clamps a width between the minimum and the maximum, in whole pixels', () => {
    expect(clampWidth(3)).toBe(MIN_COLUMN_WIDTH);
    expect(clampWidth(99999)).toBe(MAX_COLUMN_WIDTH);
    expect(clampWidth(120.6)).toBe(121);
    expect(clampWidth(Number.NaN)).toBe(MIN_COLUMN_WIDTH);
  });

  it('keeps from session storage only usable widths, and survives garbage', () => {
    expect(parseWidths(null)).toEqual({});
    expect(parseWidths('not json')).toEqual({});
    expect(parseWidths('[1,2]')).toEqual({});
    expect(parseWidths(JSON.stringify({ 'process.name': 180, bad: 'x', tiny: 1, nan: null }))).toEqual({ 'process.name': 180, tiny: MIN_COLUMN_WIDTH });
  });

  it('sets a width, and gives the column back to its content with null', () => {
    const set = withWidth({}, 'host.name', 5000);
    expect(set).toEqual({ 'host.name': MAX_COLUMN_WIDTH });
    expect(withWidth(set, 'host.name', null)).toEqual({});
  });

  it('resizes by arrow keys (Shift for bigger steps), Home to the minimum, Enter or Delete to fit the content', () => {
    expect(resizeKeyAction('ArrowRight', false, 100)).toEqual({ kind: 'resize', width: 100 + KEY_STEP });
    expect(resizeKeyAction('ArrowLeft', true, 200)).toEqual({ kind: 'resize', width: 200 - BIG_KEY_STEP });
    expect(resizeKeyAction('ArrowLeft', false, MIN_COLUMN_WIDTH)).toEqual({ kind: 'resize', width: MIN_COLUMN_WIDTH });
    expect(resizeKeyAction('Home', false, 300)).toEqual({ kind: 'resize', width: MIN_COLUMN_WIDTH });
    expect(resizeKeyAction('Enter', false, 300)).toEqual({ kind: 'auto-fit' });
    expect(resizeKeyAction('Delete', false, 300)).toEqual({ kind: 'auto-fit' });
    expect(resizeKeyAction('a', false, 300)).toBeNull();
  });

  it('gives header and body cells of a sized column the same fixed width, and none to an unsized one', () => {
    expect(widthStyle(150)).toEqual({ width: 150, minWidth: 150, maxWidth: 150 });
    expect(widthStyle(undefined)).toBeUndefined();
    expect(widthsStorageKey('events')).toBe('huntboard.column-widths.events');
  });
});
