/**
 * The hunt page's histogram as the drill-down timeline's data: the server counts per bucket (the
 * step it chose from the window), the page fills in the empty buckets of the window so a quiet
 * week reads as quiet, not as one full-width bar. Buckets outside the window widen the axis.
 */
import type { HistogramResponse } from '../../model/api';
import { bucketStart, STEPS, type Bucket, type BucketStep, type TimeRange, type Timeline } from '../events/timeline';

type Counted = Pick<Extract<HistogramResponse, { ok: true }>, 'step' | 'buckets' | 'undated' | 'first' | 'last'>;

/** The server's step as one of the timeline's (for its week alignment), else as sent. */
function stepOf(step: Counted['step']): BucketStep {
  return STEPS.find((s) => s.label === step.label && s.ms === step.ms) ?? step;
}

export function histogramTimeline(answer: Counted, range?: TimeRange): Timeline {
  const step = stepOf(answer.step);
  const total = answer.buckets.reduce((sum, b) => sum + b.count, 0);
  if (answer.buckets.length === 0) return { step, buckets: [], total, undated: answer.undated, first: null, last: null, peak: null };
  const starts = answer.buckets.map((b) => bucketStart(b.start, step));
  const lo = Math.min(...starts, ...(range ? [bucketStart(range.from, step)] : []));
  // The window's end is exclusive: a window ending on a boundary gets no empty bucket after it.
  const hi = Math.max(...starts, ...(range ? [bucketStart(range.to - 1, step)] : []));
  const buckets: Bucket[] = [];
  for (let s = lo; s <= hi; s += step.ms) buckets.push({ start: s, count: 0 });
  answer.buckets.forEach((b, i) => (buckets[Math.round((starts[i] - lo) / step.ms)].count += b.count));
  // The earliest bucket wins a tie, as on the timeline: when the activity first peaked.
  let peak = buckets[0];
  for (const b of buckets) if (b.count > peak.count) peak = b;
  return { step, buckets, total, undated: answer.undated, first: answer.first ?? starts[0], last: answer.last ?? starts.at(-1)!, peak };
}
