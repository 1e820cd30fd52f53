'use client';
/**
 * A drill-down's answer as both events pages show it (a hunt row's, a saved run's finding's): its
 * progress or error, then the events with their export, and the query that read them.
 */
import type { EventsResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import type { EventSort } from '@/lib/view/events/sort';
import { ErrorPanel } from '@/components/ErrorPanel';
import { ExportButtons } from '@/components/ExportButtons';
import { EventsView } from '@/components/events/EventsView';
import { EffectiveQuery } from './EffectiveQuery';
import { RunStatus } from './RunStatus';
import type { useApiPost } from './use-api';

/** The view the URL keeps: sort, chosen columns, the event open in the flyout. */
export interface DrilldownView {
  sort: EventSort | null;
  columns?: string[];
  event?: number;
}

export interface DrilldownResultProps {
  call: ReturnType<typeof useApiPost<EventsResponse>>;
  fileName: string;
  view: DrilldownView;
  onViewChange: (next: Partial<DrilldownView>) => void;
  flyout: { columns: EsqlColumn[]; row: EsqlValue[] } | undefined;
}

export function DrilldownResult({ call, fileName, view, onViewChange, flyout }: DrilldownResultProps) {
  const done = call.state.status === 'done' ? call.state.data : undefined;
  return (
    <>
      {call.state.status === 'loading' && <RunStatus key={call.state.request} what="the drill-down" onCancel={call.cancel} />}
      {call.state.status === 'failed' && <ErrorPanel error={call.state.error} />}
      {done && (
        <>
          <div className="table-toolbar">
            <ExportButtons columns={done.result.columns} values={done.result.values} fileName={fileName} />
          </div>
          <EventsView
            response={done}
            sort={view.sort}
            onSortChange={(sort) => onViewChange({ sort: sort ?? null })}
            visibleColumns={view.columns}
            onVisibleColumnsChange={(columns) => onViewChange({ columns })}
            openRow={view.event}
            onOpenRowChange={(event) => onViewChange({ event })}
            flyoutDocument={flyout}
          />
          {/* An imported run's events were read at the source: no query of this Huntboard's to show. */}
          {done.effectiveQuery !== '' && <EffectiveQuery label="Drill-down ES|QL" query={done.effectiveQuery} params={done.params} />}
        </>
      )}
    </>
  );
}
