'use client';
/**
 * "Save as run": puts the result the page shows into the team's review (runs, diffs, the week).
 * Viewing saves nothing; only this button does, for the roles the page was told may (the save
 * route checks the role again). One click saves once: a second click while saving, or after the
 * save, does nothing.
 */
import { useRef, useState } from 'react';
import type { SaveRunResponse } from '@/lib/model/api';
import { postJson } from '@/lib/api/client';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; runId: number } | { kind: 'failed'; message: string };

/** What a save answer means for the button: the run's id, or the reason it was not saved. */
export function saveOutcome(answer: { ok: true; body: SaveRunResponse } | { ok: false; message: string }): SaveState {
  if (!answer.ok) return { kind: 'failed', message: answer.message };
  const body = answer.body;
  if (!body.ok) return { kind: 'failed', message: body.error.message };
  return body.savedRun !== undefined ? { kind: 'saved', runId: body.savedRun } : { kind: 'failed', message: body.notSaved };
}

export function SaveRunView({ state, onSave }: { state: SaveState; onSave: () => void }) {
  if (state.kind === 'saved') {
    return (
      <p className="save-run" role="status">
        <a href={`/runs/${state.runId}`}>Saved as run #{state.runId}</a>
      </p>
    );
  }
  return (
    <p className="save-run">
      <button type="button" className="button" onClick={onSave} disabled={state.kind === 'saving'} aria-busy={state.kind === 'saving'}>
        {state.kind === 'saving' ? 'Saving…' : 'Save as run'}
      </button>
      {state.kind === 'failed' && (
        <strong className="error not-saved" role="alert">
          {' '}
          Not saved: {state.message}
        </strong>
      )}
    </p>
  );
}

export function SaveRun({ url, request }: { url: string; request: unknown }) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // A ref, not the state: two clicks in one frame both see the state before either re-render.
  const busy = useRef(false);
  const save = async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'saving' });
    const outcome = saveOutcome(await postJson<SaveRunResponse>(url, request));
    // Saved: this view stays saved (no second run of record from it); failed: the analyst may try again.
    if (outcome.kind !== 'saved') busy.current = false;
    setState(outcome);
  };
  return <SaveRunView state={state} onSave={() => void save()} />;
}
