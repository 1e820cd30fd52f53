'use client';
/**
 * The analyst's verdict on one finding: status, assignee and note, saved against the version
 * they saw. A stale save is refused by the server; the panel then shows who changed what and the
 * newer state, and keeps the analyst's draft so nothing typed is lost. Triage belongs to the hunt
 * and the finding's BY values: the panel names the other queries that share it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TriageResponse } from '@/lib/model/api';
import { callApi, postJson } from '@/lib/api/client';
import type { TriageHistoryEntry, TriageShare, TriageState, TriageStatus } from '@/lib/model/triage';
import { InertText } from '@/components/CellValue';

const CHOICES: TriageStatus[] = ['investigating', 'benign', 'suspicious', 'escalated'];

type Loaded = { state: TriageState; history: TriageHistoryEntry[]; sharedBy?: TriageShare[] };

/** A stale save's refusal carries the newer state (409 `conflict`); other refusals carry only an error. */
function conflictOf(body: Record<string, unknown> | undefined): Loaded | undefined {
  const answer = body as TriageResponse | undefined;
  return answer && !answer.ok && answer.conflict ? answer : undefined;
}

export function TriagePanel({ huntId, queryNumber, findingKey, disabledReason }: { huntId: string; queryNumber: number; findingKey: string; disabledReason?: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [status, setStatus] = useState<TriageStatus>('investigating');
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'saved' | 'conflict' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const adopt = useCallback((data: Loaded) => {
    setLoaded(data);
    setStatus(data.state.status === 'new' ? 'investigating' : data.state.status);
    setAssignee(data.state.assignee ?? '');
  }, []);

  useEffect(() => {
    const query = new URLSearchParams({ hunt: huntId, query: String(queryNumber), key: findingKey });
    let stale = false;
    void callApi<Loaded>(`/api/triage?${query}`).then((answer) => {
      if (stale) return;
      if (answer.ok) adopt(answer.body);
      else setMessage({ kind: 'error', text: answer.message });
    });
    return () => {
      stale = true;
    };
  }, [huntId, queryNumber, findingKey, adopt]);

  async function save() {
    if (!loaded) return;
    setSaving(true);
    const answer = await postJson<Loaded>('/api/triage', { huntId, queryNumber, findingKey, expectedVersion: loaded.state.version, status, assignee: assignee.trim() || null, note });
    setSaving(false);
    const conflict = answer.ok ? undefined : conflictOf(answer.body);
    if (answer.ok) {
      adopt(answer.body);
      setNote('');
      setMessage({ kind: 'saved', text: `Saved: ${answer.body.state.status}.` });
    } else if (conflict) {
      const by = conflict.state.updatedBy ?? 'someone';
      setLoaded(conflict);
      setMessage({ kind: 'conflict', text: `Not saved: ${by} changed this finding at ${conflict.state.updatedAt} (now ${conflict.state.status}). Your draft is kept; review the newer state and save again.` });
    } else {
      setMessage({ kind: 'error', text: answer.message });
    }
  }

  return (
    <section className="panel triage-panel" aria-label="Triage">
      <h3>
        Triage <span className={`triage-status triage-${loaded?.state.status ?? 'new'}`}>{loaded?.state.status ?? '…'}</span>
        {loaded?.state.assignee && <span className="muted"> · assigned to <InertText text={loaded.state.assignee} /></span>}
      </h3>
      {loaded?.sharedBy && loaded.sharedBy.length > 1 && (
        <p className="muted" data-testid="triage-shared">
          Shared by this hunt’s queries with the same keys:{' '}
          {loaded.sharedBy.map((q, i) => (
            <span key={q.queryNumber}>
              {i > 0 ? ', ' : ''}
              <InertText text={q.label} />
              {q.queryNumber === queryNumber ? ' (this one)' : ''}
            </span>
          ))}
          .
        </p>
      )}
      {disabledReason && <p className="muted">{disabledReason}</p>}
      <form
        className="triage-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={Boolean(disabledReason)} className="plain-fieldset">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as TriageStatus)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Assignee <input type="text" value={assignee} maxLength={100} onChange={(e) => setAssignee(e.target.value)} />
        </label>
        <label className="triage-note">
          Note <textarea value={note} maxLength={10_000} rows={2} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button primary" disabled={!loaded || saving}>
          Save triage
        </button>
        </fieldset>
      </form>
      {message && (
        <p role={message.kind === 'saved' ? 'status' : 'alert'} className={message.kind === 'saved' ? 'muted' : 'error'}>
          {message.text}
        </p>
      )}
      {loaded && loaded.history.length > 0 && (
        <details open>
          <summary>History ({loaded.history.length})</summary>
          <ol className="triage-history">
            {loaded.history.map((h, i) => (
              <li key={i}>
                <time dateTime={h.at}>{h.at}</time> <InertText text={h.who} />: {h.fromStatus ?? 'new'} → {h.toStatus}
                {h.toAssignee !== h.fromAssignee && <> · assignee {h.toAssignee ? <InertText text={h.toAssignee} /> : 'none'}</>}
                {h.note && (
                  <>
                    {' '}
                    — <InertText text={h.note} keepNewlines />
                  </>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
