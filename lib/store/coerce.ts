/**
 * Coercion of one JSON value into a field's mapping type, as Elasticsearch's field mappers do
 * (docs/esql-semantics.md §5):
 * numeric strings into numbers, numbers into keyword, "true"/"false" into boolean, IP and date text
 * parsed. The result is the physical column value (layout.ts) or the mapper's error text.
 */
import 'server-only';
import { parseDate } from './dates';
import { toFloat32, toHalfFloat, toScaledFloat, type Rounded } from './float-precision';
import { notAnIpMessage, parseIp } from '../model/ip';

/** Why a value does not fit its field (an instance, so that the common success path allocates nothing). */
export class CoercionFailure {
  constructor(readonly error: string) {}
}

/** The physical value (a bigint for an unsigned_long), null for "no value" (an empty string in a numeric field), or the failure. */
export type Coerced = string | number | bigint | boolean | null | CoercionFailure;

const NULL: Coerced = null;

function ok(value: string | number | bigint | boolean): Coerced {
  return value;
}

function fail(error: string): Coerced {
  return new CoercionFailure(error);
}

function tokenName(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'VALUE_TRUE' : 'VALUE_FALSE';
  if (typeof v === 'number') return Number.isInteger(v) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  if (typeof v === 'bigint') return 'VALUE_NUMBER_INT';
  if (typeof v === 'object' && v !== null) return 'START_OBJECT';
  return 'VALUE_STRING';
}

const RANGES: Record<string, { min: number; max: number; article: string }> = {
  long: { min: -9223372036854775808, max: 9223372036854775807, article: 'a long' },
  integer: { min: -2147483648, max: 2147483647, article: 'an integer' },
  short: { min: -32768, max: 32767, article: 'a short' },
  byte: { min: -128, max: 127, article: 'a byte' },
};

const UNSIGNED_LONG_MAX = 2n ** 64n - 1n;
/** A whole number's text, with the fraction that coercion drops: read exactly, not through a double. */
const WHOLE_TEXT = /^\+?(\d+)(?:\.\d*)?$/;

/** An unsigned_long exactly, up to 2^64-1, as a bigint (docs/esql-semantics.md §5); fractions truncate as for the other whole types. */
function coerceUnsignedLong(v: unknown): Coerced {
  const out = () => fail(`Value [${String(v)}] is out of range for an unsigned_long`);
  const text = typeof v === 'string' ? WHOLE_TEXT.exec(v) : null;
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (text) n = BigInt(text[1]);
  else {
    const x = toNumber(v);
    if (typeof x !== 'number') return x;
    if (!Number.isFinite(x) || x < 0) return out();
    n = BigInt(Math.trunc(x));
  }
  return n < 0n || n > UNSIGNED_LONG_MAX ? out() : ok(n);
}

function toNumber(v: unknown): number | null | CoercionFailure {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    // Elasticsearch treats an empty string in a numeric field as a missing value.
    if (v.length === 0) return null;
    const n = v.trim() === v ? Number(v) : Number.NaN;
    return Number.isNaN(n) ? new CoercionFailure(`For input string: "${v}"`) : n;
  }
  return new CoercionFailure(`Current token (${tokenName(v)}) not numeric, can not use numeric value accessors`);
}

function coerceWhole(v: unknown, type: string): Coerced {
  const n = toNumber(v);
  if (typeof n !== 'number') return n;
  const r = RANGES[type];
  if (!Number.isFinite(n) || n < r.min || n > r.max) return fail(`Value [${String(v)}] is out of range for ${r.article}`);
  // coerce: true truncates fractions, as Elasticsearch does for integral types
  return ok(Math.trunc(n) || 0);
}

function coerceFloat(v: unknown): Coerced {
  const n = toNumber(v);
  if (typeof n !== 'number') return n;
  if (!Number.isFinite(n)) return fail(`[double] supports only finite values, but got [${String(v)}]`);
  // -0 is stored as 0: Parquet's dictionary encoding would turn it into 0 or not depending on the
  // values written before it in the same part, so it is one value here, always
  return ok(n === 0 ? 0 : n);
}

/** A float, half_float or scaled_float at the precision Elasticsearch stores it (float-precision.ts). */
function coerceNarrowFloat(v: unknown, round: (n: number) => Rounded): Coerced {
  const n = toNumber(v);
  if (typeof n !== 'number') return n;
  const r = round(n);
  return typeof r === 'number' ? ok(r === 0 ? 0 : r) : fail(r.error);
}

function coerceBoolean(v: unknown): Coerced {
  if (typeof v === 'boolean') return ok(v);
  if (v === 'true') return ok(true);
  if (v === 'false') return ok(false);
  if (v === '') return NULL;
  if (typeof v === 'string') return fail(`Failed to parse value [${v}] as only [true] or [false] are allowed.`);
  return fail(`Current token (${tokenName(v)}) not of boolean type`);
}

function coerceString(v: unknown): Coerced {
  if (typeof v === 'string') return ok(v);
  if (typeof v === 'number' || typeof v === 'boolean') return ok(String(v));
  return fail(`Can't get text on a ${tokenName(v)}`);
}

function coerceIp(v: unknown): Coerced {
  if (typeof v !== 'string' && typeof v !== 'number') return fail(`Can't get text on a ${tokenName(v)}`);
  const text = String(v);
  const hex = parseIp(text);
  return hex ? ok(hex) : fail(notAnIpMessage(text));
}

function coerceDate(v: unknown): Coerced {
  if (typeof v !== 'string' && typeof v !== 'number') return fail(`Can't get text on a ${tokenName(v)}`);
  const ms = parseDate(v);
  return ms === undefined ? fail(`failed to parse date field [${String(v)}] with format [strict_date_optional_time||epoch_millis]`) : ok(ms);
}

/**
 * Coerces `v` (never null, never an array) into `mappingType`; `normalizer: lowercase` lower-cases
 * keywords; a scaled_float rounds to its `scalingFactor` (none: an index mapped before factors
 * were kept, read at double precision).
 */
export function coerceValue(v: unknown, mappingType: string, normalizer?: string, scalingFactor?: number): Coerced {
  // an integer past 2^53 (big-integers.ts) is exact only for unsigned_long; elsewhere it is the double JSON.parse gives
  if (typeof v === 'bigint' && mappingType !== 'unsigned_long') v = Number(v);
  switch (mappingType) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'version': {
      const c = coerceString(v);
      return typeof c === 'string' && normalizer === 'lowercase' ? c.toLowerCase() : c;
    }
    case 'text':
    case 'match_only_text':
      return coerceString(v);
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
      return coerceWhole(v, mappingType);
    case 'unsigned_long':
      return coerceUnsignedLong(v);
    case 'double':
      return coerceFloat(v);
    case 'float':
      return coerceNarrowFloat(v, toFloat32);
    case 'half_float':
      return coerceNarrowFloat(v, toHalfFloat);
    case 'scaled_float':
      return scalingFactor === undefined ? coerceFloat(v) : coerceNarrowFloat(v, (n) => toScaledFloat(n, scalingFactor));
    case 'boolean':
      return coerceBoolean(v);
    case 'ip':
      return coerceIp(v);
    case 'date':
      return coerceDate(v);
    default:
      return NULL;
  }
}

/** How Elasticsearch orders a field's values in a multi-valued document (doc values vs _source; docs/esql-semantics.md §4). */
export type MultiValueOrder = 'sorted-unique' | 'sorted' | 'document';

export function multiValueOrder(mappingType: string): MultiValueOrder {
  switch (mappingType) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'version':
    case 'ip':
      return 'sorted-unique';
    case 'text':
    case 'match_only_text':
      return 'document';
    default:
      return 'sorted';
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareUtf8(a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

/** UTF-8 byte order (Lucene's BytesRef order, docs/esql-semantics.md §12): UTF-16 order except surrogates sort after U+E000–U+FFFF. */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000;
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000;
    return x - y;
  }
  return a.length - b.length;
}

export function orderValues<T>(values: T[], order: MultiValueOrder): T[] {
  if (order === 'document') return values;
  const sorted = [...values].sort(compareValues);
  if (order === 'sorted') return sorted;
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
