/**
 * Text → number as Elasticsearch's TO_INTEGER, TO_LONG and TO_DOUBLE read a keyword
 * (docs/esql-semantics.md §8.7): Java's Integer.parseInt / Long.parseLong first, then
 * Double.parseDouble rounded with Math.round and range-checked; a value that reads neither way is
 * refused with the first parser's NumberFormatException text. DuckDB's casts read more (spaces,
 * `0x1F`, `1_000`) and would answer where Elasticsearch answers null.
 */
import 'server-only';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Character.digit(c, 10) of one UTF-16 unit: Java's Integer.parseInt reads any Unicode decimal
 * digit (`٣` is 3), its value being its distance from the zero of its run of ten.
 */
function decimalDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const isDigit = (c: number) => /\p{Nd}/u.test(String.fromCharCode(c));
  if (!isDigit(code)) return -1;
  let zero = code;
  while (zero > 0 && isDigit(zero - 1)) zero--;
  return (code - zero) % 10;
}

/** Integer.parseInt / Long.parseLong (radix 10) without the range check: the value, or undefined. */
function parseWhole(text: string): bigint | undefined {
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  if (text.length === sign.length) return undefined;
  let value = 0n;
  for (let i = sign.length; i < text.length; i++) {
    const d = decimalDigit(text.charCodeAt(i));
    if (d < 0) return undefined;
    value = value * 10n + BigInt(d);
  }
  return sign === '-' ? -value : value;
}
/** Java's FloatingDecimal grammar after trim(): decimal or hexadecimal, with an optional f/F/d/D suffix. */
const DECIMAL = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

const forInput = (text: string) => `For input string: "${text}"`;

/** Java's String.trim(): every char up to U+0020 at either end. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Double.parseDouble: the value, or Java's NumberFormatException message. */
export function parseJavaDouble(text: string): Parsed<number> {
  const t = javaTrim(text);
  if (t === '') return { ok: false, message: 'empty String' };
  if (DECIMAL.test(t)) return { ok: true, value: Number(t.replace(/[fFdD]$/, '')) };
  const hex = HEX.exec(t);
  if (hex && (hex[2] !== '' || (hex[3] ?? '') !== '')) {
    const digits = `${hex[2]}${hex[3] ?? ''}`;
    const mantissa = digits.split('').reduce((acc, d) => acc * 16 + parseInt(d, 16), 0);
    const value = mantissa * 2 ** (Number(hex[4]) - 4 * (hex[3] ?? '').length);
    return { ok: true, value: hex[1] === '-' ? -value : value };
  }
  return { ok: false, message: forInput(t) };
}

/** Math.round(double): half up, exact (floor(x + 0.5) is wrong for 0.49999999999999994); saturating. */
export function javaRound(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return LONG_MAX;
  if (x <= -(2 ** 63)) return LONG_MIN;
  const floor = Math.floor(x);
  return BigInt(x - floor >= 0.5 ? floor + 1 : floor);
}

/** TO_LONG / TO_INTEGER of a keyword: the whole number, or null (the caller warns with refusal()). */
export function parseJavaWhole(text: string, type: 'integer' | 'long'): bigint | null {
  const [min, max] = type === 'integer' ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  const n = parseWhole(text);
  if (n !== undefined && n >= min && n <= max) return n;
  const d = parseJavaDouble(text);
  // safeDoubleToLong compares as doubles: 2^63 itself passes and rounds to Long.MAX_VALUE.
  if (!d.ok || d.value > 2 ** 63 || d.value < -(2 ** 63)) return null;
  const rounded = javaRound(d.value);
  return rounded >= min && rounded <= max ? rounded : null;
}

/** The warning of a keyword TO_INTEGER/TO_LONG/TO_DOUBLE refuses: the first parser's exception. */
export function numberRefusal(text: string, type: 'integer' | 'long' | 'double'): string {
  const message = type === 'double' ? (parseJavaDouble(text) as { message?: string }).message ?? forInput(text) : forInput(text);
  return `java.lang.NumberFormatException: ${message}`;
}

/**
 * Character.digit(c, radix): any Unicode decimal digit, a Latin letter (ASCII or fullwidth) as
 * 10..35; -1 when the value is not below the radix.
 */
function radixDigit(code: number, radix: number): number {
  let d = decimalDigit(code);
  if (d < 0) {
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) d = lower - 0x61 + 10;
    else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) d = ((code - 0xff21) % 0x20) + 10;
  }
  return d < radix ? d : -1;
}

/**
 * Long.parseLong(s, radix) / Integer.parseInt(s, radix): an optional sign, then digits of the
 * radix, no spaces, within the type's range; null where Java throws (also for a radix outside 2..36).
 */
export function parseJavaRadix(text: string, radix: number, type: 'integer' | 'long'): bigint | null {
  if (!Number.isInteger(radix) || radix < 2 || radix > 36) return null;
  const [min, max] = type === 'integer' ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  if (text.length === sign.length) return null;
  let value = 0n;
  for (let i = sign.length; i < text.length; i++) {
    const d = radixDigit(text.charCodeAt(i), radix);
    if (d < 0) return null;
    value = value * BigInt(radix) + BigInt(d);
    // stop early: a long text of digits would otherwise grow without bound
    if (value > max + 1n) return null;
  }
  const n = sign === '-' ? -value : value;
  return n >= min && n <= max ? n : null;
}
