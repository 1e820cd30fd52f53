'use client';
/**
 * When the events behind a hunt's findings happened: the events its last STATS aggregates, over
 * the window, drawn by the drill-down's own timeline above the result table. Its own request
 * (once per query, window and variant), so a slow or failed histogram never holds back or hides
 * the table; while loading it keeps the chart's height so the table does not jump.
 */
import { useMemo } from 'react';
import type { HistogramResponse } from '@/lib/model/api';
import { histogramTimeline } from '@/lib/view/hunts/histogram';
import { windowRange } from '@/lib/view/events/timeline';
import { Timeline } from '@/components/events/Timeline';
import { useApiPost } from './use-api';

/** Compact, as Discover's: the chart is a glance at when, the table below is the work. */
const HEIGHT = 64;
/** The chart's height plus its counts line (the title and summary share one line): what the placeholder holds for it. */
const PLACEHOLDER = HEIGHT + 22;

export interface HistogramProps {
  /** The histogram route, or null while there is nothing to chart (no result yet, no STATS … BY). */
  url: string | null;
  /** The run's window and variant: the body the run was asked with. */
  request: object;
}

export function Histogram({ url, request }: HistogramProps) {
  const call = useApiPost<HistogramResponse>(url, request);
  const answer = call.state.status === 'done' ? call.state.data : undefined;
  const timeline = useMemo(() => (answer ? histogramTimeline(answer, windowRange(answer.window)) : undefined), [answer]);
  if (url === null) return null;
  return (
    <div className="hunt-histogram" aria-busy={call.state.status === 'loading'}>
      {timeline ? (
        <Timeline timeline={timeline} noun="matching events" height={HEIGHT} />
      ) : (
        <figure className="events-chart">
          <figcaption className="events-chart-title">Events over time</figcaption>
          {call.state.status === 'failed' ? (
            <p className="error events-chart-note">Histogram unavailable: {call.state.error.message}</p>
          ) : (
            <p className="muted events-chart-note" style={{ height: PLACEHOLDER, margin: 0 }}>
              Counting the matching events over the window…
            </p>
          )}
        </figure>
      )}
    </div>
  );
}
