/**
 * The rows a result table shows, in the order it shows them: filtered, then sorted. One function
 * so the table and its export ("the rows currently shown") can never disagree.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import { filterRowIndices } from './filter';
import { sortRowIndices, type SortSpec } from './sort';

export function visibleRowIndices(
  columns: readonly EsqlColumn[],
  values: readonly (readonly EsqlValue[])[],
  sorting: readonly SortSpec[],
  filters: Readonly<Record<string, string>>,
): number[] {
  return sortRowIndices(columns, values, filterRowIndices(columns, values, filters), sorting);
}

/** The shown rows as values, for export. */
export function visibleValues(
  columns: readonly EsqlColumn[],
  values: readonly EsqlValue[][],
  sorting: readonly SortSpec[],
  filters: Readonly<Record<string, string>>,
): EsqlValue[][] {
  return visibleRowIndices(columns, values, sorting, filters).map((i) => values[i]);
}
