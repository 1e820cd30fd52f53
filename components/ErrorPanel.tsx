/**
 * A failed API call as the analyst sees it: what kind of failure, the server's own words (kept
 * verbatim, but inert), and what to check.
 */
import type { ApiError, ApiErrorKind } from '@/lib/model/api';
import { InertText } from './CellValue';

const HEADINGS: Record<ApiErrorKind, string> = {
  parsing: 'Query rejected: syntax error',
  verification: 'Query rejected',
  unknown_index: 'Unknown index',
  unsupported: 'Not supported by the embedded engine',
  bad_request: 'Bad request',
  authentication: 'Authentication failed',
  authorization: 'Not authorized',
  rate_limited: 'Too many requests',
  server: 'Elasticsearch error',
  unreachable: 'Cluster unreachable',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  bad_response: 'Unexpected response',
  internal: 'Internal error',
  not_found: 'Not found',
  disk_full: 'Server disk full',
  unauthenticated: 'Sign in first',
  forbidden: 'Not allowed',
  conflict: 'Changed meanwhile',
};

export function errorHeading(kind: ApiErrorKind): string {
  return HEADINGS[kind] ?? 'Error';
}

export function ErrorPanel({ error }: { error: ApiError }) {
  return (
    <div className={`error-panel error-${error.kind}`} role="alert">
      <h3 className="error-panel-heading">{errorHeading(error.kind)}</h3>
      <pre className="error-panel-message">
        <InertText text={error.message} keepNewlines />
      </pre>
      {error.hint && (
        <p className="error-panel-hint">
          <InertText text={error.hint} />
        </p>
      )}
    </div>
  );
}
