/**
 * A double as Elasticsearch writes it (Java's Double.toString, shortest digits since JDK 19): a
 * whole number keeps its `.0` (`1.0`, not `1`), negative zero its sign (`-0.0`), and magnitudes
 * outside [10^-3, 10^7) take the `1.0E7` form. A typed client reading `huntboard query --format json`
 * then sees a double where Elasticsearch sends one (docs/esql-semantics.md §3).
 */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(value);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  // toExponential() gives the shortest digits that read back ("1.5e+21" → "1.5E21"); Java writes at
  // least two, the two closest to the value (Double.MIN_VALUE is 4.9E-324, not 5.0E-324).
  const shortest = value.toExponential();
  const [mantissa, exponent] = (shortest.split('e')[0].includes('.') ? shortest : value.toExponential(1)).split('e');
  return `${mantissa}E${Number(exponent)}`;
}
