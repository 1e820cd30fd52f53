'use client';
/**
 * "Sign off the week" and, for a signed week, "Revoke sign-off". With untriaged findings the lead
 * is asked first ("N findings are untriaged: sign off anyway?"); the request names that count and
 * the server refuses it (409, with the current count) if the week has moved since the page was
 * drawn, so a stale page cannot sign blind. The page says whether the identity may; the server
 * decides again and its answer is shown as is.
 */
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { InertText } from '@/components/CellValue';
import { callApi } from '@/lib/api/client';
import { plural, pluralNoun } from '@/lib/view/text/plural';

type Answer = { ok: true } | { ok: false; message: string; untriaged?: number };

async function send(method: 'POST' | 'DELETE', payload: unknown): Promise<Answer> {
  const answer = await callApi('/api/week/signoff', { method, json: payload });
  if (answer.ok) return { ok: true };
  // A sign-off refused because the untriaged count moved says the count now.
  const untriaged = answer.body?.untriaged;
  return { ok: false, message: answer.message, ...(typeof untriaged === 'number' ? { untriaged } : {}) };
}

const untriagedQuestion = (n: number) => `${plural(n, 'finding')} ${pluralNoun(n, 'is', 'are')} untriaged: sign off anyway?`;

export function SignOffWeek({ week, signed, untriaged, disabledReason }: { week: string; signed: boolean; untriaged: number; disabledReason?: string }) {
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // The count the lead is asked to confirm: the page's, or the server's newer one after a refusal.
  const [asking, setAsking] = useState<number | null>(null);
  const [known, setKnown] = useState(untriaged);
  const [result, setResult] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  async function act(method: 'POST' | 'DELETE', confirmed = known) {
    setBusy(true);
    const answer = await send(method, method === 'POST' ? { week, untriaged: confirmed, ...(note.trim() ? { note } : {}) } : { week });
    setBusy(false);
    setAsking(null);
    if (answer.ok) {
      setResult({ kind: 'done', text: method === 'POST' ? 'The week is signed off.' : 'The sign-off is revoked.' });
      setNote('');
      router.refresh();
      return;
    }
    setResult({ kind: 'error', text: answer.message });
    if (answer.untriaged !== undefined) {
      setKnown(answer.untriaged);
      if (answer.untriaged > 0) setAsking(answer.untriaged);
    }
  }

  function signOff() {
    setResult(null);
    if (known > 0) setAsking(known);
    else void act('POST', 0);
  }

  const status = result ? (
    <p role={result.kind === 'error' ? 'alert' : 'status'} className={result.kind === 'error' ? 'error' : 'week-done'}>
      <InertText text={result.text} />
    </p>
  ) : null;

  const blocked = disabledReason ?? (signed ? 'This week is already signed off; revoke the sign-off to sign it again.' : undefined);
  if (blocked) {
    return (
      <div className="week-signoff-control no-print">
        <button type="button" className="button" disabled aria-describedby={`${noteId}-why`}>
          Sign off the week
        </button>{' '}
        <span id={`${noteId}-why`} className="muted">
          {blocked}
        </span>
        {signed && !disabledReason ? (
          <button type="button" className="button" disabled={busy} onClick={() => void act('DELETE')}>
            Revoke sign-off
          </button>
        ) : null}
        {status}
      </div>
    );
  }
  return (
    <form
      className="week-signoff-control no-print"
      aria-label="Sign off the week"
      onSubmit={(e) => {
        e.preventDefault();
        signOff();
      }}
    >
      <label htmlFor={noteId}>Note (optional)</label>{' '}
      <input id={noteId} type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />{' '}
      <button type="submit" className="button primary" disabled={busy || asking !== null}>
        Sign off the week
      </button>
      {asking !== null ? (
        <div role="alertdialog" aria-label="Confirm the sign-off" className="week-confirm">
          <p>{untriagedQuestion(asking)}</p>
          <button type="button" className="button primary" disabled={busy} onClick={() => void act('POST', asking)}>
            Sign off anyway
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={() => setAsking(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      {status}
    </form>
  );
}
