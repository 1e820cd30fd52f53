import { describe, expect, it } from 'vitest';
import { rowKeyLabel } from './row-label';

describe('rowKeyLabel', () => {
  it('names a row by its key values', () => {
    expect(rowKeyLabel(['kworkerds'])).toBe('kworkerds');
    expect(rowKeyLabel(['curl', 'host-7'])).toBe('curl, host-7');
  });
  it('spells out bidi and control characters, and names null and empty keys', () => {
    expect(rowKeyLabel(['\u202Egnp.sh'])).toBe('\\u202egnp.sh');
    expect(rowKeyLabel([null])).toBe('(none)');
    expect(rowKeyLabel([])).toBe('(no key)');
  });
});
