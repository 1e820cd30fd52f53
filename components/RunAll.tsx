'use client';
/**
 * "Run all": every ES|QL query of every hunt, two at a time, with each one's row count, time and
 * error, linking to its hunt page. Stoppable; nothing is saved (saved runs are the weekly review's).
 */
import Link from 'next/link';
import { useRef, useState } from 'react';
import type { RunResponse } from '@/lib/model/api';
import { postJson } from '@/lib/api/client';
import { plural } from '@/lib/view/text/plural';

export interface RunAllItem {
  huntId: string;
  huntName: string;
  query: number;
  label: string;
}

type Outcome = { status: 'waiting' } | { status: 'running' } | { status: 'done'; rows: number; took: number; partial: boolean } | { status: 'failed'; message: string };

const CONCURRENCY = 2;

export function RunAll({ items }: { items: RunAllItem[] }) {
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const abort = useRef<AbortController | null>(null);
  const running = outcomes?.some((o) => o.status === 'running' || o.status === 'waiting') ?? false;

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setOutcomes(items.map(() => ({ status: 'waiting' })));
    const set = (i: number, o: Outcome) => setOutcomes((prev) => prev && prev.map((p, j) => (j === i ? o : p)));
    let next = 0;
    const worker = async () => {
      while (next < items.length && !controller.signal.aborted) {
        const i = next++;
        set(i, { status: 'running' });
        set(i, await runOne(items[i], controller.signal));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    setOutcomes((prev) => prev && prev.map((o) => (o.status === 'waiting' || o.status === 'running' ? { status: 'failed', message: 'Cancelled' } : o)));
  }

  return (
    <section className="panel run-all" aria-label="Run all">
      <div className="toolbar">
        <button type="button" className="button primary" onClick={() => void start()} disabled={running || items.length === 0}>
          Run all ({plural(items.length, 'query', 'queries')})
        </button>
        {running && (
          <button type="button" className="button" onClick={() => abort.current?.abort()}>
            Stop
          </button>
        )}
      </div>
      {outcomes && (
        <table>
          <caption className="muted">Every ES|QL query of every hunt, over each hunt’s own time window</caption>
          <thead>
            <tr>
              <th scope="col">Hunt</th>
              <th scope="col">Query</th>
              <th scope="col">Rows</th>
              <th scope="col">Took</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => {
              const o = outcomes[i];
              return (
                <tr key={`${item.huntId}-${item.query}`}>
                  <td>
                    <Link href={`/hunts/${encodeURIComponent(item.huntId)}?q=${item.query}`}>{item.huntName}</Link>
                  </td>
                  <td>{item.label}</td>
                  <td className="num">{o.status === 'done' ? o.rows.toLocaleString('en-US') : ''}</td>
                  <td className="num">{o.status === 'done' ? `${o.took.toLocaleString('en-US')} ms` : ''}</td>
                  <td>{o.status === 'failed' ? <span className="error">{o.message}</span> : o.status === 'done' ? (o.partial ? 'partial' : 'ok') : o.status}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

async function runOne(item: RunAllItem, signal: AbortSignal): Promise<Outcome> {
  const answer = await postJson<Extract<RunResponse, { ok: true }>>(`/api/hunts/${encodeURIComponent(item.huntId)}/queries/${item.query}/run`, {}, signal);
  if (answer.ok) return { status: 'done', rows: answer.body.result.values.length, took: answer.body.result.took, partial: answer.body.result.is_partial };
  return { status: 'failed', message: signal.aborted ? 'Cancelled' : answer.message };
}
