/**
 * Property tests of scanShape against JSON.parse plus a reference signature computed from the parsed
 * value: generated documents must scan ok exactly when they are within the scanner's rules, with the
 * reference signature; mutated texts must never scan ok unless JSON.parse agrees on their shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../../fuzz/runs';
import { scanShape } from './shape-scan';

const RUNS = Math.max(5_000, fuzzRuns());
const ORDER = ['s', 'i', 'f', 'b', 'z'] as const;

/** Out of the scanner's rules: the document must be refused. */
class OutOfRules extends Error {}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Kind of a number from its JSON.stringify token (the token the generated text holds). */
function numberKind(v: number): 'i' | 'f' {
  const token = JSON.stringify(v);
  const exponent = /e[+-]?(\d+)$/i.exec(token);
  if (exponent && exponent[1].length >= 3) throw new OutOfRules();
  if (/[.eE]/.test(token)) return 'f';
  if (token.replace('-', '').length > 15) throw new OutOfRules();
  return 'i';
}

function scalarKind(v: unknown, exactNumbers: boolean): string {
  if (v === null) return 'z';
  if (typeof v === 'boolean') return 'b';
  if (typeof v === 'string') {
    if (hasSurrogate(v)) throw new OutOfRules();
    return 's';
  }
  if (typeof v === 'number') return exactNumbers ? numberKind(v) : 'n';
  throw new OutOfRules(); // objects and arrays inside arrays
}

/**
 * The reference signature of a parsed object. With `exactNumbers` false, numbers are kind `n`
 * (a parsed `1.0` cannot tell its token apart from `1`), to compare with normalizeNumbers(shape).
 */
function referenceShape(value: Record<string, unknown>, exactNumbers: boolean, depth = 1): string {
  if (depth > 32) throw new OutOfRules();
  const entries = Object.entries(value).map(([key, v]) => {
    if (/["\\\u0000-\u001f]/.test(key) || hasSurrogate(key)) throw new OutOfRules();
    let sig: string;
    if (Array.isArray(v)) {
      const kinds = new Set(v.map((e) => scalarKind(e, exactNumbers)));
      const order = exactNumbers ? ORDER : (['s', 'n', 'b', 'z'] as const);
      sig = '[' + order.filter((k) => kinds.has(k)).join('') + ']';
    } else if (typeof v === 'object' && v !== null) {
      sig = referenceShape(v as Record<string, unknown>, exactNumbers, depth + 1);
    } else {
      sig = scalarKind(v, exactNumbers);
    }
    return `"${key}":${sig}`;
  });
  return '{' + entries.join(',') + '}';
}

function referenceOrRefused(value: Record<string, unknown>): string | undefined {
  try {
    return referenceShape(value, true);
  } catch (e) {
    if (e instanceof OutOfRules) return undefined;
    throw e;
  }
}

/** A scanner shape with `i`/`f` merged into `n` (keys untouched), arrays deduplicated in s,n,b,z order. */
function normalizeNumbers(shape: string): string {
  let out = '';
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i];
    if (c === '"') {
      const close = shape.indexOf('"', i + 1);
      out += shape.slice(i, close + 1);
      i = close;
    } else if (c === '[') {
      const close = shape.indexOf(']', i);
      const kinds = new Set(shape.slice(i + 1, close).replace(/[if]/g, 'n'));
      out += '[' + ['s', 'n', 'b', 'z'].filter((k) => kinds.has(k)).join('') + ']';
      i = close;
    } else {
      out += c === 'i' || c === 'f' ? 'n' : c;
    }
  }
  return out;
}

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'process.name', '@timestamp', 'é', '日本', '', 'x y', 'a', 'k:{}') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 0, 1e15, 999999999999999, -999999999999999, 1e21, 1e-7, 1e300, 5e-324, 2 ** 53 + 2, 0.1),
);
const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const { object } = fc.letrec<{ object: Record<string, unknown>; value: unknown }>((tie) => ({
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(scalar, fc.constant({}), fc.constant([])), { maxLength: 3 }) },
    { weight: 2, arbitrary: tie('object') },
  ),
}));
const indent = fc.constantFrom<number | string | undefined>(undefined, undefined, 2, '\t', ' \r\n'.slice(0, 1));

describe('scanShape: generated documents', () => {
  it(
    'scans ok exactly within the rules, with the reference signature',
    () => {
      const seen = { ok: 0, refused: 0 };
      fc.assert(
        fc.property(object, indent, (doc, space) => {
          const text = JSON.stringify(doc, null, space);
          const expected = referenceOrRefused(doc);
          const scan = scanShape(text);
          seen[scan.ok ? 'ok' : 'refused']++;
          // Again, now right after a line of the same shape.
          expect(scanShape(text)).toEqual(scan);
          if (expected === undefined) expect(scan).toEqual({ ok: false });
          else expect(scan).toEqual({ ok: true, shape: expected, open: 0, empty: Object.keys(doc).length === 0 });
        }),
        { numRuns: RUNS, seed: fuzzSeed(20261129) },
      );
      // Both outcomes must be well exercised, or the property says little.
      expect(seen.ok).toBeGreaterThan(RUNS / 4);
      expect(seen.refused).toBeGreaterThan(RUNS / 20);
    },
    fuzzTimeout(2),
  );
});

type Edit = { op: 'delete' | 'insert' | 'replace'; at: number; char: string };

const editChar = fc.oneof(
  fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', '0', '1', '.', 'e', '-', '+', ' ', '\n', 'u', 'n', 't', 'f', '\u00a0', '\ufeff'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
);
const edit: fc.Arbitrary<Edit> = fc.record({ op: fc.constantFrom('delete', 'insert', 'replace'), at: fc.nat(), char: editChar });

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const { op, at, char } of edits) {
    const i = at % (out.length + 1);
    if (op === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else if (op === 'insert') out = out.slice(0, i) + char + out.slice(i);
    else out = out.slice(0, i) + char + out.slice(i + 1);
  }
  return out;
}

/**
 * Whether the parsed object's key order can differ from the text's: a repeated key (JSON.parse
 * keeps the last, the scanner keeps both) or an array-index key (JS objects list those first).
 */
function keyOrderMayDiffer(shape: string): boolean {
  const stack: Set<string>[] = [];
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i];
    if (c === '{') stack.push(new Set());
    else if (c === '}') stack.pop();
    else if (c === '"') {
      const close = shape.indexOf('"', i + 1);
      const k = shape.slice(i + 1, close);
      const keys = stack[stack.length - 1];
      if (keys.has(k) || /^(0|[1-9][0-9]*)$/.test(k)) return true;
      keys.add(k);
      i = close;
    }
  }
  return false;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Mutations start from documents the scanner takes, so that some survive their edits. */
const inRules = object.filter((doc) => referenceOrRefused(doc) !== undefined);

describe('scanShape: mutated documents', () => {
  it(
    'is ok only when JSON.parse accepts an object of the same shape',
    () => {
      const seen = { compared: 0, refused: 0 };
      fc.assert(
        fc.property(inRules, indent, fc.array(edit, { minLength: 1, maxLength: 2 }), (doc, space, edits) => {
          const text = applyEdits(JSON.stringify(doc, null, space), edits);
          const parsed = parseOrUndefined(text);
          const scan = scanShape(text);
          const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
          if (!isObject) {
            expect(scan).toEqual({ ok: false });
            seen.refused++;
            return;
          }
          if (!scan.ok || keyOrderMayDiffer(scan.shape)) return;
          expect(normalizeNumbers(scan.shape)).toBe(referenceShape(parsed as Record<string, unknown>, false));
          expect(scan.empty).toBe(Object.keys(parsed).length === 0);
          expect(text.charCodeAt(scan.open)).toBe(123);
          seen.compared++;
        }),
        { numRuns: RUNS, seed: fuzzSeed(11292026) },
      );
      expect(seen.compared).toBeGreaterThan(RUNS / 20);
      expect(seen.refused).toBeGreaterThan(RUNS / 20);
    },
    fuzzTimeout(2),
  );
});
