'use client';
/**
 * A saved run's events page, interactive part: the events behind one finding, read with the run's
 * own text, params and now (POST /api/runs/ID/events), in the hunt drill-down's view (sort,
 * columns and open event in the URL), with the finding's triage beside them.
 */
import Link from 'next/link';
import type { EventsResponse } from '@/lib/model/api';
import { parseRunEventsState, runEventsSearch } from '@/lib/view/url/run-events-url';
import { useUrlState } from '@/components/use-url-state';
import { CellValue, InertText } from '@/components/CellValue';
import { ErrorPanel } from '@/components/ErrorPanel';
import { DrilldownResult } from '@/components/hunt/DrilldownResult';
import { TriagePanel } from '@/components/hunt/TriagePanel';
import { useApiPost } from '@/components/hunt/use-api';
import { useFlyoutDocument } from '@/components/hunt/use-flyout-document';

export interface RunEventsWorkspaceProps {
  runId: number;
  huntId: string;
  queryNumber: number;
  /** The instant the run's now() stood for. */
  now: string;
  /** Why this user may not triage; absent when they may. */
  triageDenied?: string;
  /** The bundle an imported run came in: its events are those the source read, kept there. */
  importedFrom?: { id: number; fileName: string; sourceLabel: string; exportedAt: string };
}

export function RunEventsWorkspace({ runId, huntId, queryNumber, now, triageDenied, importedFrom }: RunEventsWorkspaceProps) {
  const [state, update] = useUrlState(parseRunEventsState, runEventsSearch);
  const api = `/api/runs/${runId}`;
  const base = { key: state.key };
  const call = useApiPost<EventsResponse>(state.key.length > 0 ? `${api}/events` : null, {
    ...base,
    ...(state.columns ? { columns: state.columns } : {}),
    ...(state.filters?.length ? { filters: state.filters } : {}),
  });
  const done = call.state.status === 'done' ? call.state.data : undefined;
  const flyout = useFlyoutDocument(api, base, done, state.event);

  return (
    <section className="events-workspace" aria-label="Events">
      <div className="panel drill-target">
        <Link href={`/runs/${runId}`} className="button">
          ← Back to run #{runId}
        </Link>
        <h2>
          Events of run #{runId} (now = <time dateTime={now}>{now}</time>) where{' '}
          {state.key.map((v, i) => (
            <span key={i} className="key-value">
              {i > 0 && ' and '}
              <CellValue value={v} type="keyword" />
            </span>
          ))}
        </h2>
        {importedFrom ? (
          <p className="muted">
            Read on <InertText text={importedFrom.sourceLabel} /> with the run’s own query when the week was exported ({importedFrom.exportedAt}); kept in{' '}
            <Link href="/bundles">bundle #{importedFrom.id}</Link>, <InertText text={importedFrom.fileName} />.
          </p>
        ) : (
          <p className="muted">The run’s own query, params and now: the events it counted, whatever the window of the hunt page today.</p>
        )}
      </div>
      {state.key.length > 0 && <TriagePanel huntId={huntId} queryNumber={queryNumber} findingKey={JSON.stringify(state.key)} {...(triageDenied ? { disabledReason: triageDenied } : {})} />}
      {state.key.length === 0 && <ErrorPanel error={{ kind: 'bad_request', message: 'This link names no finding to drill into.', hint: 'Open the events from a finding of the run’s review.' }} />}
      <DrilldownResult call={call} fileName={`${huntId}-q${queryNumber}-run${runId}-events`} view={state} onViewChange={update} flyout={flyout} />
    </section>
  );
}
