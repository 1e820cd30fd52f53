/**
 * What is bundle-specific about the week a bundle covers: its file name. The week itself is
 * lib/review/week-bounds' (any day names its week, so "the week of Wednesday the 7th" exports what
 * an analyst means).
 */
import 'server-only';
import type { WeekBounds } from '../model/week';
import { BUNDLE_EXTENSION } from './format';

export function bundleFileName(week: WeekBounds): string {
  return `huntboard-week-${week.monday}${BUNDLE_EXTENSION}`;
}
