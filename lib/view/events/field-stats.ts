/**
 * Every field of a result with its most frequent values, for the field sidebar: a multi-value
 * counts once per value it holds, nulls (and empty multi-values) are counted apart. Work is bounded:
 * one pass over the cells, and a field stops tracking new distinct values past a cap (its counts
 * for values already seen stay exact; `approximate` says the top may miss late newcomers).
 */
import type { EsqlColumn, EsqlScalar, EsqlValue } from '../../model/esql';

export const TOP_VALUES = 5;
/** Distinct values tracked per field: 10,000 rows of unique ids stay cheap. */
const MAX_DISTINCT = 2_000;

export interface ValueCount {
  value: Exclude<EsqlScalar, null>;
  count: number;
}

export interface FieldStats {
  name: string;
  type: string;
  /** Rows with at least one non-null value. */
  present: number;
  /** Rows where the field is null or an empty multi-value. */
  nulls: number;
  /** Distinct non-null values seen (a lower bound when `approximate`). */
  distinct: number;
  /** The most frequent values, most frequent first, ties in first-seen order. */
  top: ValueCount[];
  approximate: boolean;
}

interface Tally {
  counts: Map<string, { value: Exclude<EsqlScalar, null>; count: number; first: number }>;
  present: number;
  nulls: number;
  approximate: boolean;
}

// Typed keys: the number 1 and the string "1" are different values.
const keyOf = (v: Exclude<EsqlScalar, null>): string => `${typeof v}:${String(v)}`;

function add(t: Tally, v: EsqlScalar, seen: Set<string> | null): void {
  if (v === null) return;
  const key = keyOf(v);
  if (seen) {
    if (seen.has(key)) return;
    seen.add(key);
  }
  const entry = t.counts.get(key);
  if (entry) entry.count++;
  else if (t.counts.size < MAX_DISTINCT) t.counts.set(key, { value: v, count: 1, first: t.counts.size });
  else t.approximate = true;
}

function tallyColumn(values: readonly (readonly EsqlValue[])[], index: number): Tally {
  const t: Tally = { counts: new Map(), present: 0, nulls: 0, approximate: false };
  const seen = new Set<string>();
  for (const row of values) {
    const cell = row[index] ?? null;
    if (!Array.isArray(cell)) {
      if (cell === null) t.nulls++;
      else {
        t.present++;
        add(t, cell, null);
      }
      continue;
    }
    if (cell.every((v) => v === null)) {
      t.nulls++;
      continue;
    }
    t.present++;
    seen.clear();
    // A value repeated inside one multi-value counts once for the row: "in how many events".
    for (const v of cell) add(t, v, seen);
  }
  return t;
}

export function fieldStats(columns: readonly EsqlColumn[], values: readonly (readonly EsqlValue[])[], top = TOP_VALUES): FieldStats[] {
  return columns.map((column, index) => {
    const t = tallyColumn(values, index);
    const ranked = [...t.counts.values()].sort((a, b) => b.count - a.count || a.first - b.first);
    return {
      name: column.name,
      type: column.type,
      present: t.present,
      nulls: t.nulls,
      distinct: t.counts.size,
      top: ranked.slice(0, top).map(({ value, count }) => ({ value, count })),
      approximate: t.approximate,
    };
  });
}
