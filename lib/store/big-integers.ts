/**
 * JSON with integers past 2^53 kept exact: JSON.parse would round `18446744073709551614` to a
 * double, and an unsigned_long field stores it to the unit (docs/esql-semantics.md §5). Such a
 * number becomes a bigint; every other value is what JSON.parse gives. Only integer tokens of 16
 * digits or more are looked at, and only outside strings.
 */
import 'server-only';

/** A JSON string, or an integer token of 16+ digits that is not part of a fraction or exponent. */
const TOKEN = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![.eE\d])/g;
const MARK = '\u0000bigint:';

/** Whether `text` may hold an integer JSON.parse would round (a cheap test before the slower parse). */
export function mayHoldBigInteger(text: string): boolean {
  return /\d{16}/.test(text);
}

/**
 * `text` (valid JSON: the caller parsed it once already) with its unsafe integers as bigints. A text
 * holding an escaped NUL is parsed as JSON.parse does, since the marker could then be forged.
 */
export function parseWithBigIntegers(text: string): unknown {
  if (text.includes('\\u0000')) return JSON.parse(text) as unknown;
  const marked = text.replace(TOKEN, (token) => (token.startsWith('"') ? token : `"\\u0000bigint:${token}"`));
  return JSON.parse(marked, (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith(MARK)) return value;
    const n = BigInt(value.slice(MARK.length));
    return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  }) as unknown;
}
