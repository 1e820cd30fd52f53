'use client';
/**
 * The raw events behind one hunt row: a summary, the column chooser, the timeline and the
 * destination breakdown side by side, the virtualized table, and the open event's flyout. All
 * view state (sort, columns, open event) is the caller's, so it can live in the URL.
 */
import dynamic from 'next/dynamic';
import { useMemo, useRef } from 'react';
import type { EventFilter, EventsResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlScalar, EsqlValue } from '@/lib/model/esql';
import { addEventFilter, removeEventFilter } from '@/lib/view/events/event-filters';
import type { PivotContext } from '@/lib/view/pivot/pivot';
import type { CellActionsConfig } from '@/components/table/CellActions';
import { DRILLDOWN_LIMIT } from '@/lib/view/hunts/drilldown-columns';
import { defaultVisibleColumns, resolveVisibleColumns, sameColumns } from '@/lib/view/events/columns';
import { destinationBreakdown } from '@/lib/view/events/destinations';
import { inertText } from '@/lib/view/events/display-text';
import { plural } from '@/lib/view/text/plural';
import { sortedRowIndices, type EventSort } from '@/lib/view/events/sort';
import { timelineOf, windowRange } from '@/lib/view/events/timeline';
import { ColumnChooser } from './ColumnChooser';
import { EventFlyout } from './EventFlyout';
import { EventsTable, type EventsTableHandle } from './EventsTable';
import { FieldSidebar } from './FieldSidebar';
import { FilterChips } from './FilterChips';

export interface EventsViewProps {
  response: Extract<EventsResponse, { ok: true }>;
  sort: EventSort | null;
  onSortChange: (sort: EventSort | null) => void;
  /** Undefined means the default drill-down columns. */
  visibleColumns?: string[];
  /** Called with undefined when the choice is back to the defaults (a shorter URL). */
  onVisibleColumnsChange: (columns: string[] | undefined) => void;
  /** The open event's full document, once fetched; until then the flyout shows the loaded columns. */
  flyoutDocument?: { columns: EsqlColumn[]; row: EsqlValue[]; note?: string };
  /** Index in the loaded result of the event open in the flyout. */
  openRow?: number;
  onOpenRowChange: (row: number | undefined) => void;
  /** Another page's own wording and default columns (Explore's result is not a hunt row's events). */
  label?: string;
  emptyText?: string;
  defaultColumns?: string[];
  /** The server-side filters the events were read with, shown as removable chips. */
  filters?: EventFilter[];
  /** With it, cells and the field sidebar filter for / out (the caller reads the events again). */
  onFiltersChange?: (filters: EventFilter[]) => void;
  /** Where pivots into Explore read from (the query's FROM and window); absent: no pivots. */
  pivot?: PivotContext;
}

/** Compact beside the destinations, so the table starts in the first screen. */
const TIMELINE_HEIGHT = 96;

// The chart library is most of the page's script: it loads after the table is usable instead of
// holding up its hydration; the placeholder keeps the table from moving when the charts arrive.
const EventsCharts = dynamic(() => import('./EventsCharts').then((m) => m.EventsCharts), {
  ssr: false,
  loading: () => <div className="events-charts-loading" style={{ minHeight: TIMELINE_HEIGHT + 32 }} aria-hidden="true" />,
});

export function eventsSummary(count: number, sort: EventSort | null, truncated: boolean): string {
  const parts = [plural(count, 'event')];
  parts.push(sort ? `sorted by ${inertText(sort.id)} ${sort.desc ? 'descending' : 'ascending'}` : 'newest first');
  if (truncated) parts.push(`capped at ${DRILLDOWN_LIMIT.toLocaleString('en-US')}`);
  return parts.join('; ');
}

export function EventsView({ response, sort, onSortChange, visibleColumns, onVisibleColumnsChange, openRow, onOpenRowChange, flyoutDocument, label, emptyText, defaultColumns, filters, onFiltersChange, pivot }: EventsViewProps) {
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
  const defaults = useMemo(() => defaultColumns ?? defaultVisibleColumns(columns), [columns, defaultColumns]);
  const shown = useMemo(() => resolveVisibleColumns(columns, visibleColumns ?? defaults).map((c) => c.name), [columns, visibleColumns, defaults]);

  const active = filters ?? [];
  const onFilter = onFiltersChange ? (field: string, value: EsqlScalar, negate: boolean) => onFiltersChange(addEventFilter(active, { field, value, negate })) : undefined;
  const cellActions: CellActionsConfig = { ...(onFilter ? { onFilter } : {}), ...(pivot ? { pivot } : {}) };
  const toggleColumn = (name: string, on: boolean) => {
    const next = on ? [...shown, name] : shown.filter((n) => n !== name);
    onVisibleColumnsChange(sameColumns(next, defaults) ? undefined : next);
  };

  const open = openRow !== undefined && openRow >= 0 && openRow < values.length ? openRow : undefined;
  const position = open === undefined ? -1 : order.indexOf(open);
  const close = () => {
    onOpenRowChange(undefined);
    if (open !== undefined) table.current?.focusRow(open);
  };

  return (
    <section className="events-view" aria-label={label ?? 'Drill-down events'}>
      <div className="events-toolbar">
        <p className="events-summary" role="status">
          {eventsSummary(values.length, sort, response.truncated)}
        </p>
        {response.truncated && <p className="muted">Only the newest {DRILLDOWN_LIMIT.toLocaleString('en-US')} events were loaded; narrow the window to see older ones.</p>}
        <ColumnChooser columns={response.available} value={shown} onChange={(next) => onVisibleColumnsChange(sameColumns(next, defaults) ? undefined : next)} />
      </div>
      <div className="events-charts">
        <EventsCharts timeline={timeline} destinations={destinations} timelineHeight={TIMELINE_HEIGHT} />
      </div>
      {onFiltersChange && <FilterChips filters={active} onRemove={(i) => onFiltersChange(removeEventFilter(active, i))} onClear={() => onFiltersChange([])} />}
      <div className="events-with-sidebar">
        <FieldSidebar columns={columns} values={values} visibleColumns={shown} onToggleColumn={toggleColumn} {...(onFilter ? { onFilter } : {})} />
        <div className="events-main">
          {values.length === 0 ? (
            <p className="muted">{emptyText ?? 'No events matched this row in the window.'}</p>
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
              cellActions={cellActions}
            />
          )}
        </div>
      </div>
      {open !== undefined && (
        <EventFlyout
          key="flyout"
          columns={flyoutDocument?.columns ?? columns}
          row={flyoutDocument?.row ?? values[open]}
          note={flyoutDocument?.note}
          cellActions={cellActions}
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
