/**
 * Failures Huntboard's server adds to the domain's (lib/hunts/run/errors): an unexpected exception,
 * a disk that refused a write; and the one place an error kind becomes an HTTP status.
 */
import type { ApiError, ApiErrorKind } from '../model/api';
import { storageFailure } from '../appstate/db';
import { apiError, INTERNAL } from '../hunts/run/errors';

/** An exception nobody expected, or a disk that could not take a write, as the answer's error. */
export function unexpectedError(e: unknown, what: 'write' | 'read'): ApiError {
  const storage = storageFailure(e);
  if (storage) {
    const message = `${storage.cause}: ${what === 'write' ? 'the change was not saved' : 'the request could not be answered'}.`;
    return apiError('disk_full', message, 'Free space on the volume of HUNTBOARD_DATA_DIR (or replace the failing disk), then try again.');
  }
  return apiError('internal', 'The server failed while answering.', INTERNAL);
}

/** HTTP status of an API error response: the client's fault, the upstream's, or ours. */
export function statusOf(kind: ApiErrorKind): number {
  switch (kind) {
    case 'not_found':
      return 404;
    case 'parsing':
    case 'verification':
    case 'unknown_index':
    case 'unsupported':
    case 'bad_request':
      return 400;
    case 'cancelled':
      return 499;
    case 'timeout':
      return 504;
    case 'internal':
      return 500;
    case 'disk_full':
      return 507;
    default:
      return 502;
  }
}
