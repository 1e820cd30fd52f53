'use client';
/**
 * Events over time as a bar chart, one bar per bucket, UTC. The chart is one image to assistive
 * technology, labelled with a summary; the counts themselves are in a table under a <details>.
 */
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBucket, formatTick, timelineSummary, type Timeline as TimelineData } from '@/lib/view/events/timeline';

export interface TimelineProps {
  timeline: TimelineData;
  /** What an event is, for the summary ("connections"). */
  noun?: string;
  height?: number;
}

interface Datum {
  start: number;
  count: number;
  tick: string;
  full: string;
}

export function Timeline({ timeline, noun = 'events', height = 160 }: TimelineProps) {
  const summary = timelineSummary(timeline, noun);
  const data = useMemo<Datum[]>(() => {
    // The axis may span more than the events (the query's window): its ends decide the tick format.
    const ends = [timeline.buckets[0]?.start, timeline.buckets.at(-1)?.start];
    const spansDays = ends[0] !== undefined && ends[1] !== undefined && new Date(ends[0]).toISOString().slice(0, 10) !== new Date(ends[1]).toISOString().slice(0, 10);
    return timeline.buckets.map((b) => ({ start: b.start, count: b.count, tick: formatTick(b.start, timeline.step, spansDays), full: `${formatBucket(b.start, timeline.step)} UTC` }));
  }, [timeline]);

  return (
    <figure className="events-chart timeline">
      <figcaption className="events-chart-title">Events over time</figcaption>
      {data.length === 0 ? (
        <p className="muted">{summary}</p>
      ) : (
        <>
          <div role="img" aria-label={summary} className="events-chart-body" style={{ height }}>
            <BarChart data={data} responsive style={{ width: '100%', height }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false} barCategoryGap={1}>
              <CartesianGrid vertical={false} stroke="var(--border)" />
              <XAxis dataKey="tick" minTickGap={24} tickLine={false} stroke="var(--border)" tick={{ fill: 'var(--muted)', fontSize: 11 }} />
              <YAxis allowDecimals={false} width={36} tickLine={false} stroke="var(--border)" tick={{ fill: 'var(--muted)', fontSize: 11 }} />
              <Tooltip
                cursor={{ fill: 'var(--border)', opacity: 0.4 }}
                labelFormatter={(_, payload) => (payload[0]?.payload as Datum | undefined)?.full ?? ''}
                formatter={(value) => [String(value), noun]}
                contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)', fontSize: 12 }}
              />
              <Bar dataKey="count" fill="var(--accent)" isAnimationActive={false} />
            </BarChart>
          </div>
          {/* Sighted readers get the summary too; assistive technology already has it as the image's label. */}
          <p className="muted events-chart-note" aria-hidden="true">
            {summary}
          </p>
          <details className="events-chart-data">
            <summary>
              Counts per {timeline.step.label} bucket ({timeline.buckets.length})
            </summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Bucket start (UTC)</th>
                  <th scope="col" className="num">
                    Events
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.start}>
                    <td>
                      <time dateTime={new Date(d.start).toISOString()}>{formatBucket(d.start, timeline.step)}</time>
                    </td>
                    <td className="num">{d.count.toLocaleString('en-US')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
