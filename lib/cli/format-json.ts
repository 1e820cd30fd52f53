/**
 * The Elasticsearch `_query` response body (`took`, `is_partial`, `columns`, `values`) as JSON:
 * one row per line so large results stay readable and greppable. Warnings are not part of the
 * body (Elasticsearch sends them as headers); the CLI prints them on stderr.
 */
import 'server-only';
import type { QueryResponse } from '../model/esql';
import { escapeJsonText } from './escape';

function compact(value: unknown): string {
  return escapeJsonText(JSON.stringify(value));
}

function list(items: unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `    ${compact(item)}`).join(',\n')}\n  ]`;
}

export function toJson(response: Pick<QueryResponse, 'took' | 'is_partial' | 'columns' | 'values'>): string {
  return (
    `{\n` +
    `  "took": ${compact(response.took)},\n` +
    `  "is_partial": ${compact(response.is_partial)},\n` +
    `  "columns": ${list(response.columns.map((c) => ({ name: c.name, type: c.type })))},\n` +
    `  "values": ${list(response.values)}\n` +
    `}\n`
  );
}
