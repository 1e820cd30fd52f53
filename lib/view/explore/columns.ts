/**
 * The columns Explore's table shows before the analyst chooses: a narrow result whole, a wide one
 * (whole documents) by the drill-down's defaults plus the process name, which a hunt row's
 * drill-down leaves out (every event there has the row's) but a query across processes needs.
 */
import type { EsqlColumn } from '../../model/esql';
import { defaultVisibleColumns } from '../events/columns';

/** Up to this many result columns are all shown: the analyst's KEEP or STATS chose them. */
export const ALL_COLUMNS_UP_TO = 16;

const ACROSS_ROWS = ['process.name'];

export function exploreDefaultColumns(columns: readonly EsqlColumn[]): string[] {
  if (columns.length <= ALL_COLUMNS_UP_TO) return columns.map((c) => c.name);
  const defaults = defaultVisibleColumns(columns);
  const extra = ACROSS_ROWS.filter((name) => columns.some((c) => c.name === name) && !defaults.includes(name));
  return [...defaults, ...extra];
}
