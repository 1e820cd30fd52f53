/**
 * Client-side sorting of drill-down events, type-aware and close to ES|QL's SORT: numbers and
 * dates by value, IPs by the byte order of their 16-byte form, everything else by UTF-8 byte
 * order; nulls last ascending (and first descending, ES|QL's default). Sorts an index array so the
 * rows themselves never move; ties keep the loaded (newest-first) order.
 */
import type { EsqlColumn, EsqlScalar, EsqlValue } from '../backends/types';
import { parseIp } from '../store/ip';

export interface EventSort {
  id: string;
  desc: boolean;
}

export type SortKind = 'number' | 'date' | 'ip' | 'boolean' | 'string';

const NUMERIC = new Set(['long', 'integer', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float', 'unsigned_long', 'counter_long', 'counter_integer', 'counter_double']);

export function sortKind(type: string): SortKind {
  if (NUMERIC.has(type)) return 'number';
  if (type === 'date' || type === 'date_nanos' || type === 'datetime') return 'date';
  if (type === 'ip') return 'ip';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

/** A comparable form of one value: `n` first, then `s` by code point (= UTF-8 byte) order. */
interface Key {
  n: number;
  s: string;
}

/** Maps a UTF-16 code unit so that plain numeric order equals code point order. */
function fixup(c: number): number {
  if (c >= 0xe000) return c - 0x800;
  if (c >= 0xd800) return c + 0x2000;
  return c;
}

/** Code point order, which is the UTF-8 byte order Elasticsearch sorts keywords by (JS `<` is UTF-16 order). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return fixup(ca) - fixup(cb);
  }
  return a.length - b.length;
}

function compareKeys(a: Key, b: Key): number {
  if (a.n !== b.n) return a.n < b.n ? -1 : 1;
  return a.s === b.s ? 0 : compareCodePoints(a.s, b.s);
}

/** Unparsable values sort after the parsable ones and before nulls. */
const UNPARSABLE = Number.MAX_VALUE;

function scalarKey(v: Exclude<EsqlScalar, null>, kind: SortKind): Key {
  switch (kind) {
    case 'number': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isNaN(n) ? { n: UNPARSABLE, s: String(v) } : { n, s: '' };
    }
    case 'date': {
      const n = typeof v === 'number' ? v : Date.parse(String(v));
      // The string breaks ties below a millisecond (date_nanos).
      return Number.isNaN(n) ? { n: UNPARSABLE, s: String(v) } : { n, s: String(v) };
    }
    case 'ip': {
      const hex = typeof v === 'string' ? parseIp(v) : undefined;
      return hex === undefined ? { n: UNPARSABLE, s: String(v) } : { n: 0, s: hex };
    }
    case 'boolean':
      return typeof v === 'boolean' ? { n: v ? 1 : 0, s: '' } : { n: UNPARSABLE, s: String(v) };
    case 'string':
      return { n: 0, s: String(v) };
  }
}

/** A multi-value sorts by its lowest value ascending and its highest descending, as in ES|QL. */
export function valueKey(value: EsqlValue, kind: SortKind, desc: boolean): Key | null {
  if (!Array.isArray(value)) return value === null ? null : scalarKey(value, kind);
  let best: Key | null = null;
  for (const v of value) {
    if (v === null) continue;
    const k = scalarKey(v, kind);
    if (best === null || (desc ? compareKeys(k, best) > 0 : compareKeys(k, best) < 0)) best = k;
  }
  return best;
}

/** Row indices in display order: `sort` null (or naming no column) keeps the loaded order. */
export function sortedRowIndices(columns: readonly EsqlColumn[], values: readonly EsqlValue[][], sort: EventSort | null): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  const at = sort ? columns.findIndex((c) => c.name === sort.id) : -1;
  if (!sort || at < 0) return order;
  const kind = sortKind(columns[at].type);
  const keys = values.map((row) => valueKey(row[at] ?? null, kind, sort.desc));
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
