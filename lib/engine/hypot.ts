/**
 * HYPOT as Elasticsearch answers it (Java's Math.hypot: special values first, then a result within
 * one ulp of the true value). This one is correctly rounded: x² + y² is summed exactly in integers,
 * its square root taken with 64 extra bits and rounded once to the nearest double (ties to even).
 * V8's Math.hypot can be one ulp off where Java is right (2.2691287886707827E19 for the
 * math.csv-spec hypotWithFrom row). Subnormal results may round twice.
 */
import 'server-only';

const view = new DataView(new ArrayBuffer(8));

/** |x| as an integer significand and a power of two: |x| = m · 2^e (x finite, non-zero). */
function decompose(x: number): { m: bigint; e: number } {
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const exponent = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  return exponent === 0 ? { m: fraction, e: -1074 } : { m: fraction | (1n << 52n), e: exponent - 1075 };
}

/** floor(√n) for n ≥ 0, by Newton's iteration from above. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** s · 2^exp2 rounded to the nearest double (ties to even); `inexact` says s was truncated. */
function roundToDouble(s: bigint, inexact: boolean, exp2: number): number {
  const shift = s.toString(2).length - 53;
  let q = s >> BigInt(shift);
  const rest = s - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rest > half || (rest === half && (inexact || (q & 1n) === 1n))) q += 1n;
  // Two steps, so that neither power of two overflows or underflows on its own.
  const e = exp2 + shift;
  const first = Math.trunc(e / 2);
  return Number(q) * 2 ** first * 2 ** (e - first);
}

export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    return Math.abs(x) === Infinity || Math.abs(y) === Infinity ? Infinity : Number.NaN;
  }
  if (x === 0 || y === 0) return Math.abs(x === 0 ? y : x);
  const a = decompose(x);
  const b = decompose(y);
  const e = Math.min(a.e, b.e);
  // x² + y² = n · 2^(2e), exactly.
  const n = (a.m * a.m << BigInt(2 * (a.e - e))) + (b.m * b.m << BigInt(2 * (b.e - e)));
  const extra = 64;
  const scaled = n << BigInt(2 * extra);
  const root = isqrt(scaled);
  return roundToDouble(root, root * root !== scaled, e - extra);
}
