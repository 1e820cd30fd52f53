/**
 * Client-side sorting of drill-down events with lib/table's ES|QL value order (numbers and dates
 * by value, IPs by their 16-byte form, keywords by UTF-8 bytes, nulls last ascending). Sort keys
 * are computed once per row, then an index array is sorted, so 10,000 rows re-sort at once and
 * ties keep the loaded (newest-first) order.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { cellSortKey, compareKeys, valueKind } from '../table/compare';

export interface EventSort {
  id: string;
  desc: boolean;
}

/** Row indices in display order: `sort` null (or naming no column) keeps the loaded order. */
export function sortedRowIndices(columns: readonly EsqlColumn[], values: readonly EsqlValue[][], sort: EventSort | null): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  const at = sort ? columns.findIndex((c) => c.name === sort.id) : -1;
  if (!sort || at < 0) return order;
  const kind = valueKind(columns[at].type);
  const keys = values.map((row) => cellSortKey(row[at] ?? null, kind, sort.desc));
  const sign = sort.desc ? -1 : 1;
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    let c: number;
    if (ka === null || kb === null) c = ka === kb ? 0 : ka === null ? 1 : -1;
    else c = compareKeys(ka, kb);
    return c === 0 ? a - b : sign * c;
  });
  return order;
}

/** The next sort when a header is clicked: ascending, then descending, then none. */
export function nextSort(current: EventSort | null, id: string): EventSort | null {
  if (!current || current.id !== id) return { id, desc: false };
  return current.desc ? null : { id, desc: true };
}

export function ariaSort(current: EventSort | null, id: string): 'ascending' | 'descending' | 'none' {
  if (!current || current.id !== id) return 'none';
  return current.desc ? 'descending' : 'ascending';
}
