/**
 * The JSON export: exactly the fields of Elasticsearch's `_query` response body, so a file
 * exported here reads like one saved from Kibana or curl. Warnings are not in `_query`'s body
 * (they travel as HTTP headers), so they are left out.
 */
import type { QueryResponse } from '../../model/esql';
import { escapeJsonText } from '../text/escape';

export type QueryJson = Pick<QueryResponse, 'columns' | 'values' | 'took' | 'is_partial'>;

export function toQueryJson(response: QueryJson): string {
  const body: QueryJson = { columns: response.columns, values: response.values, took: response.took, is_partial: response.is_partial };
  // JSON.stringify escapes C0 controls but not bidi overrides; a viewer must not be reordered by them.
  return `${escapeJsonText(JSON.stringify(body, null, 2))}\n`;
}
