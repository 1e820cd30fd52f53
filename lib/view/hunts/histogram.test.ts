import { describe, expect, it } from 'vitest';
import { buildTimeline, STEPS, timelineSummary } from '../events/timeline';
import { histogramTimeline } from './histogram';

const H = 3_600_000;
const step = STEPS.find((s) => s.label === '3h')!;
const FROM = Date.parse('2026-01-01T12:00:00.000Z');
const TO = Date.parse('2026-01-08T12:00:00.000Z');

describe('the hunt histogram as a timeline', () => {
  it('fills the window’s empty buckets and draws what the drill-down timeline draws for the same events', () => {
    const events = [FROM + 1, FROM + 2 * H, FROM + 50 * H, FROM + 50 * H + 5, FROM + 50 * H + 7, TO - 1];
    const counted = new Map<number, number>();
    for (const t of events) counted.set(Math.floor(t / step.ms) * step.ms, (counted.get(Math.floor(t / step.ms) * step.ms) ?? 0) + 1);
    const answer = { step, buckets: [...counted].map(([start, count]) => ({ start, count })), undated: 2, first: events[0], last: events.at(-1)! };
    const range = { from: FROM, to: TO };
    const chart = histogramTimeline(answer, range);
    const reference = buildTimeline([...events, null, null], range);
    expect(chart).toEqual(reference);
    expect(chart.buckets).toHaveLength(56);
    expect(chart.peak).toEqual({ start: Math.floor((FROM + 50 * H) / step.ms) * step.ms, count: 3 });
    expect(timelineSummary(chart, 'matching events')).toBe('6 matching events from 2026-01-01 to 2026-01-08, peak 3 at 2026-01-03 12:00 UTC (3h buckets); 2 without a timestamp');
  });

  it('widens the axis for buckets outside the window (an agent’s clock ahead)', () => {
    const late = Math.floor((TO + 10 * H) / step.ms) * step.ms;
    const chart = histogramTimeline({ step, buckets: [{ start: late, count: 4 }], undated: 0, first: late, last: late + 1 }, { from: FROM, to: TO });
    expect(chart.buckets.at(-1)).toEqual({ start: late, count: 4 });
    expect(chart.buckets[0].start).toBe(Math.floor(FROM / step.ms) * step.ms);
    expect(chart.total).toBe(4);
  });

  it('has no buckets and says so when nothing matched', () => {
    const chart = histogramTimeline({ step, buckets: [], undated: 0, first: null, last: null }, { from: FROM, to: TO });
    expect(chart).toMatchObject({ buckets: [], total: 0, peak: null });
    expect(timelineSummary(chart, 'matching events')).toBe('No matching events with a timestamp');
  });

  it('aligns week buckets on Mondays, as the server’s 7-day span does', () => {
    const week = STEPS.find((s) => s.label === '7d')!;
    const monday = Date.parse('2026-01-05T00:00:00.000Z');
    const chart = histogramTimeline({ step: { label: week.label, ms: week.ms }, buckets: [{ start: monday, count: 1 }], undated: 0, first: monday, last: monday }, { from: monday - 20 * 24 * H, to: monday + 1 });
    expect(chart.buckets.map((b) => new Date(b.start).getUTCDay())).toEqual([1, 1, 1, 1]);
  });
});
