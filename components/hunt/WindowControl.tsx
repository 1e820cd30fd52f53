'use client';
/**
 * The time-window control: presets, the hunt's own window, or a custom UTC range. The choice
 * rewrites the hunt's `@timestamp > now() - N` predicate on the server (through the AST).
 */
import { useState } from 'react';
import type { WindowChoice } from '@/lib/view/url/hunt-url';

const OPTIONS = [
  { id: 'hunt', label: 'As written in the hunt' },
  { id: '24h', label: 'Last 24 hours' },
  { id: '7d', label: 'Last 7 days' },
  { id: '14d', label: 'Last 14 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: 'custom', label: 'Custom range (UTC)…' },
] as const;

/** `2026-01-08T12:00:00.000Z` → `2026-01-08T12:00` for a datetime-local input (read as UTC). */
function toInput(iso: string | undefined): string {
  return iso ? iso.slice(0, 16) : '';
}

function fromInput(text: string): string {
  return text ? `${text}:00.000Z` : '';
}

export function WindowControl({ value, defaults, onChange }: { value: WindowChoice; defaults?: { from?: string; to?: string }; onChange: (next: WindowChoice) => void }) {
  const [custom, setCustom] = useState(value.id === 'custom');
  const [from, setFrom] = useState(toInput(value.id === 'custom' ? value.from : defaults?.from));
  const [to, setTo] = useState(toInput(value.id === 'custom' ? value.to : defaults?.to));
  const selected = custom ? 'custom' : value.id;
  const valid = from !== '' && to !== '' && from < to;
  return (
    <div className="window-control" role="group" aria-label="Time window">
      <label>
        Time window{' '}
        <select
          value={selected}
          onChange={(e) => {
            const id = e.target.value as (typeof OPTIONS)[number]['id'];
            if (id === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange({ id });
          }}
        >
          {OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {custom && (
        <form
          className="custom-range"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange({ id: 'custom', from: fromInput(from), to: fromInput(to) });
          }}
        >
          <label>
            From <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            To <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <button type="submit" className="button" disabled={!valid}>
            Apply
          </button>
          {!valid && from !== '' && to !== '' && <span className="error">The start must be before the end.</span>}
        </form>
      )}
    </div>
  );
}
