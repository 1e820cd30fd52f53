import { describe, expect, it } from 'vitest';
import { plural, pluralNoun } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(2, 'row')).toBe('2 rows');
  });
  it('groups digits like the rest of the UI', () => {
    expect(plural(1204, 'row')).toBe('1,204 rows');
  });
  it('takes an irregular plural', () => {
    expect(plural(1, 'query', 'queries')).toBe('1 query');
    expect(plural(3, 'query', 'queries')).toBe('3 queries');
    expect(plural(2, 'index', 'indices')).toBe('2 indices');
  });
  it('gives the noun alone for labels that style the number apart', () => {
    expect(pluralNoun(1, 'finding')).toBe('finding');
    expect(pluralNoun(5, 'finding')).toBe('findings');
  });
});
