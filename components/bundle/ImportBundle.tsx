'use client';
/**
 * The import form: the chosen file's bytes are POSTed as they are (no multipart), and the
 * server's summary or refusal is shown; the page's list refreshes after an import.
 */
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { InertText } from '@/components/CellValue';
import { callApi } from '@/lib/api/client';
import { plural } from '@/lib/view/text/plural';

interface Summary {
  bundleId: number;
  runs: { runId: number }[];
  events: { findings: number; rows: number; failed: number };
  triage: { inserted: number; updated: number; kept: number };
  baselines: { added: number; alreadyHere: number };
  allowList: { added: number; kept: number };
  signOff: 'added' | 'kept' | 'none';
}

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; summary: Summary } | { kind: 'failed'; message: string };

async function upload(file: File): Promise<State> {
  const answer = await callApi<{ summary: Summary }>('/api/bundle/import', {
    method: 'POST',
    bytes: await file.arrayBuffer(),
    headers: { 'content-type': 'application/gzip', 'x-bundle-file-name': encodeURIComponent(file.name) },
  });
  return answer.ok ? { kind: 'done', summary: answer.body.summary } : { kind: 'failed', message: answer.message };
}

export function ImportBundle({ disabledReason }: { disabledReason?: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setState({ kind: 'busy' });
    const next = await upload(file);
    setState(next);
    if (next.kind === 'done') router.refresh();
  }

  return (
    <form onSubmit={submit} aria-label="Import a bundle">
      <label>
        Bundle file{' '}
        <input type="file" accept=".gz,application/gzip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={Boolean(disabledReason)} />
      </label>{' '}
      <button type="submit" disabled={!file || state.kind === 'busy' || Boolean(disabledReason)}>
        {state.kind === 'busy' ? 'Importing…' : 'Import bundle'}
      </button>
      {disabledReason ? <p className="muted">{disabledReason}</p> : null}
      <div role="status" aria-live="polite">
        {state.kind === 'done' ? (
          <p>
            Imported bundle #{state.summary.bundleId}: {plural(state.summary.runs.length, 'run')}, {plural(state.summary.events.rows, 'event')} of {plural(state.summary.events.findings, 'finding')}
            {state.summary.events.failed ? ` (${state.summary.events.failed} without events)` : ''}; triage {state.summary.triage.inserted} new,{' '}
            {state.summary.triage.updated} updated, {state.summary.triage.kept} kept; {state.summary.baselines.added} earlier runs the week’s diffs compare with
            {state.summary.baselines.alreadyHere ? ` (${state.summary.baselines.alreadyHere} already here)` : ''}; {state.summary.allowList.added} allow-list entries;{' '}
            {state.summary.signOff === 'added' ? 'the week’s sign-off with its snapshot' : state.summary.signOff === 'kept' ? 'this Huntboard’s own sign-off of the week kept' : 'no sign-off'}.
          </p>
        ) : null}
      </div>
      {state.kind === 'failed' ? (
        <p className="error" role="alert">
          <InertText text={state.message} />
        </p>
      ) : null}
    </form>
  );
}
