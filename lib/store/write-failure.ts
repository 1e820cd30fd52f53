/**
 * A failed ingest's error, in words a user can act on: which part could not be written and why,
 * and that the index is as it was (an ingest is all-or-nothing: ingest-run.ts).
 */
import 'server-only';

/** Node's ENOSPC, or DuckDB's and the addon's "No space left on device" in their own messages. */
export function isNoSpace(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return true;
  return error instanceof Error && /no space left on device/i.test(error.message);
}

/** An error already worded for the user: the failed run adds only that nothing was stored. */
export class PartWriteError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'PartWriteError';
  }
}

/** Why part `file` could not be written: a full disk is said so, anything else passes as it came. */
export function partWriteFailure(error: unknown, file: string): unknown {
  return isNoSpace(error) ? new PartWriteError(`no space left on device while writing part ${file}`, { cause: error }) : error;
}

/** The error a failed ingest into `index` throws: its cause, and that nothing was stored. */
export function ingestFailure(error: unknown, index: string): Error {
  const what =
    error instanceof PartWriteError ? error.message
    : isNoSpace(error) ? `no space left on device while ingesting into [${index}]`
    : error instanceof Error ? error.message
    : String(error);
  return new Error(`${what}; nothing was stored`, { cause: error });
}
