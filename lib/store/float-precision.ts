/**
 * The precision Elasticsearch stores `float`, `half_float` and `scaled_float` values at, which is
 * what ES|QL reads back from doc values (docs/esql-semantics.md §5): a float is a 32-bit IEEE
 * float, a half_float a 16-bit one (rounded to nearest, ties to even, from the float: Lucene's
 * HalfFloatPoint), a scaled_float the long `Math.round(value * scaling_factor)` divided by the
 * factor (Elasticsearch 8.18 and later; older versions multiplied by its inverse). The store keeps
 * every one in a DOUBLE column, already rounded, so that every read sees the stored value.
 */
import 'server-only';

/** The rounded value, or the mapper's error text for a value the type cannot hold. */
export type Rounded = number | { error: string };

const TWO_POW_63 = 2 ** 63;

/** Java's `Math.round(double)`: ties towards +∞ (as JS's), saturating at the long range; never -0. */
function javaRound(x: number): number {
  if (x >= TWO_POW_63) return TWO_POW_63; // Long.MAX_VALUE, as a double
  if (x <= -TWO_POW_63) return -TWO_POW_63;
  return Math.round(x) || 0;
}

/** A 32-bit float value as a double; an overflow is infinite and refused. */
export function toFloat32(v: number): Rounded {
  const f = Math.fround(v);
  return Number.isFinite(f) ? f : { error: `[float] supports only finite values, but got [${javaFloatString(f)}]` };
}

/** Rounds `x`, a float32 value, to the nearest binary16 value, ties to even (Lucene's halfFloatToShortBits). */
function roundToHalf(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || !Number.isFinite(a)) return x;
  // 65520 is halfway between the largest half (65504) and 2^16: ties to even overflow
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  // 10 mantissa bits; below 2^-14 the quantum stays that of the subnormals, 2^-24
  const quantum = 2 ** (Math.max(e, -14) - 10);
  const scaled = a / quantum; // exact: a power of two
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const n = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  const r = n * quantum;
  return x < 0 ? -r : r;
}

/** A 16-bit float value as a double: the value is a float first, as Elasticsearch parses it. */
export function toHalfFloat(v: number): Rounded {
  const f = Math.fround(v);
  const h = roundToHalf(f);
  return Number.isFinite(h) ? h || 0 : { error: `[half_float] supports only finite values, but got [${javaFloatString(f)}]` };
}

/** A scaled_float value as Elasticsearch reads it back: the stored long over the factor. */
export function toScaledFloat(v: number, scalingFactor: number): Rounded {
  if (!Number.isFinite(v)) return { error: `[scaled_float] only supports finite values, but got [${String(v)}]` };
  return javaRound(v * scalingFactor) / scalingFactor || 0;
}

/**
 * Java's `Float.toString` (JDK 19+: the shortest decimal that reads back as the same float), for
 * the error texts: `70000.0`, `1.0E7`, `Infinity`.
 */
export function javaFloatString(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    digits = f.toExponential(p - 1);
    if (Math.fround(Number(digits)) === f) break;
  }
  const [mantissa, expText] = digits.split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const ds = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  const a = Math.abs(f);
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      const whole = ds.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = ds.slice(exp + 1) || '0';
      return `${sign}${whole}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${ds}`;
  }
  return `${sign}${ds[0]}.${ds.slice(1) || '0'}E${exp}`;
}

/** What a scaled_float's `scaling_factor` must be, as Elasticsearch checks it at mapping time. */
export function scalingFactorProblem(value: unknown): string | undefined {
  if (value === undefined) return 'Field [scaling_factor] is required';
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return `[scaling_factor] must be a positive number, got [${String(value)}]`;
  return undefined;
}
