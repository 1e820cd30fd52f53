'use client';
/**
 * The hunt page's interactive part: one tab per query, the view state read from and written to
 * the URL (so a reload or a shared link shows the same view). The shown query's first run comes
 * with the page (`initialRun`, answered while the server rendered it); later ones call the API.
 */
import { usePathname } from 'next/navigation';
import { useState, type MouseEvent } from 'react';
import type { RunResponse } from '@/lib/model/api';
import type { InitialCall } from '@/lib/model/initial-call';
import { huntSearch, parseHuntState } from '@/lib/view/url/hunt-url';
import { useUrlState } from '@/components/use-url-state';
import { AwaitServerAnswer } from './AwaitServerAnswer';
import { QueryPanel } from './QueryPanel';
import type { HuntQuerySummary } from '@/lib/model/hunt';

interface Props {
  huntId: string;
  queries: HuntQuerySummary[];
  canSave: boolean;
  initialRun?: InitialCall<RunResponse>;
}

export function HuntWorkspace({ huntId, queries, canSave, initialRun }: Props) {
  const pathname = usePathname();
  const [state, update] = useUrlState(parseHuntState, huntSearch);
  const current = queries.find((q) => q.number === state.query) ?? queries[0];
  // The server's answer is for the query shown first: once another tab shows, it is spent (coming
  // back runs anew). Dropped in the render that changes the tab, so the first one never re-renders without it.
  const [served, setServed] = useState(initialRun && current ? { query: current.number, call: initialRun } : undefined);
  if (served && served.query !== current?.number) setServed(undefined);

  // Going to a row's events: remember the row here first, so Back returns to it.
  const rememberRow = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link || !link.pathname.endsWith('/events')) return;
    const back = new URLSearchParams(link.search).get('back');
    if (back) window.history.replaceState(window.history.state, '', `${pathname}?${back}`);
  };

  if (!current) return <p className="muted">This hunt has no queries.</p>;
  return (
    <div className="hunt-workspace" onClickCapture={rememberRow}>
      <div role="tablist" aria-label="Queries" className="tabs">
        {queries.map((q) => (
          <button
            key={q.number}
            type="button"
            role="tab"
            id={`tab-${q.number}`}
            aria-selected={q.number === current.number}
            aria-controls={`panel-${q.number}`}
            tabIndex={q.number === current.number ? 0 : -1}
            className="tab"
            onClick={() => update({ query: q.number, sort: [], filters: {}, row: undefined, variant: undefined })}
            onKeyDown={(e) => {
              const i = queries.indexOf(q);
              const to = e.key === 'ArrowRight' ? queries[(i + 1) % queries.length] : e.key === 'ArrowLeft' ? queries[(i - 1 + queries.length) % queries.length] : undefined;
              if (!to) return;
              update({ query: to.number, sort: [], filters: {}, row: undefined, variant: undefined });
              document.getElementById(`tab-${to.number}`)?.focus();
            }}
          >
            {q.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.number}`} aria-labelledby={`tab-${current.number}`}>
        {current.runnable ? (
          <AwaitServerAnswer key={current.number} call={served?.query === current.number ? served.call : undefined} what={current.label}>
            {(initial) => <QueryPanel huntId={huntId} query={current} state={{ ...state, query: current.number }} onChange={update} canSave={canSave} initialRun={initial} />}
          </AwaitServerAnswer>
        ) : (
          <div className="panel">
            <p>{current.problem}</p>
            <pre>{current.text}</pre>
          </div>
        )}
      </div>
    </div>
  );
}
