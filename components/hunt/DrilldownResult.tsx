'use client';
/**
 * A drill-down's answer as both events pages show it (a hunt row's, a saved run's finding's): its
 * progress or error, then the events with their export, and the query that read them.
 */
import type { EventFilter, EventsResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { ErrorPanel } from '@/components/ErrorPanel';
import { ExportButtons } from '@/components/ExportButtons';
import { EventsView } from '@/components/events/EventsView';
import { eventsViewBindings, type EventsViewState } from '@/components/events/view-bindings';
import { FilterChips } from '@/components/events/FilterChips';
import { usePivotContext } from '@/components/table/use-pivot-context';
import { removeEventFilter } from '@/lib/view/events/event-filters';
import { EffectiveQuery } from './EffectiveQuery';
import { RunStatus } from './RunStatus';
import type { useApiPost } from './use-api';

/** The view the URL keeps: sort, chosen columns, the event open in the flyout, the filters. */
export interface DrilldownView extends EventsViewState {
  filters?: EventFilter[];
}

export interface DrilldownResultProps {
  call: ReturnType<typeof useApiPost<EventsResponse>>;
  fileName: string;
  view: DrilldownView;
  onViewChange: (next: Partial<DrilldownView>) => void;
  flyout: { columns: EsqlColumn[]; row: EsqlValue[]; note?: string } | undefined;
}

export function DrilldownResult({ call, fileName, view, onViewChange, flyout }: DrilldownResultProps) {
  const done = call.state.status === 'done' ? call.state.data : undefined;
  const pivot = usePivotContext(done?.effectiveQuery, done?.window);
  const filters = view.filters ?? [];
  // A new filter is a new result: the open event's index would point into the old one.
  const setFilters = (next: EventFilter[]) => onViewChange({ filters: next.length > 0 ? next : undefined, event: undefined });
  return (
    <>
      {call.state.status === 'loading' && <RunStatus key={call.state.request} what="the drill-down" onCancel={call.cancel} />}
      {/* A filter the server refused must stay removable, or the page could not get back to its events. */}
      {call.state.status === 'failed' && <FilterChips filters={filters} onRemove={(i) => setFilters(removeEventFilter(filters, i))} onClear={() => setFilters([])} />}
      {call.state.status === 'failed' && <ErrorPanel error={call.state.error} />}
      {done && (
        <>
          <div className="table-toolbar">
            <ExportButtons columns={done.result.columns} values={done.result.values} fileName={fileName} />
          </div>
          <EventsView
            response={done}
            {...eventsViewBindings(view, onViewChange)}
            flyoutDocument={flyout}
            filters={filters}
            // An imported run's events came in its bundle, read once: there is no query to narrow.
            {...(done.effectiveQuery !== '' ? { onFiltersChange: setFilters } : {})}
            {...(pivot ? { pivot } : {})}
          />
          {/* An imported run's events were read at the source: no query of this Huntboard's to show. */}
          {done.effectiveQuery !== '' && <EffectiveQuery label="Drill-down ES|QL" query={done.effectiveQuery} params={done.params} explore />}
        </>
      )}
    </>
  );
}
