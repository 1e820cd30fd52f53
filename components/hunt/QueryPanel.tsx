'use client';
/**
 * One query of a hunt: runs it with the window and variant from the URL (viewing, never saved; "Save
 * as run" saves it for the review), shows the result table
 * (sort and filters in the URL), context columns from a second query, findings, the effective
 * ES|QL, exports, and links from each row to its raw events.
 */
import dynamic from 'next/dynamic';
import { useEffect, useMemo } from 'react';
import { rowKey, type ContextResponse, type RunResponse } from '@/lib/model/api';
import type { EsqlValue } from '@/lib/model/esql';
import { eventsHref, type HuntViewState } from '@/lib/view/url/hunt-url';
import { runRequest } from '@/lib/view/url/api-requests';
import type { SettledCall } from '@/lib/model/initial-call';
import type { UrlStateEdit } from '@/components/use-url-state';
import { visibleValues } from '@/lib/view/table/rows';
import { rowKeyLabel } from '@/lib/view/table/row-label';
import { plural } from '@/lib/view/text/plural';
import { ErrorPanel } from '@/components/ErrorPanel';
import { ExportButtons } from '@/components/ExportButtons';
import { ResultTable } from '@/components/ResultTable';
import { usePivotContext } from '@/components/table/use-pivot-context';
import { EffectiveQuery } from './EffectiveQuery';
import { Findings } from './Findings';
import { ResultSummary } from './ResultSummary';
import { RunStatus } from './RunStatus';
import { SaveRun } from './SaveRun';
import { useApiPost } from './use-api';
import { WindowControl } from './WindowControl';

// The chart library is most of the page's script: loaded after the table is usable, not before
// it hydrates (the histogram's data comes from its own call anyway).
const Histogram = dynamic(() => import('./Histogram').then((m) => m.Histogram), { ssr: false });

const CONTEXT_ROWS = 100;

export interface QueryPanelProps {
  huntId: string;
  query: { number: number; label: string };
  state: HuntViewState;
  onChange: (edit: UrlStateEdit<HuntViewState>) => void;
  /** The user's role may save a run for the review (decided on the server; the route checks again). */
  canSave: boolean;
  /** The run's answer the server rendered the page with (use-api.ts: it answers only its own request). */
  initialRun?: SettledCall<RunResponse>;
}

export function QueryPanel({ huntId, query, state, onChange, canSave, initialRun }: QueryPanelProps) {
  const base = `/api/hunts/${encodeURIComponent(huntId)}/queries/${query.number}`;
  const request = runRequest(state);
  const run = useApiPost<RunResponse>(`${base}/run`, request, initialRun);
  const done = run.state.status === 'done' ? run.state.data : undefined;

  const records = useMemo(() => (done ? done.result.values.map((row) => Object.fromEntries(done.result.columns.map((c, i) => [c.name, row[i]]))) : []), [done]);
  const keyRows = useMemo(() => (done ? records.slice(0, CONTEXT_ROWS).map((r) => Object.fromEntries(done.keys.map((k) => [k, r[k] ?? null]))) : []), [done, records]);
  const context = useApiPost<ContextResponse>(done && done.keys.length > 0 && keyRows.length > 0 ? `${base}/context` : null, { ...request, rows: keyRows });
  const contextData = context.state.status === 'done' ? context.state.data : undefined;
  const pivot = usePivotContext(done?.effectiveQuery, done?.window);

  const highlightRow = useMemo(() => (done && state.row ? records.findIndex((r) => rowKey(done.keys, r) === state.row) : -1), [done, records, state.row]);
  // Back from a drill-down: the row comes into view and its link takes the focus again, so a
  // keyboard user continues where they left instead of at the top of the page.
  useEffect(() => {
    if (highlightRow < 0) return;
    const row = document.querySelector<HTMLElement>(`[data-query="${query.number}"] [data-row-index="${highlightRow}"]`);
    row?.querySelector<HTMLElement>('a.row-action')?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'center' });
  }, [highlightRow, query.number]);

  return (
    <div className="query-panel" data-query={query.number}>
      {/* One row: the window, run, save and exports; the result's figures, findings and histogram fold under it. */}
      <div className="toolbar query-toolbar">
        <WindowControl key={JSON.stringify(state.window)} value={state.window} defaults={done?.window} onChange={(window) => onChange({ window, row: undefined })} />
        <button type="button" className="button" onClick={run.retry} disabled={run.state.status === 'loading'}>
          Run again
        </button>
        {/* Keyed by the view: another window or variant is another result, not yet saved. */}
        {done && canSave && <SaveRun key={JSON.stringify(request)} url={`${base}/save`} request={request} />}
        {done && (
          <span className="toolbar-end">
            <ExportButtons
              columns={done.result.columns}
              values={visibleValues(done.result.columns, done.result.values, state.sort, state.filters)}
              allValues={done.result.values}
              took={done.result.took}
              isPartial={done.result.is_partial}
              fileName={`${huntId}-q${query.number}`}
              extraColumns={
                contextData && done.keys.length > 0
                  ? {
                      columns: contextData.columns,
                      prefix: 'context.',
                      valuesFor: (row) => contextData.rows[rowKey(done.keys, Object.fromEntries(done.result.columns.map((c, i) => [c.name, row[i] ?? null])))],
                    }
                  : undefined
              }
            />
          </span>
        )}
      </div>
      {run.state.status === 'loading' && <RunStatus key={run.state.request} what={query.label} onCancel={run.cancel} />}
      {run.state.status === 'failed' && <ErrorPanel error={run.state.error} />}
      {done && (
        <>
          <ResultSummary response={done} />
          <Findings findings={done.findings} variantOn={state.variant !== undefined} onVariant={(on) => onChange({ variant: on ? 'limit-before-sort' : undefined })} />
          <Histogram url={done.keys.length > 0 ? `${base}/histogram` : null} request={request} />
          {context.state.status === 'failed' && <p className="error">Context unavailable: {context.state.error.message}</p>}
          <ResultTable
            caption={`${query.label}: ${plural(done.result.values.length, 'row')}`}
            columns={done.result.columns}
            values={done.result.values}
            sorting={state.sort}
            onSortingChange={(sort) => onChange({ sort })}
            filters={state.filters}
            onFiltersChange={(edit) => onChange((latest) => ({ filters: edit(latest.filters) }))}
            highlightRow={highlightRow >= 0 ? highlightRow : undefined}
            cellActions={pivot ? { pivot } : {}}
            extraColumns={
              done.keys.length > 0
                ? {
                    label: 'Context',
                    columns: contextData?.columns ?? [],
                    loading: context.state.status === 'loading',
                    valuesFor: (i: number) => contextData?.rows[rowKey(done.keys, records[i])],
                  }
                : undefined
            }
            rowAction={
              done.keys.length > 0
                ? (i: number) => {
                    const key: EsqlValue[] = done.keys.map((k) => records[i][k] ?? null);
                    return { href: eventsHref(huntId, state, key, rowKey(done.keys, records[i])), label: 'Events', description: rowKeyLabel(key) };
                  }
                : undefined
            }
          />
          <EffectiveQuery label="Effective ES|QL" query={done.effectiveQuery} params={done.params} explore />
        </>
      )}
    </div>
  );
}
