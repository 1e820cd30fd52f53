'use client';
/**
 * Explore: the analyst's own ES|QL over a time window. The editor and the params are drafts; Run
 * (or Ctrl+Enter) puts them in the URL, and the URL's query is what runs — so a reload, Back, a
 * pivot or a shared link all show the same query and result. Viewing only: nothing is saved.
 */
import { useMemo, useState } from 'react';
import type { ExploreResponse } from '@/lib/model/api';
import { exploreSearch, parseExploreState } from '@/lib/view/url/explore-url';
import { fromPatterns } from '@/lib/view/explore/from-patterns';
import { paramRows, rowsToParams, type ParamRow } from '@/lib/view/explore/params';
import { useUrlState } from '@/components/use-url-state';
import { ErrorPanel } from '@/components/ErrorPanel';
import { RunStatus } from '@/components/hunt/RunStatus';
import { useApiPost } from '@/components/hunt/use-api';
import { WindowControl } from '@/components/hunt/WindowControl';
import { EsqlEditor } from './EsqlEditor';
import { ExploreResult } from './ExploreResult';
import { ParamsEditor } from './ParamsEditor';
import { useEditorSources } from './use-editor-sources';

interface Draft {
  /** The URL's query and params the draft started from: another one (a pivot, Back) replaces it. */
  from: string;
  text: string;
  rows: ParamRow[];
}

export function ExploreWorkspace() {
  const [state, update] = useUrlState(parseExploreState, exploreSearch);
  const urlKey = JSON.stringify([state.query, state.params]);
  const [draft, setDraft] = useState<Draft>(() => ({ from: urlKey, text: state.query, rows: paramRows(state.params) }));
  const [paramProblem, setParamProblem] = useState<{ row: number; message: string } | undefined>(undefined);
  if (draft.from !== urlKey) setDraft({ from: urlKey, text: state.query, rows: paramRows(state.params) });

  const draftParams = useMemo(() => {
    const read = rowsToParams(draft.rows);
    return read.ok ? read.params : [];
  }, [draft.rows]);
  const patterns = useMemo(() => fromPatterns(draft.text), [draft.text]);
  const { sources, failure } = useEditorSources(patterns);

  const request = { query: state.query, params: state.params, window: state.window };
  const call = useApiPost<ExploreResponse>(state.query.trim() !== '' ? '/api/explore' : null, request);
  const done = call.state.status === 'done' ? call.state.data : undefined;

  const run = () => {
    const read = rowsToParams(draft.rows);
    if (!read.ok) {
      setParamProblem({ row: read.row, message: read.message });
      return;
    }
    setParamProblem(undefined);
    if (draft.text === state.query && JSON.stringify(read.params) === JSON.stringify(state.params)) {
      call.retry();
      return;
    }
    // Another query has other columns: its view starts afresh.
    update({ query: draft.text, params: read.params, sort: null, columns: undefined, event: undefined });
  };

  return (
    <section className="explore-workspace" aria-label="Explore">
      <div className="panel explore-query">
        {state.notes.map((note) => (
          <p key={note} className="muted" role="note">
            {note}
          </p>
        ))}
        <EsqlEditor label="ES|QL query" value={draft.text} onChange={(text) => setDraft((d) => ({ ...d, text }))} onRun={run} sources={sources} params={draftParams} />
        {failure && <p className="muted">Index and field names could not be read for suggestions: {failure}</p>}
        <ParamsEditor rows={draft.rows} onChange={(rows) => setDraft((d) => ({ ...d, rows }))} problem={paramProblem} />
        <div className="toolbar explore-toolbar">
          <WindowControl key={JSON.stringify(state.window)} value={state.window} defaults={done?.window} asWritten="As written in the query" onChange={(window) => update({ window, event: undefined })} />
          <button type="button" className="button primary" onClick={run} disabled={draft.text.trim() === ''}>
            Run
          </button>
        </div>
      </div>
      {call.state.status === 'idle' && <p className="muted">Write a query and run it: Explore shows its rows, a timeline and each row’s document. Nothing here is saved as a run.</p>}
      {call.state.status === 'loading' && <RunStatus key={call.state.request} what="the query" onCancel={call.cancel} />}
      {call.state.status === 'failed' && <ErrorPanel error={call.state.error} />}
      {done && <ExploreResult response={done} view={state} onViewChange={update} />}
    </section>
  );
}
