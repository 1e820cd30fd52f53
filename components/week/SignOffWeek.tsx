'use client';
/**
 * "Sign off the week" and, for a signed week, "Revoke sign-off". The page says whether the
 * current identity may; the server decides again and its answer (409 for a week already signed)
 * is shown as is.
 */
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { InertText } from '@/components/CellValue';
import { csrfHeaders } from '@/lib/api/csrf';

type Answer = { ok: true } | { ok: false; message: string };

async function send(method: 'POST' | 'DELETE', payload: unknown): Promise<Answer> {
  try {
    const response = await fetch('/api/week/signoff', { method, headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(payload) });
    const body = (await response.json()) as { ok: boolean; error?: { message: string } };
    return body.ok ? { ok: true } : { ok: false, message: body.error?.message ?? `The server answered ${response.status}.` };
  } catch {
    return { ok: false, message: 'The Huntboard server did not answer.' };
  }
}

export function SignOffWeek({ week, signed, disabledReason }: { week: string; signed: boolean; disabledReason?: string }) {
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);

  async function act(method: 'POST' | 'DELETE') {
    setBusy(true);
    const answer = await send(method, method === 'POST' ? { week, ...(note.trim() ? { note } : {}) } : { week });
    setBusy(false);
    if (answer.ok) {
      setResult({ kind: 'done', text: method === 'POST' ? 'The week is signed off.' : 'The sign-off is revoked.' });
      setNote('');
      router.refresh();
    } else setResult({ kind: 'error', text: answer.message });
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
        void act('POST');
      }}
    >
      <label htmlFor={noteId}>Note (optional)</label>{' '}
      <input id={noteId} type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />{' '}
      <button type="submit" className="button primary" disabled={busy}>
        Sign off the week
      </button>
      {status}
    </form>
  );
}
