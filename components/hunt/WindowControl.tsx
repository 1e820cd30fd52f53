'use client';
/**
 * The time-window control: presets, the hunt's own window, or a custom UTC range typed as ISO text
 * (a datetime-local box would show the browser's mm/dd/yyyy under a "UTC" label). The choice
 * rewrites the hunt's `@timestamp > now() - N` predicate on the server (through the AST).
 */
import { useId, useState } from 'react';
import type { WindowChoice } from '@/lib/view/url/hunt-url';
import { parseUtcRange, toUtcInput, UTC_INPUT_HINT } from '@/lib/view/url/utc-input';

const OPTIONS = [
  { id: 'hunt', label: 'As written in the hunt' },
  { id: '24h', label: 'Last 24 hours' },
  { id: '7d', label: 'Last 7 days' },
  { id: '14d', label: 'Last 14 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: 'custom', label: 'Custom range (UTC)…' },
] as const;

/** `asWritten` names the `hunt` choice where the text is not a hunt's (Explore: "As written in the query"). */
export function WindowControl({ value, defaults, onChange, asWritten }: { value: WindowChoice; defaults?: { from?: string; to?: string }; onChange: (next: WindowChoice) => void; asWritten?: string }) {
  const [custom, setCustom] = useState(value.id === 'custom');
  const [from, setFrom] = useState(toUtcInput(value.id === 'custom' ? value.from : defaults?.from));
  const [to, setTo] = useState(toUtcInput(value.id === 'custom' ? value.to : defaults?.to));
  // Problems show once the analyst leaves a box or applies, not at every keystroke of a half-typed time.
  const [touched, setTouched] = useState({ from: false, to: false, applied: false });
  const ids = useId();
  const selected = custom ? 'custom' : value.id;
  const range = parseUtcRange(from, to);
  const problem = !range.ok && (touched.applied || touched[range.field]) ? range : undefined;
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
              // The window that ran is the natural start; it arrived after this control was made.
              if (from === '') setFrom(toUtcInput(defaults?.from));
              if (to === '') setTo(toUtcInput(defaults?.to));
              return;
            }
            setCustom(false);
            onChange({ id });
          }}
        >
          {OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id === 'hunt' && asWritten ? asWritten : o.label}
            </option>
          ))}
        </select>
      </label>
      {custom && (
        <form
          className="custom-range"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTouched((t) => ({ ...t, applied: true }));
            if (range.ok) onChange({ id: 'custom', from: range.from, to: range.to });
          }}
        >
          {(['from', 'to'] as const).map((field) => (
            <label key={field}>
              {field === 'from' ? 'From' : 'To'}{' '}
              <input
                type="text"
                className="utc-input"
                value={field === 'from' ? from : to}
                placeholder="YYYY-MM-DDTHH:MM"
                spellCheck={false}
                autoComplete="off"
                size={17}
                aria-describedby={problem?.field === field ? `${ids}-hint ${ids}-problem` : `${ids}-hint`}
                aria-invalid={problem?.field === field || undefined}
                onChange={(e) => (field === 'from' ? setFrom : setTo)(e.target.value)}
                onBlur={() => setTouched((t) => ({ ...t, [field]: true }))}
                required
              />
            </label>
          ))}
          <span className="muted" id={`${ids}-hint`}>
            {UTC_INPUT_HINT}
          </span>
          <button type="submit" className="button">
            Apply
          </button>
          {problem && (
            <span className="error" id={`${ids}-problem`} role="alert">
              {problem.message}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
