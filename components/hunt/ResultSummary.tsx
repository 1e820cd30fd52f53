/** Row count, time taken, the window that ran, and the server's warnings. */
import type { RunResponse } from '@/lib/model/api';
import { plural, pluralNoun } from '@/lib/view/text/plural';

export function ResultSummary({ response }: { response: Extract<RunResponse, { ok: true }> }) {
  const { result, window } = response;
  return (
    <div className="result-summary">
      <p>
        <strong>{result.values.length.toLocaleString('en-US')}</strong> {pluralNoun(result.values.length, 'row')} · took {result.took.toLocaleString('en-US')} ms · window:{' '}
        <strong className="window-ran">{window.description}</strong>
        {window.from && window.to && (
          <span className="muted">
            {' '}
            {window.openEnded ? (
              // The query says `> now() - N`: events after now() count too, so no end bound is claimed.
              <>
                (since <time dateTime={window.from}>{window.from}</time>, no end bound; now() was <time dateTime={window.to}>{window.to}</time>)
              </>
            ) : (
              <>
                (<time dateTime={window.from}>{window.from}</time> to <time dateTime={window.to}>{window.to}</time>)
              </>
            )}
          </span>
        )}
        {result.is_partial && <strong className="error"> · partial result</strong>}
      </p>
      {result.warnings.length > 0 && (
        <details className="warnings">
          <summary>
            {plural(result.warnings.length, 'warning')} from the server
          </summary>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>
                <code>{w}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
