'use client';
/**
 * Progress of a running query: what runs, for how long, and a way to stop it. Mount one per
 * request. The server renders it too: Cancel stays disabled until the page is live, so that a
 * click before then is not silently lost.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function RunStatus({ what, onCancel }: { what: string; onCancel: () => void }) {
  const [startedAt] = useState(() => performance.now());
  const [seconds, setSeconds] = useState(0);
  // false in the server's HTML and while hydrating, true once React runs the page
  const live = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
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
      <button type="button" className="button" onClick={onCancel} disabled={!live}>
        Cancel
      </button>
    </div>
  );
}
