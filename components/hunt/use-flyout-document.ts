'use client';
/**
 * The open event's full document: the events list carries only the chosen columns, so the flyout
 * asks for every field of that one event, by its `event.id`.
 */
import type { EventResponse, EventsResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { useApiPost } from './use-api';

export function useFlyoutDocument(
  api: string,
  base: object,
  events: Extract<EventsResponse, { ok: true }> | undefined,
  open: number | undefined,
): { columns: EsqlColumn[]; row: EsqlValue[] } | undefined {
  const at = events?.result.columns.findIndex((c) => c.name === 'event.id') ?? -1;
  const row = events && open !== undefined ? events.result.values[open] : undefined;
  const id = row && at >= 0 ? row[at] : null;
  const call = useApiPost<EventResponse>(typeof id === 'string' ? `${api}/event` : null, { ...base, eventId: id });
  if (call.state.status !== 'done') return undefined;
  const { columns, values } = call.state.data.result;
  return values[0] ? { columns, row: values[0] } : undefined;
}
