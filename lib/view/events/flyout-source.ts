/**
 * Where the flyout gets an event's full document: by `_index` + `_id` when the row carries them
 * (POST /api/document), else by its `event.id` (the drill-down's own event route), else nowhere —
 * it shows the loaded fields and says why. An imported run's events (window `bundle`) were read at
 * the source: this Huntboard's backend may not hold their documents, so never by `_id`.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { eventFields } from './document';
import { plural } from '../text/plural';

export type FlyoutSource = { kind: 'document'; index: string; id: string } | { kind: 'event'; eventId: string } | { kind: 'loaded'; why: string };

function cell(columns: readonly EsqlColumn[], row: readonly EsqlValue[], name: string): EsqlValue {
  const at = columns.findIndex((c) => c.name === name);
  return at >= 0 ? row[at] : null;
}

export function flyoutSource(columns: readonly EsqlColumn[], row: readonly EsqlValue[], windowId: string): FlyoutSource {
  const index = cell(columns, row, '_index');
  const id = cell(columns, row, '_id');
  const imported = windowId === 'bundle';
  if (!imported && typeof index === 'string' && typeof id === 'string') return { kind: 'document', index, id };
  const eventId = cell(columns, row, 'event.id');
  if (typeof eventId === 'string') return { kind: 'event', eventId };
  return { kind: 'loaded', why: imported ? 'the bundle keeps these fields of its events, and this event has no event.id to find more by.' : 'this event has no _id to fetch the full document by.' };
}

/** The flyout's note when it shows only the loaded fields. */
export function loadedFieldsNote(columns: readonly EsqlColumn[], row: readonly EsqlValue[], why: string): string {
  return `Showing the ${plural(eventFields(columns, row).length, 'loaded field')}; ${why}`;
}
