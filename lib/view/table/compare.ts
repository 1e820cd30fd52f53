/**
 * How Elasticsearch orders one column's values, by the column's ES type: numbers and dates by
 * value, IPs by their 16-byte form, keywords by UTF-8 byte order (not locale, not UTF-16), so
 * that clicking a header agrees with `SORT` in the query. Pure.
 */
import type { EsqlScalar, EsqlValue } from '../../model/esql';
import { parseIp } from '../../model/ip';

export type ValueKind = 'number' | 'date' | 'ip' | 'boolean' | 'string';

const NUMERIC_TYPES: ReadonlySet<string> = new Set([
  'long', 'integer', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float', 'unsigned_long',
  'counter_long', 'counter_integer', 'counter_double',
]);

export function valueKind(type: string): ValueKind {
  if (NUMERIC_TYPES.has(type)) return 'number';
  if (type === 'date' || type === 'date_nanos' || type === 'datetime') return 'date';
  if (type === 'ip') return 'ip';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

/** Maps a UTF-16 code unit so that numeric order of mapped units equals code point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/**
 * Code point order, which equals the UTF-8 byte order Elasticsearch sorts keywords by. JS `<`
 * compares UTF-16 units and puts U+FF5E after U+1F600; localeCompare would put `a` before `Z`.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return codePointRank(ca) - codePointRank(cb);
  }
  return a.length - b.length;
}

/** A comparable form of a non-null scalar: `rank` first (unparsable after parsable), then `n`, then `s`. */
export interface SortKey {
  rank: 0 | 1;
  n: number;
  s: string;
}

function keyOf(value: Exclude<EsqlScalar, null>, kind: ValueKind): SortKey {
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isNaN(n) ? { rank: 1, n: 0, s: String(value) } : { rank: 0, n, s: '' };
    }
    case 'date': {
      const n = typeof value === 'number' ? value : Date.parse(String(value));
      return Number.isNaN(n) ? { rank: 1, n: 0, s: String(value) } : { rank: 0, n, s: '' };
    }
    case 'ip': {
      const hex = parseIp(String(value));
      // The hex of the 16-byte form compares like the bytes.
      return hex === undefined ? { rank: 1, n: 0, s: String(value) } : { rank: 0, n: 0, s: hex };
    }
    case 'boolean':
      return { rank: 0, n: value === true || value === 'true' ? 1 : 0, s: '' };
    case 'string':
      return { rank: 0, n: 0, s: String(value) };
  }
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.n !== b.n) return a.n < b.n ? -1 : 1;
  return a.s === b.s ? 0 : compareUtf8(a.s, b.s);
}

/**
 * The key a cell sorts by in one direction, or null. A multi-value sorts by its lowest value
 * ascending and its highest descending, as ES|QL's SORT does.
 */
export function cellSortKey(value: EsqlValue, kind: ValueKind, desc: boolean): SortKey | null {
  const scalars = (Array.isArray(value) ? value : [value]).filter((v): v is Exclude<EsqlScalar, null> => v !== null);
  let best: SortKey | null = null;
  for (const v of scalars) {
    const key = keyOf(v, kind);
    if (best === null || (desc ? compareKeys(key, best) > 0 : compareKeys(key, best) < 0)) best = key;
  }
  return best;
}

/**
 * Compares two cells for one sort direction, the result already oriented: nulls last ascending
 * and first descending (ES|QL's default `NULLS LAST` for ASC, `NULLS FIRST` for DESC).
 */
export function compareCells(a: EsqlValue, b: EsqlValue, kind: ValueKind, desc: boolean): number {
  const ka = cellSortKey(a, kind, desc);
  const kb = cellSortKey(b, kind, desc);
  let ascending: number;
  if (ka === null || kb === null) ascending = ka === kb ? 0 : ka === null ? 1 : -1;
  else ascending = compareKeys(ka, kb);
  return desc ? -ascending : ascending;
}
