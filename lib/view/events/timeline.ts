/**
 * Event counts over time for the drill-down timeline: a bucket size picked from the time range
 * (so a burst of seconds and a quiet month both read well), every bucket of the query's window
 * including the empty ones — one event in a week is one thin bar, not a full chart — all in UTC.
 * Without a known window the axis spans the events; events outside the window (an agent's clock
 * ahead) widen it rather than vanish.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { plural } from '../text/plural';

export interface BucketStep {
  label: string;
  ms: number;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

export const STEPS: readonly BucketStep[] = [
  { label: '1s', ms: S },
  { label: '5s', ms: 5 * S },
  { label: '10s', ms: 10 * S },
  { label: '30s', ms: 30 * S },
  { label: '1m', ms: M },
  { label: '5m', ms: 5 * M },
  { label: '15m', ms: 15 * M },
  { label: '30m', ms: 30 * M },
  { label: '1h', ms: H },
  { label: '3h', ms: 3 * H },
  { label: '6h', ms: 6 * H },
  { label: '12h', ms: 12 * H },
  { label: '1d', ms: D },
  { label: '7d', ms: 7 * D },
  { label: '30d', ms: 30 * D },
];

export const MAX_BUCKETS = 120;

/** Weeks start on Monday (as Elasticsearch's date_histogram does); the epoch was a Thursday. */
const WEEK_OFFSET = 4 * D;

export function bucketStart(t: number, step: BucketStep): number {
  const offset = step.ms === 7 * D ? WEEK_OFFSET : 0;
  return Math.floor((t - offset) / step.ms) * step.ms + offset;
}

/** The finest step that covers [from, to] in at most MAX_BUCKETS buckets. */
export function chooseStep(from: number, to: number): BucketStep {
  for (const step of STEPS) {
    const buckets = (bucketStart(to, step) - bucketStart(from, step)) / step.ms + 1;
    if (buckets <= MAX_BUCKETS) return step;
  }
  return STEPS[STEPS.length - 1];
}

export interface Bucket {
  /** Epoch milliseconds of the bucket's start (UTC). */
  start: number;
  count: number;
}

export interface Timeline {
  step: BucketStep;
  buckets: Bucket[];
  /** Events with a timestamp; `undated` had none (or an unparsable one). */
  total: number;
  undated: number;
  first: number | null;
  last: number | null;
  peak: Bucket | null;
}

export function toEpochMs(value: EsqlValue): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/** The query's time window in epoch milliseconds; `to` is exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

/** The window a drill-down ran over, when it has both bounds (an imported run's has none). */
export function windowRange(window: { from?: string; to?: string } | undefined): TimeRange | undefined {
  const from = window?.from ? Date.parse(window.from) : NaN;
  const to = window?.to ? Date.parse(window.to) : NaN;
  return Number.isFinite(from) && Number.isFinite(to) && from < to ? { from, to } : undefined;
}

export function buildTimeline(timestamps: readonly (number | null)[], range?: TimeRange): Timeline {
  const dated = timestamps.filter((t): t is number => t !== null);
  const undated = timestamps.length - dated.length;
  if (dated.length === 0) return { step: STEPS[0], buckets: [], total: 0, undated, first: null, last: null, peak: null };
  let first = dated[0];
  let last = dated[0];
  for (const t of dated) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const lo = range ? Math.min(range.from, first) : first;
  // The end bound is exclusive: a window ending on a bucket boundary gets no empty bucket after it.
  const hi = range ? Math.max(range.to - 1, last) : last;
  const step = chooseStep(lo, hi);
  const origin = bucketStart(lo, step);
  const buckets: Bucket[] = [];
  for (let s = origin; s <= bucketStart(hi, step); s += step.ms) buckets.push({ start: s, count: 0 });
  for (const t of dated) buckets[Math.round((bucketStart(t, step) - origin) / step.ms)].count++;
  // The earliest bucket wins a tie: that is when the activity first peaked.
  let peak = buckets[0];
  for (const b of buckets) if (b.count > peak.count) peak = b;
  return { step, buckets, total: dated.length, undated, first, last, peak };
}

export function timelineOf(columns: readonly EsqlColumn[], values: readonly EsqlValue[][], range?: TimeRange, field = '@timestamp'): Timeline {
  const at = columns.findIndex((c) => c.name === field);
  return buildTimeline(
    values.map((row) => (at < 0 ? null : toEpochMs(row[at] ?? null))),
    range,
  );
}

/** A bucket's start as the axis shows it, in UTC, as precise as the step needs. */
export function formatBucket(start: number, step: BucketStep): string {
  const iso = new Date(start).toISOString();
  if (step.ms >= D) return iso.slice(0, 10);
  if (step.ms >= M) return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A shorter tick label: the date alone for day steps, the time of day otherwise (the summary gives the dates). */
export function formatTick(start: number, step: BucketStep, spansDays: boolean): string {
  const iso = new Date(start).toISOString();
  if (step.ms >= D) return iso.slice(5, 10);
  const time = step.ms >= M ? iso.slice(11, 16) : iso.slice(11, 19);
  return spansDays ? `${iso.slice(5, 10)} ${time}` : time;
}

/** "412 events from 2026-01-02 to 2026-01-08, peak 35 at 2026-01-05 14:00 UTC (1h buckets)". */
export function timelineSummary(t: Timeline, noun = 'events'): string {
  if (t.first === null || t.last === null || t.peak === null) return `No ${noun} with a timestamp`;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const span = day(t.first) === day(t.last) ? `on ${day(t.first)}` : `from ${day(t.first)} to ${day(t.last)}`;
  const count = plural(t.total, noun.replace(/s$/, ''), noun);
  const undated = t.undated > 0 ? `; ${t.undated.toLocaleString('en-US')} without a timestamp` : '';
  return `${count} ${span}, peak ${t.peak.count.toLocaleString('en-US')} at ${formatBucket(t.peak.start, t.step)} UTC (${t.step.label} buckets)${undated}`;
}
