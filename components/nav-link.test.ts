import { describe, expect, it } from 'vitest';
import { isCurrentSection } from './NavLink';

describe('the app bar marks the current section', () => {
  it('marks Hunts on the overview and on every hunt page, and nowhere else', () => {
    expect(isCurrentSection('/', '/')).toBe(true);
    expect(isCurrentSection('/hunts/seed/events', '/')).toBe(true);
    expect(isCurrentSection('/runs', '/')).toBe(false);
  });

  it('marks a section on its own page and the pages under it, not on a page that only shares a prefix', () => {
    expect(isCurrentSection('/runs', '/runs')).toBe(true);
    expect(isCurrentSection('/runs/12/events', '/runs')).toBe(true);
    expect(isCurrentSection('/runsheet', '/runs')).toBe(false);
    expect(isCurrentSection('/week', '/runs')).toBe(false);
  });
});
