/**
 * The failures Huntboard's server adds to the domain's (lib/hunts/run/errors.ts): an exception
 * nobody expected, or a disk that refused a write, as the answer's error — never the exception's
 * own words (guard.ts logs those).
 */
import 'server-only';
import { apiError, type ApiError } from '../../model/api';
import { storageFailure } from '../../appstate/db';
import { INTERNAL } from '../../hunts/run/errors';

export function unexpectedError(e: unknown, what: 'write' | 'read'): ApiError {
  const storage = storageFailure(e);
  if (storage) {
    const message = `${storage.cause}: ${what === 'write' ? 'the change was not saved' : 'the request could not be answered'}.`;
    return apiError('disk_full', message, 'Free space on the volume of HUNTBOARD_DATA_DIR (or replace the failing disk), then try again.');
  }
  return apiError('internal', 'The server failed while answering.', INTERNAL);
}
