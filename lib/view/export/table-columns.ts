/**
 * A result with the extra columns its table shows beside it (the hunt table's context), as one
 * table for the CSV export: what the analyst saw is what the file holds. Rows without extra values
 * (context not fetched for them) get empty cells, never values of another row.
 */
import type { EsqlColumn, EsqlValue } from '../../model/esql';

export interface ExtraExportColumns {
  columns: readonly EsqlColumn[];
  /** The extra cells of one result row, or undefined when none were fetched for it. */
  valuesFor: (row: readonly EsqlValue[]) => readonly EsqlValue[] | undefined;
  /** Prefix for an extra column whose name a result column already has (`context.`). */
  prefix: string;
}

export function withExtraColumns(
  columns: readonly EsqlColumn[],
  rows: readonly EsqlValue[][],
  extra: ExtraExportColumns | undefined,
): { columns: EsqlColumn[]; values: EsqlValue[][] } {
  if (!extra || extra.columns.length === 0) return { columns: [...columns], values: [...rows] };
  const taken = new Set(columns.map((c) => c.name));
  const added = extra.columns.map((c) => (taken.has(c.name) ? { ...c, name: `${extra.prefix}${c.name}` } : { ...c }));
  const width = added.length;
  return {
    columns: [...columns, ...added],
    values: rows.map((row) => {
      const more = extra.valuesFor(row);
      return [...row, ...Array.from({ length: width }, (_, i) => (more ? (more[i] ?? null) : null))];
    }),
  };
}
