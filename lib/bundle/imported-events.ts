/**
 * An imported run's drill-down answered from its bundle: the events the source read with the run's
 * own predicate, in the shape a local run's drill-down answers, so a client (or a test comparing
 * two Huntboards) reads a finding's events the same way wherever the run was made.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { EVENT_ID } from '../hunts/run/events';
import { apiError, type EventResponse, type EventsResponse } from '../model/api';
import type { EsqlValue } from '../model/esql';
import { bundleEvents, type ImportedBundle } from './imported';

function saved(db: AppDatabase, runId: number, key: EsqlValue[]) {
  const events = bundleEvents(db, runId, JSON.stringify(key));
  if (!events) return { ok: false as const, error: apiError('not_found', `Run #${runId} has no finding ${JSON.stringify(key).slice(0, 200)} in its bundle.`) };
  if (events.kind === 'error') return { ok: false as const, error: apiError('bad_request', `The source could not read these events when it made the bundle: ${events.message}`) };
  return { ok: true as const, events };
}

export function importedRunEvents(db: AppDatabase, runId: number, bundle: ImportedBundle, key: EsqlValue[]): EventsResponse {
  const found = saved(db, runId, key);
  if (!found.ok) return found;
  const { columns, values, truncated } = found.events;
  return {
    ok: true,
    effectiveQuery: '',
    params: [],
    window: { id: 'bundle', description: `events of run #${runId} kept in bundle #${bundle.id} (${bundle.fileName})` },
    result: { columns, values, warnings: [], took: 0, is_partial: false },
    available: columns,
    truncated,
  };
}

/** One event of an imported finding, by its event.id, from the bundle. */
export function importedRunEvent(db: AppDatabase, runId: number, key: EsqlValue[], eventId: string): EventResponse {
  const found = saved(db, runId, key);
  if (!found.ok) return found;
  const { columns, values } = found.events;
  const at = columns.findIndex((c) => c.name === EVENT_ID);
  const row = at < 0 ? undefined : values.find((r) => r[at] === eventId);
  if (!row) return { ok: false, error: apiError('not_found', `No event with event.id [${eventId.slice(0, 100)}] among this finding's events in the bundle.`) };
  return { ok: true, result: { columns, values: [row], warnings: [], took: 0, is_partial: false } };
}
