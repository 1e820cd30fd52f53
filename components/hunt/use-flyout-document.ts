'use client';
/**
 * The open event's full document: the events list carries only the chosen columns, so the flyout
 * asks for every field of that one event where lib/view/events/flyout-source.ts says to — by
 * `_index` + `_id`, else by `event.id` — and otherwise shows the loaded fields with a note.
 */
import type { DocumentResponse, EventResponse, EventsResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { flyoutSource, loadedFieldsNote } from '@/lib/view/events/flyout-source';
import { useApiPost } from './use-api';

/** What the flyout shows; `note` says why it is only the loaded fields. */
export interface FlyoutDocument {
  columns: EsqlColumn[];
  row: EsqlValue[];
  note?: string;
}

export function useFlyoutDocument(
  api: string,
  base: object,
  events: Extract<EventsResponse, { ok: true }> | undefined,
  open: number | undefined,
): FlyoutDocument | undefined {
  const columns = events?.result.columns ?? [];
  const row = events && open !== undefined ? events.result.values[open] : undefined;
  const source = row && events ? flyoutSource(columns, row, events.window.id) : undefined;
  const document = useApiPost<DocumentResponse>(source?.kind === 'document' ? '/api/document' : null, source?.kind === 'document' ? { index: source.index, id: source.id } : {});
  const event = useApiPost<EventResponse>(source?.kind === 'event' ? `${api}/event` : null, { ...base, eventId: source?.kind === 'event' ? source.eventId : null });
  if (!row || !source) return undefined;
  const loaded = (why: string): FlyoutDocument => ({ columns, row, note: loadedFieldsNote(columns, row, why) });
  if (source.kind === 'loaded') return loaded(source.why);
  const call = source.kind === 'document' ? document.state : event.state;
  if (call.status === 'failed') return loaded(`the full document could not be fetched: ${call.error.message}`);
  if (call.status !== 'done') return undefined;
  const { columns: all, values } = call.data.result;
  return values[0] ? { columns: all, row: values[0] } : loaded('the full document was not found.');
}
