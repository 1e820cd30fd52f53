'use client';
/**
 * The open row's whole document when the result carries its `_index` and `_id` (a query with
 * `METADATA _id, _index`): POST /api/document. Without them the flyout shows the row as the
 * query returned it and says how to see the whole document.
 */
import type { DocumentResponse, ExploreResponse } from '@/lib/model/api';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { useApiPost } from '@/components/hunt/use-api';

export const NO_METADATA_NOTE = 'This row is what the query returned. Add METADATA _id, _index to the FROM to see each row’s whole document.';

export function useExploreDocument(
  response: Extract<ExploreResponse, { ok: true }>,
  open: number | undefined,
): { columns: EsqlColumn[]; row: EsqlValue[]; note?: string } | undefined {
  const { columns, values } = response.result;
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const row = open !== undefined ? values[open] : undefined;
  const index = row?.[at('_index')];
  const id = row?.[at('_id')];
  const wanted = typeof index === 'string' && typeof id === 'string';
  const call = useApiPost<DocumentResponse>(wanted ? '/api/document' : null, wanted ? { index, id } : {});
  if (!row) return undefined;
  if (!wanted) return { columns, row, note: NO_METADATA_NOTE };
  if (call.state.status === 'failed') return { columns, row, note: `The whole document could not be read: ${call.state.error.message}` };
  if (call.state.status !== 'done') return undefined;
  const doc = call.state.data.result;
  return doc.values[0] ? { columns: doc.columns, row: doc.values[0] } : { columns, row, note: 'The document is no longer stored: this row is what the query returned.' };
}
