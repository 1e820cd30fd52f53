'use client';
/** Progress of a running query: what runs, for how long, and a way to stop it. Mount one per request. */
import { useEffect, useState } from 'react';

export function RunStatus({ what, onCancel }: { what: string; onCancel: () => void }) {
  const [startedAt] = useState(() => performance.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((performance.now() - startedAt) / 1000), 100);
    return () => clearInterval(timer);
  }, [startedAt]);
  return (
    <div className="run-status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>
        Running {what}… <span className="elapsed">{seconds.toFixed(1)} s</span>
      </span>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
