'use client';
/**
 * What an Explore query answered: its figures and exports, the rows in the drill-down's
 * virtualized table (timeline, column chooser, flyout), and the ES|QL that ran with its params.
 */
import { useMemo } from 'react';
import type { EventsResponse, ExploreResponse } from '@/lib/model/api';
import { exploreDefaultColumns } from '@/lib/view/explore/columns';
import { fromPatterns } from '@/lib/view/explore/from-patterns';
import { plural } from '@/lib/view/text/plural';
import { InertText } from '@/components/CellValue';
import { ExportButtons } from '@/components/ExportButtons';
import { EventsView } from '@/components/events/EventsView';
import { eventsViewBindings, type EventsViewState } from '@/components/events/view-bindings';
import { EffectiveQuery } from '@/components/hunt/EffectiveQuery';
import { useExploreDocument } from './use-explore-document';

/** The view Explore keeps in its URL: sort, chosen columns, the open event. */
export type ExploreView = EventsViewState;

export function ExploreResult({ response, view, onViewChange }: { response: Extract<ExploreResponse, { ok: true }>; view: ExploreView; onViewChange: (next: Partial<ExploreView>) => void }) {
  const { result } = response;
  // The events view's shape: every result column is one the chooser offers. Truncation is said here,
  // in Explore's terms (the query's LIMIT), not as the drill-down's cap.
  const events = useMemo<Extract<EventsResponse, { ok: true }>>(
    () => ({ ok: true, effectiveQuery: response.effectiveQuery, params: response.params, window: response.window, result, available: result.columns, truncated: false }),
    [response, result],
  );
  const defaults = useMemo(() => exploreDefaultColumns(result.columns), [result.columns]);
  // Pivots from a cell read the same indices over the same window, as from a drill-down.
  const pivot = useMemo(() => ({ sources: fromPatterns(response.effectiveQuery), window: response.window }), [response.effectiveQuery, response.window]);
  const flyout = useExploreDocument(response, view.event);
  const rows = result.values.length;
  return (
    <>
      <h2 className="visually-hidden">Result</h2>
      <div className="table-toolbar explore-figures">
        <p role="status">
          {plural(rows, 'row')} in {result.took.toLocaleString('en-US')} ms · {response.window.description}
          {response.truncated && <> · the result reached the query’s LIMIT: raise it or narrow the query to see more</>}
          {result.is_partial && <> · partial result</>}
        </p>
        <ExportButtons columns={result.columns} values={result.values} took={result.took} isPartial={result.is_partial} fileName="explore" />
      </div>
      {result.warnings.map((w) => (
        <p key={w} className="muted explore-warning">
          Warning: <InertText text={w} />
        </p>
      ))}
      <EventsView
        response={events}
        label="Explore result"
        emptyText="No rows matched in the window."
        defaultColumns={defaults}
        {...eventsViewBindings(view, onViewChange)}
        flyoutDocument={flyout}
        pivot={pivot}
      />
      <EffectiveQuery label="Explore ES|QL" query={response.effectiveQuery} params={response.params} />
    </>
  );
}
