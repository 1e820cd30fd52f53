/**
 * Client-side multi-column sort of a whole `{columns, values}` result. Sorts row indices, never
 * the rows, so a row keeps its identity (its index in `values`) for links, highlight and export.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { compareCells, valueKind } from './compare';

export interface SortSpec {
  /** Column name. */
  id: string;
  desc: boolean;
}

export function sortRowIndices(
  columns: readonly EsqlColumn[],
  values: readonly (readonly EsqlValue[])[],
  indices: readonly number[],
  sorting: readonly SortSpec[],
): number[] {
  const at = new Map(columns.map((c, i) => [c.name, i]));
  // Sort keys naming no column (a stale URL) are ignored rather than failing the table.
  const keys = sorting.flatMap((s) => {
    const index = at.get(s.id);
    return index === undefined ? [] : [{ index, kind: valueKind(columns[index].type), desc: s.desc }];
  });
  const out = [...indices];
  if (keys.length === 0) return out;
  // Ties keep the server's order (Array.prototype.sort is stable).
  return out.sort((ra, rb) => {
    for (const k of keys) {
      const c = compareCells(values[ra][k.index] ?? null, values[rb][k.index] ?? null, k.kind, k.desc);
      if (c !== 0) return c;
    }
    return 0;
  });
}
