'use client';
/**
 * The drill-down's two charts side by side: events over the window and the top destinations.
 * Memoized on their data, so a re-sort or a column change does not redraw them.
 */
import { memo } from 'react';
import type { DestinationBreakdown as Breakdown } from '@/lib/view/events/destinations';
import type { Timeline as TimelineData } from '@/lib/view/events/timeline';
import { DestinationBreakdown } from './DestinationBreakdown';
import { Timeline } from './Timeline';

export interface EventsChartsProps {
  timeline: TimelineData;
  destinations: Breakdown;
  timelineHeight: number;
}

export const EventsCharts = memo(function EventsCharts({ timeline, destinations, timelineHeight }: EventsChartsProps) {
  return (
    <>
      <Timeline timeline={timeline} height={timelineHeight} />
      <DestinationBreakdown breakdown={destinations} />
    </>
  );
});
