import { describe, expect, it } from 'vitest';
import { bucketStart, buildTimeline, chooseStep, formatBucket, STEPS, timelineOf, timelineSummary, windowRange } from './timeline';

const t = (iso: string) => Date.parse(iso);
const step = (label: string) => STEPS.find((s) => s.label === label)!;

describe('chooseStep', () => {
  it('picks the finest step with at most 120 buckets', () => {
    expect(chooseStep(t('2026-01-02T00:00:00Z'), t('2026-01-02T00:00:30Z')).label).toBe('1s');
    expect(chooseStep(t('2026-01-02T00:00:00Z'), t('2026-01-02T01:00:00Z')).label).toBe('1m');
    expect(chooseStep(t('2026-01-02T00:00:00Z'), t('2026-01-02T05:00:00Z')).label).toBe('5m');
    expect(chooseStep(t('2026-01-02T00:00:00Z'), t('2026-01-03T00:00:00Z')).label).toBe('15m');
    expect(chooseStep(t('2026-01-02T00:00:00Z'), t('2026-01-06T00:00:00Z')).label).toBe('1h');
    expect(chooseStep(t('2026-01-02T00:00:00Z'), t('2026-01-08T00:00:00Z')).label).toBe('3h');
    expect(chooseStep(t('2026-01-01T00:00:00Z'), t('2026-01-31T00:00:00Z')).label).toBe('12h');
    expect(chooseStep(t('2026-01-01T00:00:00Z'), t('2026-03-31T00:00:00Z')).label).toBe('1d');
    expect(chooseStep(t('2025-01-01T00:00:00Z'), t('2026-01-01T00:00:00Z')).label).toBe('7d');
  });

  it('aligns weeks to Monday and days to UTC midnight', () => {
    expect(new Date(bucketStart(t('2026-01-08T13:00:00Z'), step('7d'))).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(new Date(bucketStart(t('2026-01-08T13:00:00Z'), step('1d'))).toISOString()).toBe('2026-01-08T00:00:00.000Z');
  });
});

describe('buildTimeline', () => {
  it('counts events per bucket and includes the empty buckets', () => {
    const line = buildTimeline([t('2026-01-02T00:00:10Z'), t('2026-01-02T00:00:20Z'), t('2026-01-02T00:03:00Z'), null]);
    expect(line.step.label).toBe('5s');
    expect(line.total).toBe(3);
    expect(line.undated).toBe(1);
    expect(line.buckets[0]).toEqual({ start: t('2026-01-02T00:00:10Z'), count: 1 });
    expect(line.buckets.at(-1)).toEqual({ start: t('2026-01-02T00:03:00Z'), count: 1 });
    expect(line.buckets.reduce((n, b) => n + b.count, 0)).toBe(3);
    // 00:00:10 … 00:03:00 in 5 s steps, contiguous
    expect(line.buckets).toHaveLength(35);
    for (let i = 1; i < line.buckets.length; i++) expect(line.buckets[i].start - line.buckets[i - 1].start).toBe(5000);
  });

  it('finds the peak (the earliest of equal ones)', () => {
    const hours = ['01', '01', '03', '03', '03', '05', '05', '05'].map((h) => t(`2026-01-02T${h}:00:00Z`));
    const line = buildTimeline(hours);
    expect(line.peak).toEqual({ start: t('2026-01-02T03:00:00Z'), count: 3 });
  });

  it('handles a single event as one bucket', () => {
    const line = buildTimeline([t('2026-01-02T10:11:12.345Z')]);
    expect(line.buckets).toEqual([{ start: t('2026-01-02T10:11:12Z'), count: 1 }]);
    expect(line.peak?.count).toBe(1);
    expect(timelineSummary(line)).toBe('1 event on 2026-01-02, peak 1 at 2026-01-02 10:11:12 UTC (1s buckets)');
  });

  it('handles no events', () => {
    const line = buildTimeline([]);
    expect(line.buckets).toEqual([]);
    expect(timelineSummary(line)).toBe('No events with a timestamp');
  });
});

describe('timelineOf / timelineSummary', () => {
  it('reads @timestamp of _query rows and summarises in UTC', () => {
    const columns = [{ name: 'host.name', type: 'keyword' }, { name: '@timestamp', type: 'date' }];
    const values = [
      ['a', '2026-01-08T10:00:00.000Z'],
      ['a', '2026-01-05T14:20:00.000Z'],
      ['a', '2026-01-05T14:40:00.000Z'],
      ['a', '2026-01-02T00:00:00.000Z'],
      ['a', 'not a date'],
    ];
    const line = timelineOf(columns, values);
    expect(line.step.label).toBe('3h');
    expect(timelineSummary(line, 'connections')).toBe(
      '4 connections from 2026-01-02 to 2026-01-08, peak 2 at 2026-01-05 12:00 UTC (3h buckets); 1 without a timestamp',
    );
    expect(formatBucket(t('2026-01-05T00:00:00Z'), step('1d'))).toBe('2026-01-05');
  });
});

describe('the axis over the query window', () => {
  const week = { from: t('2026-01-01T12:00:00Z'), to: t('2026-01-08T12:00:00Z') };

  it('spans the window, so one event is one bucket among many, not the whole chart', () => {
    const line = buildTimeline([t('2026-01-05T14:20:00Z')], week);
    expect(line.step.label).toBe('3h');
    expect(line.buckets[0].start).toBe(t('2026-01-01T12:00:00Z'));
    // 7 days of 3 h buckets; the exclusive end adds no bucket starting at 12:00 on the 8th.
    expect(line.buckets).toHaveLength(56);
    expect(line.buckets.at(-1)!.start).toBe(t('2026-01-08T09:00:00Z'));
    expect(line.buckets.filter((b) => b.count > 0)).toEqual([{ start: t('2026-01-05T12:00:00Z'), count: 1 }]);
    expect(line.first).toBe(t('2026-01-05T14:20:00Z'));
  });

  it('widens for an event outside the window (an agent clock ahead) instead of dropping it', () => {
    const line = buildTimeline([t('2026-01-05T00:00:00Z'), t('2026-01-08T20:00:00Z')], week);
    expect(line.total).toBe(2);
    expect(line.buckets.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(line.buckets.at(-1)!.start).toBeLessThanOrEqual(t('2026-01-08T20:00:00Z'));
    expect(line.buckets.at(-1)!.start + line.step.ms).toBeGreaterThan(t('2026-01-08T20:00:00Z'));
  });

  it('reads the window of a drill-down response, and ignores one without both bounds', () => {
    expect(windowRange({ from: '2026-01-01T12:00:00.000Z', to: '2026-01-08T12:00:00.000Z' })).toEqual(week);
    expect(windowRange({ from: '2026-01-01T12:00:00.000Z' })).toBeUndefined();
    expect(windowRange({ from: 'junk', to: '2026-01-08T12:00:00.000Z' })).toBeUndefined();
    expect(windowRange(undefined)).toBeUndefined();
  });

  it('timelineOf passes the window through', () => {
    const line = timelineOf([{ name: '@timestamp', type: 'date' }], [['2026-01-05T14:20:00.000Z']], week);
    expect(line.buckets).toHaveLength(56);
  });
});
