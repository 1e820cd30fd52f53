'use client';
/**
 * The drill-down page's interactive part: the raw events behind one hunt row, with the view
 * (sort, columns, open event) in the URL and a way back to the hunt table as it was.
 */
import Link from 'next/link';
import type { EventsResponse } from '@/lib/model/api';
import { backHref, eventsSearch, parseEventsState } from '@/lib/view/url/hunt-url';
import { eventsRequest } from '@/lib/view/url/api-requests';
import type { SettledCall } from '@/lib/model/initial-call';
import { useUrlState } from '@/components/use-url-state';
import { CellValue } from '@/components/CellValue';
import { ErrorPanel } from '@/components/ErrorPanel';
import { DrilldownResult } from './DrilldownResult';
import { TriagePanel } from './TriagePanel';
import { useApiPost } from './use-api';
import { useFlyoutDocument } from './use-flyout-document';

export interface EventsWorkspaceProps {
  huntId: string;
  queryLabels: Record<number, string>;
  triageDenied?: string;
  /** The events the server rendered the page with (use-api.ts: they answer only their own request). */
  initialEvents?: SettledCall<EventsResponse>;
}

export function EventsWorkspace({ huntId, queryLabels, triageDenied, initialEvents }: EventsWorkspaceProps) {
  const [state, update] = useUrlState(parseEventsState, eventsSearch);
  const base = { window: state.window, ...(state.variant ? { variant: state.variant } : {}), key: state.key };
  const api = `/api/hunts/${encodeURIComponent(huntId)}/queries/${state.query}`;
  const call = useApiPost<EventsResponse>(state.key.length > 0 ? `${api}/events` : null, eventsRequest(state), initialEvents);
  const done = call.state.status === 'done' ? call.state.data : undefined;
  const flyout = useFlyoutDocument(api, base, done, state.event);
  const label = queryLabels[state.query] ?? `Query ${state.query}`;

  return (
    <section className="events-workspace" aria-label="Events">
      {/* One line: the way back, the row's key and the window; the events take the rest of the screen. */}
      <div className="panel drill-target drill-line">
        <Link href={backHref(huntId, state.back)} prefetch={false} className="button">
          ← Back to {label}
        </Link>
        <h2>
          Events of {label} where{' '}
          {state.key.map((v, i) => (
            <span key={i} className="key-value">
              {i > 0 && ' and '}
              <CellValue value={v} type="keyword" />
            </span>
          ))}
        </h2>
        {done && <span className="muted drill-window">Window: {done.window.description}</span>}
      </div>
      {state.key.length > 0 && <TriagePanel huntId={huntId} queryNumber={state.query} findingKey={JSON.stringify(state.key)} {...(triageDenied ? { disabledReason: triageDenied } : {})} />}
      {state.key.length === 0 && <ErrorPanel error={{ kind: 'bad_request', message: 'This link names no hunt row to drill into.', hint: 'Open the events from a row of the hunt’s table.' }} />}
      <DrilldownResult call={call} fileName={`${huntId}-q${state.query}-events`} view={state} onViewChange={update} flyout={flyout} />
    </section>
  );
}
