/**
 * One-pass shape scanner for NDJSON lines: validates a line as strict JSON (RFC 8259, what
 * `JSON.parse` accepts) without parsing it, and returns its shape — keys in document order and
 * value kinds — as a signature string. The fast ingest path hands a line to DuckDB's `read_ndjson`
 * only when this says ok, so anything the scanner is not sure about (escaped keys, surrogates,
 * numbers DuckDB might round differently, nested arrays, deep nesting) is refused: the exact JS
 * path then keeps its semantics. Never throws; pure in effect (its one piece of state, the last
 * shape, only saves allocations and never changes a result).
 *
 * One file on purpose: split across modules, the char-code constants and scanners become property
 * reads on an imported module object and the scan ran 2.3× slower.
 *
 * Signature grammar: object `{"key":VALUE,...}`; scalar VALUE one ScalarKind letter; array VALUE
 * `[` + distinct element kinds in the order s,i,f,b,z + `]`.
 */

/** Kind of a scalar value: string, integer, other number, boolean, null. */
export type ScalarKind = 's' | 'i' | 'f' | 'b' | 'z';

export type ShapeScan =
  | { ok: true; shape: string; open: number; empty: boolean }
  | { ok: false };

const NOT_OK: ShapeScan = Object.freeze({ ok: false }) as ShapeScan;

/** Objects nest at most this deep; deeper documents go to the exact path. */
const MAX_OBJECT_DEPTH = 32;
/** Integers longer than this may not round-trip exactly through a double. */
const MAX_INTEGER_DIGITS = 15;
/** Exponents with this many digits risk overflow/underflow differences between parsers. */
const MAX_EXPONENT_DIGITS = 2;

const FAIL = -1;

// Char codes, named so the scanner reads as the grammar.
const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, MINUS = 45, PLUS = 43, DOT = 46;
const DIGIT_0 = 48, DIGIT_9 = 57, OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93, LOWER_E = 101, UPPER_E = 69, LOWER_T = 116, LOWER_F = 102, LOWER_N = 110;

/**
 * Kind codes packed into the scanners' results (code k has letter KIND_LETTERS[k]); an array
 * collects its kinds as bits `1 << k`, so they cost no allocation until its signature is looked up.
 */
const KIND_LETTERS = 'sifbz';
const KIND_S = 0, KIND_I = 1, KIND_F = 2, KIND_B = 3, KIND_Z = 4;

/** mask → `[` + kinds in s,i,f,b,z order + `]`, precomputed for all 32 masks. */
const ARRAY_SIGNATURES: readonly string[] = Array.from(
  { length: 32 },
  (_, mask) => '[' + [...KIND_LETTERS].filter((_, k) => mask & (1 << k)).join('') + ']',
);

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

function isHexDigit(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** The escape letters JSON allows after a backslash (besides `u`). */
function isSimpleEscape(c: number): boolean {
  // " \ / b f n r t
  return c === QUOTE || c === BACKSLASH || c === 47 || c === 98 || c === LOWER_F || c === LOWER_N || c === 114 || c === LOWER_T;
}

/**
 * Scans a string's body from just after its opening quote; returns the index just after the
 * closing quote, or FAIL. Keys refuse any escape (the signature keeps them verbatim).
 */
function scanString(text: string, i: number, end: number, isKey: boolean): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    // Plain printable chars below the surrogate range, the common case, cost one branch.
    if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH && c < 0xd800) {
      i++;
      continue;
    }
    if (c === QUOTE) return i + 1;
    if (c !== BACKSLASH) {
      if (c < 0x20 || c <= 0xdfff) return FAIL; // a raw control char or surrogate
      i++; // above the surrogate range
      continue;
    }
    if (isKey || i + 1 >= end) return FAIL;
    const e = text.charCodeAt(i + 1);
    if (isSimpleEscape(e)) {
      i += 2;
      continue;
    }
    if (e !== 117 /* u */ || i + 5 >= end) return FAIL;
    for (let k = i + 2; k < i + 6; k++) if (!isHexDigit(text.charCodeAt(k))) return FAIL;
    // \uD800–\uDFFF: a `d` then 8, 9 or a letter (every hex letter sorts after `8`).
    if ((text.charCodeAt(i + 2) | 0x20) === 100 && text.charCodeAt(i + 3) >= 56) return FAIL;
    i += 6;
  }
  return FAIL;
}

/** Scans digits from i; returns the index after the last one. */
function skipDigits(text: string, i: number, end: number): number {
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Strict JSON number at i (`-` or a digit) plus the digit-count refusals; returns
 * `end * 8 + kind` (KIND_I or KIND_F), or FAIL.
 */
function scanNumber(text: string, i: number, end: number): number {
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  if (i >= end) return FAIL;
  const intStart = i;
  const first = text.charCodeAt(i);
  if (first === DIGIT_0) i++;
  else if (first > DIGIT_0 && first <= DIGIT_9) i = skipDigits(text, i + 1, end);
  else return FAIL;
  const intDigits = i - intStart;
  let kind = KIND_I;
  if (i < end && text.charCodeAt(i) === DOT) {
    const fracStart = i + 1;
    i = skipDigits(text, fracStart, end);
    if (i === fracStart) return FAIL;
    kind = KIND_F;
  }
  // DuckDB reads a negative zero as 0, JSON.parse as -0: those keep the exact path
  if (negative && isZero(text, intStart, i)) return FAIL;
  if (i < end) {
    const c = text.charCodeAt(i);
    if (c === LOWER_E || c === UPPER_E) {
      i++;
      if (i < end) {
        const sign = text.charCodeAt(i);
        if (sign === PLUS || sign === MINUS) i++;
      }
      const expStart = i;
      i = skipDigits(text, i, end);
      const expDigits = i - expStart;
      if (expDigits === 0 || expDigits > MAX_EXPONENT_DIGITS) return FAIL;
      kind = KIND_F;
    }
  }
  if (kind === KIND_I && intDigits > MAX_INTEGER_DIGITS) return FAIL;
  return i * 8 + kind;
}

/** Whether the digits (and dot) in [from, to) are all zeros. */
function isZero(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== DIGIT_0 && c !== DOT) return false;
  }
  return true;
}

/** One scalar at i; returns `end * 8 + kind`, or FAIL (objects and arrays are not scalars). */
function scanScalar(text: string, i: number, end: number): number {
  if (i >= end) return FAIL;
  const c = text.charCodeAt(i);
  if (c === QUOTE) {
    const after = scanString(text, i + 1, end, false);
    return after === FAIL ? FAIL : after * 8 + KIND_S;
  }
  if (c === MINUS || isDigit(c)) return scanNumber(text, i, end);
  if (c === LOWER_T) return text.startsWith('true', i) ? (i + 4) * 8 + KIND_B : FAIL;
  if (c === LOWER_F) return text.startsWith('false', i) ? (i + 5) * 8 + KIND_B : FAIL;
  if (c === LOWER_N) return text.startsWith('null', i) ? (i + 4) * 8 + KIND_Z : FAIL;
  return FAIL;
}

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * An array's body from just after `[`; arrays may hold scalars only. Returns `end * 32 + mask`
 * of the element kind bits, or FAIL.
 */
function scanArray(text: string, i: number, end: number): number {
  i = skipWhitespace(text, i, end);
  if (i < end && text.charCodeAt(i) === CLOSE_BRACKET) return (i + 1) * 32;
  let mask = 0;
  for (;;) {
    const packed = scanScalar(text, i, end);
    if (packed === FAIL) return FAIL;
    mask |= 1 << (packed & 7);
    i = skipWhitespace(text, (packed - (packed & 7)) / 8, end);
    if (i >= end) return FAIL;
    const c = text.charCodeAt(i++);
    if (c === CLOSE_BRACKET) return i * 32 + mask;
    if (c !== COMMA) return FAIL;
    i = skipWhitespace(text, i, end);
  }
}

/**
 * The signature as the scan emits it. While a line repeats the previous line's shape — the common
 * case in an NDJSON batch — it only checks each piece against that shape and returns the same
 * string, so a repeated shape costs no allocation (and a caller's map hashes it once); from the
 * first difference on it builds a new string. Either way the result is the concatenation of the
 * pieces emitted.
 */
class SignatureBuilder {
  /** Chars of `previous` the pieces so far equal, or -1 once building. */
  private matched = 0;
  private out = '';

  constructor(private readonly previous: string) {}

  token(piece: string): void {
    if (this.matched >= 0) {
      if (this.previous.startsWith(piece, this.matched)) {
        this.matched += piece.length;
        return;
      }
      this.startBuilding();
    }
    this.out += piece;
  }

  /** The key `text[start, end)` as `"key":`, preceded by `,` unless it is its object's first. */
  key(text: string, start: number, end: number, first: boolean): void {
    if (this.matched >= 0) {
      if (this.previousHasKey(text, start, end, first)) return;
      this.startBuilding();
    }
    this.out += (first ? '"' : ',"') + text.slice(start, end) + '":';
  }

  finish(): string {
    if (this.matched < 0) return this.out;
    return this.matched === this.previous.length ? this.previous : this.previous.slice(0, this.matched);
  }

  private previousHasKey(text: string, start: number, end: number, first: boolean): boolean {
    const prev = this.previous;
    let p = this.matched;
    if (!first && prev.charCodeAt(p++) !== COMMA) return false;
    if (prev.charCodeAt(p++) !== QUOTE) return false;
    const len = end - start;
    if (p + len + 2 > prev.length) return false;
    for (let k = 0; k < len; k++) if (prev.charCodeAt(p + k) !== text.charCodeAt(start + k)) return false;
    // Keys hold no quote, so a quote here means the previous key is exactly this one.
    if (prev.charCodeAt(p + len) !== QUOTE || prev.charCodeAt(p + len + 1) !== COLON) return false;
    this.matched = p + len + 2;
    return true;
  }

  private startBuilding(): void {
    this.out = this.previous.slice(0, this.matched);
    this.matched = -1;
  }
}

/** The last shape scanned: only a hint for SignatureBuilder, no result depends on it. */
let previousShape = '';

/**
 * The scan proper, one loop over the text with the object depth as its only stack (arrays hold
 * scalars only, so every open container but the innermost array is an object).
 */
function scan(text: string): ShapeScan {
  const end = text.length;
  let i = skipWhitespace(text, 0, end);
  const open = i;
  if (i >= end || text.charCodeAt(i) !== OPEN_BRACE) return NOT_OK;
  i++;
  const out = new SignatureBuilder(previousShape);
  out.token('{');
  let depth = 1;
  let topKeys = 0;
  let firstInObject = true;
  for (;;) {
    // Expecting a key, or `}` right after `{`.
    i = skipWhitespace(text, i, end);
    if (i >= end) return NOT_OK;
    let c = text.charCodeAt(i);
    if (c === CLOSE_BRACE && firstInObject) {
      i++;
      out.token('}');
      depth--;
    } else {
      if (c !== QUOTE) return NOT_OK;
      const keyStart = i + 1;
      i = scanString(text, keyStart, end, true);
      if (i === FAIL) return NOT_OK;
      out.key(text, keyStart, i - 1, firstInObject);
      if (depth === 1) topKeys++;
      i = skipWhitespace(text, i, end);
      if (i >= end || text.charCodeAt(i) !== COLON) return NOT_OK;
      i = skipWhitespace(text, i + 1, end);
      if (i >= end) return NOT_OK;
      c = text.charCodeAt(i);
      if (c === OPEN_BRACE) {
        if (++depth > MAX_OBJECT_DEPTH) return NOT_OK;
        out.token('{');
        i++;
        firstInObject = true;
        continue;
      }
      if (c === OPEN_BRACKET) {
        const packed = scanArray(text, i + 1, end);
        if (packed === FAIL) return NOT_OK;
        out.token(ARRAY_SIGNATURES[packed & 31]);
        i = (packed - (packed & 31)) / 32;
      } else {
        const packed = scanScalar(text, i, end);
        if (packed === FAIL) return NOT_OK;
        out.token(KIND_LETTERS[packed & 7]);
        i = (packed - (packed & 7)) / 8;
      }
    }
    // After a value: `,` goes on to the next key, `}` closes objects until depth 0.
    for (;;) {
      i = skipWhitespace(text, i, end);
      if (depth === 0) {
        if (i !== end) return NOT_OK;
        previousShape = out.finish();
        return { ok: true, shape: previousShape, open, empty: topKeys === 0 };
      }
      if (i >= end) return NOT_OK;
      c = text.charCodeAt(i++);
      if (c === COMMA) break;
      if (c !== CLOSE_BRACE) return NOT_OK;
      out.token('}');
      depth--;
    }
    firstInObject = false;
  }
}

/** The shape of one NDJSON line, or `{ ok: false }` when the line must take the exact JS path. */
export function scanShape(line: string): ShapeScan {
  try {
    return scan(line);
  } catch {
    // Only a string too large to build a signature for can get here; the exact path decides.
    return NOT_OK;
  }
}
