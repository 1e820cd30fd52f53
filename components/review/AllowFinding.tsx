'use client';
/**
 * "Allow…" on a finding: suppress its process name, on every agent or only the one it ran on,
 * for this hunt or all, with a reason and an expiry. The server signs the entry with the user.
 * An entry applies from its creation on: a run made before it keeps listing the finding, and says why.
 */
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { InertText } from '@/components/CellValue';
import { postJson } from '@/lib/api/client';
import { AlertText } from '@/components/AlertText';
import { PostButton } from '@/components/PostButton';

const DAY = 864e5;

export interface AllowFindingProps {
  processName: string;
  agentIds: string[];
  huntId: string;
  now: string;
  /** The reviewed run's start: an entry created after it does not hide the run's findings. */
  runStartedAt: string;
  disabledReason?: string;
}

export function AllowFinding({ processName, agentIds, huntId, now, runStartedAt, disabledReason }: AllowFindingProps) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [agent, setAgent] = useState<string>('');
  const [scope, setScope] = useState<'hunt' | 'all'>('hunt');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(new Date(Date.parse(now) + 30 * DAY).toISOString().slice(0, 10));
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState(false);

  if (disabledReason) {
    return (
      <button type="button" className="button" disabled title={disabledReason}>
        Allow…
      </button>
    );
  }
  if (added) {
    return (
      <p role="status" className="muted">
        Allow-listed from now on: runs from now hide <InertText text={processName} />; this run, made before the entry, still lists it.
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} aria-label={`Allow ${processName}…`}>
        Allow…
      </button>
    );
  }

  async function save() {
    setSaving(true);
    const answer = await postJson('/api/allow-list', {
      processName,
      agentId: agent || null,
      huntId: scope === 'hunt' ? huntId : null,
      reason,
      expiresAt: `${expires}T00:00:00.000Z`,
    });
    setSaving(false);
    if (answer.ok) {
      setOpen(false);
      // The entry is dated by the server's clock: if that is after the run started, this run is unchanged.
      setAdded(Date.parse(now) > Date.parse(runStartedAt));
      router.refresh();
    } else setMessage(answer.message);
  }

  return (
    <form
      className="allow-form"
      aria-label={`Allow-list ${processName}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>
        Suppress <InertText text={processName} />
      </p>
      <label>
        Where{' '}
        <select value={agent} onChange={(e) => setAgent(e.target.value)}>
          <option value="">on every agent</option>
          {agentIds.map((a) => (
            <option key={a} value={a}>
              only on agent {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Hunts{' '}
        <select value={scope} onChange={(e) => setScope(e.target.value as 'hunt' | 'all')}>
          <option value="hunt">this hunt</option>
          <option value="all">every hunt</option>
        </select>
      </label>
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
      <label htmlFor={`${id}-expires`}>Expires</label>
      <input id={`${id}-expires`} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} required />
      <button type="submit" className="button primary" disabled={saving}>
        Add to allow-list
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <AlertText message={message} />
    </form>
  );
}

export function RevokeAllow({ entryId, disabledReason }: { entryId: number; disabledReason?: string }) {
  return <PostButton url="/api/allow-list/revoke" body={{ id: entryId }} label="Revoke" {...(disabledReason ? { disabledReason } : {})} />;
}
