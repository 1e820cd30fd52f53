'use client';
/**
 * The raw events behind one hunt row: a summary, the column chooser, the timeline and the
 * destination breakdown side by side, the virtualized table, and the open event's flyout. All
 * view state (sort, columns, open event) is the caller's, so it can live in the URL.
 */
import { useMemo, useRef } from 'react';
import type { EventsResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { DRILLDOWN_LIMIT } from '@/lib/view/hunts/drilldown-columns';
import { defaultVisibleColumns, resolveVisibleColumns, sameColumns } from '@/lib/view/events/columns';
import { destinationBreakdown } from '@/lib/view/events/destinations';
import { inertText } from '@/lib/view/events/display-text';
import { plural } from '@/lib/view/text/plural';
import { sortedRowIndices, type EventSort } from '@/lib/view/events/sort';
import { timelineOf, windowRange } from '@/lib/view/events/timeline';
import { ColumnChooser } from './ColumnChooser';
import { DestinationBreakdown } from './DestinationBreakdown';
import { EventFlyout } from './EventFlyout';
import { EventsTable, type EventsTableHandle } from './EventsTable';
import { Timeline } from './Timeline';

export interface EventsViewProps {
  response: Extract<EventsResponse, { ok: true }>;
  sort: EventSort | null;
  onSortChange: (sort: EventSort | null) => void;
  /** Undefined means the default drill-down columns. */
  visibleColumns?: string[];
  /** Called with undefined when the choice is back to the defaults (a shorter URL). */
  onVisibleColumnsChange: (columns: string[] | undefined) => void;
  /** The open event's full document, once fetched; until then the flyout shows the loaded columns. */
  flyoutDocument?: { columns: EsqlColumn[]; row: EsqlValue[] };
  /** Index in the loaded result of the event open in the flyout. */
  openRow?: number;
  onOpenRowChange: (row: number | undefined) => void;
}

export function eventsSummary(count: number, sort: EventSort | null, truncated: boolean): string {
  const parts = [plural(count, 'event')];
  parts.push(sort ? `sorted by ${inertText(sort.id)} ${sort.desc ? 'descending' : 'ascending'}` : 'newest first');
  if (truncated) parts.push(`capped at ${DRILLDOWN_LIMIT.toLocaleString('en-US')}`);
  return parts.join('; ');
}

export function EventsView({ response, sort, onSortChange, visibleColumns, onVisibleColumnsChange, openRow, onOpenRowChange, flyoutDocument }: EventsViewProps) {
  const { columns, values } = response.result;
  const table = useRef<EventsTableHandle | null>(null);
  // Keyed on the sort's fields, not its identity: a URL-parsed sort is a new object every render.
  const sortId = sort?.id;
  const sortDesc = sort?.desc ?? false;
  const order = useMemo(() => sortedRowIndices(columns, values, sortId === undefined ? null : { id: sortId, desc: sortDesc }), [columns, values, sortId, sortDesc]);
  // The axis spans the window the drill-down ran over, not just its events.
  const windowFrom = response.window.from;
  const windowTo = response.window.to;
  const timeline = useMemo(() => timelineOf(columns, values, windowRange({ from: windowFrom, to: windowTo })), [columns, values, windowFrom, windowTo]);
  const destinations = useMemo(() => destinationBreakdown(columns, values), [columns, values]);
  const defaults = useMemo(() => defaultVisibleColumns(columns), [columns]);
  const shown = useMemo(() => resolveVisibleColumns(columns, visibleColumns).map((c) => c.name), [columns, visibleColumns]);

  const open = openRow !== undefined && openRow >= 0 && openRow < values.length ? openRow : undefined;
  const position = open === undefined ? -1 : order.indexOf(open);
  const close = () => {
    onOpenRowChange(undefined);
    if (open !== undefined) table.current?.focusRow(open);
  };

  return (
    <section className="events-view" aria-label="Drill-down events">
      <div className="events-toolbar">
        <p className="events-summary" role="status">
          {eventsSummary(values.length, sort, response.truncated)}
        </p>
        {response.truncated && <p className="muted">Only the newest {DRILLDOWN_LIMIT.toLocaleString('en-US')} events were loaded; narrow the window to see older ones.</p>}
        <ColumnChooser columns={response.available} value={shown} onChange={(next) => onVisibleColumnsChange(sameColumns(next, defaults) ? undefined : next)} />
      </div>
      <div className="events-charts">
        <Timeline timeline={timeline} />
        <DestinationBreakdown breakdown={destinations} />
      </div>
      {values.length === 0 ? (
        <p className="muted">No events matched this row in the window.</p>
      ) : (
        <EventsTable
          ref={table}
          columns={columns}
          values={values}
          visibleColumns={shown}
          sort={sort}
          onSortChange={onSortChange}
          onOpenRow={onOpenRowChange}
          order={order}
          activeRow={open}
        />
      )}
      {open !== undefined && (
        <EventFlyout
          key="flyout"
          columns={flyoutDocument?.columns ?? columns}
          row={flyoutDocument?.row ?? values[open]}
          rowIndex={open}
          position={position}
          total={values.length}
          onClose={close}
          onPrevious={position > 0 ? () => onOpenRowChange(order[position - 1]) : undefined}
          onNext={position >= 0 && position < order.length - 1 ? () => onOpenRowChange(order[position + 1]) : undefined}
        />
      )}
    </section>
  );
}
