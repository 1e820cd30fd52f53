/** Which event columns the table shows by default, and the chooser's search. */
import type { EsqlColumn } from '../../model/esql';
import { DRILLDOWN_COLUMNS } from '../hunts/drilldown-columns';

/** The default drill-down columns present in the result, or (for a result with none) its first ten. */
export function defaultVisibleColumns(columns: readonly EsqlColumn[]): string[] {
  const present = new Set(columns.map((c) => c.name));
  const defaults: string[] = DRILLDOWN_COLUMNS.filter((c) => present.has(c));
  return defaults.length > 0 ? defaults : columns.slice(0, 10).map((c) => c.name);
}

const RANK = new Map<string, number>(DRILLDOWN_COLUMNS.map((name, i) => [name, i]));

/**
 * The chosen names that exist, the default columns first in their analyst-facing order
 * (@timestamp, host, agent, user, process, source, destination, …), then the others in the result's
 * (alphabetical) order; unknown names (stale URLs) are dropped.
 */
export function resolveVisibleColumns(columns: readonly EsqlColumn[], chosen: readonly string[] | undefined): EsqlColumn[] {
  const wanted = new Set(chosen ?? defaultVisibleColumns(columns));
  const rank = (c: EsqlColumn) => RANK.get(c.name) ?? DRILLDOWN_COLUMNS.length;
  return columns.filter((c) => wanted.has(c.name)).sort((a, b) => rank(a) - rank(b));
}

export function matchesColumnSearch(name: string, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = name.toLowerCase();
  return words.every((w) => lower.includes(w));
}

export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((x) => set.has(x));
}
