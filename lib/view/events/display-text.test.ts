import { describe, expect, it } from 'vitest';
import { inertText, truncate, valueText } from './display-text';

describe('display text', () => {
  it('makes bidi overrides and controls visible', () => {
    expect(inertText('evil\u202Egnp.exe')).toBe('evil\\u202egnp.exe');
    expect(inertText('a\nb\u0000')).toBe('a\\nb\\x00');
    expect(inertText('<img src=x>')).toBe('<img src=x>');
  });
  it('joins multi-values and names null', () => {
    expect(valueText(['a', null, 'b'])).toBe('a, null, b');
    expect(valueText(null)).toBe('(none)');
    expect(valueText(443)).toBe('443');
  });
  it('truncates with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});
