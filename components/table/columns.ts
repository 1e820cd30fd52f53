/**
 * The TanStack column definitions of a ResultTable: an optional drill-down column, the result's
 * columns (sortable, ids = ES|QL column names so the URL reads `sort=-connection_count`), and the
 * context columns in their own header group. Cells are rendered by ResultTable from `ColumnInfo`.
 */
import { rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';

export const tableFeatureSet = tableFeatures({ rowSortingFeature });
export type Features = typeof tableFeatureSet;

/** One displayed row: its index in the result's `values` (its identity) and its cells. */
export interface RowView {
  index: number;
  cells: readonly EsqlValue[];
}

/**
 * Sort interaction: asc → desc → none on click, shift-click adds a secondary key. The order itself
 * is computed by lib/view/table over the whole result (multi-values sort by min ascending and max
 * descending, which a TanStack comparator cannot express), so TanStack only keeps the state.
 */
export const SORTING_OPTIONS = {
  manualSorting: true,
  enableMultiSort: true,
  enableSortingRemoval: true,
  sortDescFirst: false,
  isMultiSortEvent: (e: unknown) => typeof e === 'object' && e !== null && 'shiftKey' in e && e.shiftKey === true,
} as const;

export const ACTION_COLUMN_ID = '__row_action';
export const CONTEXT_PLACEHOLDER_ID = 'context:__pending';

export type ColumnInfo =
  | { kind: 'action' }
  | { kind: 'result'; column: EsqlColumn; index: number }
  | { kind: 'context'; column: EsqlColumn; index: number }
  | { kind: 'context-pending' };

export interface ColumnPlan {
  defs: ColumnDef<Features, RowView>[];
  info: Map<string, ColumnInfo>;
}

export function contextColumnId(name: string): string {
  return `context:${name}`;
}

export function planColumns(
  columns: readonly EsqlColumn[],
  contextColumns: readonly EsqlColumn[] | undefined,
  contextLabel: string,
  withAction: boolean,
): ColumnPlan {
  const info = new Map<string, ColumnInfo>();
  const resultDefs: ColumnDef<Features, RowView>[] = columns.map((column, index) => {
    info.set(column.name, { kind: 'result', column, index });
    return { id: column.name, header: column.name, accessorFn: (row: RowView) => row.cells[index] ?? null };
  });
  const leading: ColumnDef<Features, RowView>[] = [];
  if (withAction) {
    info.set(ACTION_COLUMN_ID, { kind: 'action' });
    leading.push({ id: ACTION_COLUMN_ID, header: 'Drill down', enableSorting: false });
  }
  if (contextColumns === undefined) return { defs: [...leading, ...resultDefs], info };

  // Context is fetched for a subset of rows after the result arrives: it is shown, not sorted.
  const contextDefs: ColumnDef<Features, RowView>[] =
    contextColumns.length === 0
      ? [{ id: CONTEXT_PLACEHOLDER_ID, header: '', enableSorting: false }]
      : contextColumns.map((column, index) => {
          info.set(contextColumnId(column.name), { kind: 'context', column, index });
          return { id: contextColumnId(column.name), header: column.name, enableSorting: false };
        });
  if (contextColumns.length === 0) info.set(CONTEXT_PLACEHOLDER_ID, { kind: 'context-pending' });
  return {
    defs: [
      ...leading,
      { id: 'group:result', header: 'Result', columns: resultDefs },
      { id: 'group:context', header: contextLabel, columns: contextDefs },
    ],
    info,
  };
}
