/**
 * The JSON export: exactly the fields of Elasticsearch's `_query` response body, so a file
 * exported here reads like one saved from Kibana or curl. Warnings are not in `_query`'s body
 * (they travel as HTTP headers), so they are left out.
 */
import type { EsqlScalar, QueryResponse } from '../../model/esql';
import { escapeJsonText } from '../text/escape';

export type QueryJson = Pick<QueryResponse, 'columns' | 'values' | 'took' | 'is_partial'>;

/**
 * An unsigned_long past 2^53 is its decimal text in EsqlValue (lib/engine/format.ts): marked here,
 * so that it is written as the bare integer Elasticsearch writes. The mark holds a control
 * character no such digit string has, and a nonce no cell can guess.
 */
function markUnsignedLongs(response: QueryJson): { values: QueryJson['values']; unmark(text: string): string } {
  const ul = response.columns.map((c) => c.type === 'unsigned_long');
  if (!ul.some(Boolean)) return { values: response.values, unmark: (text) => text };
  const mark = `\u0001ul${Math.random().toString(36).slice(2)}:`;
  const one = (v: EsqlScalar): EsqlScalar => (typeof v === 'string' && /^\d+$/.test(v) ? mark + v : v);
  const values = response.values.map((row) => row.map((v, i) => (!ul[i] ? v : Array.isArray(v) ? v.map(one) : one(v))));
  const written = JSON.stringify(mark).slice(1, -1);
  return { values, unmark: (text) => text.split(`"${written}`).map((part, i) => (i === 0 ? part : part.replace(/^(\d+)"/, '$1'))).join('') };
}

export function toQueryJson(response: QueryJson): string {
  const { values, unmark } = markUnsignedLongs(response);
  const body: QueryJson = { columns: response.columns, values, took: response.took, is_partial: response.is_partial };
  // JSON.stringify escapes C0 controls but not bidi overrides; a viewer must not be reordered by them.
  return `${escapeJsonText(unmark(JSON.stringify(body, null, 2)))}\n`;
}
