import { describe, expect, it } from 'vitest';
import { weekOfDay } from '../review/week-bounds';
import { bundleFileName } from './week';

describe('the file name of a week’s bundle', () => {
  it('names the week by its Monday, whichever day chose it', () => {
    for (const day of ['2026-01-12', '2026-01-14', '2026-01-18']) {
      const week = weekOfDay(day);
      expect(week.ok && bundleFileName(week.week)).toBe('huntboard-week-2026-01-12.huntboard.gz');
    }
  });
});
