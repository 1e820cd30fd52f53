/**
 * Test-only: hostile request bodies for the API fuzz — random JSON, prototype-pollution keys,
 * oversized strings, wrong types, and mutations of a route's valid body — as raw text, so keys
 * like `__proto__` reach the server exactly as an attacker would send them.
 */
import fc from 'fast-check';

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted'] as const;

/** A JSON value with pollution objects mixed in; built as text because JS objects cannot hold `__proto__` as data. */
const pollutionText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS), fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":1}}', '"x"', '1', 'null')), { minLength: 1, maxLength: 3 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

const oversized = fc.constantFrom(10_001, 100_000, 2_000_001).map((n) => 'x'.repeat(n));

/** Any JSON-ish value a field may be replaced by: wrong types, huge strings and numbers, nesting. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: pollutionText },
  { weight: 1, arbitrary: oversized.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.constantFrom('1e999', '-0', '9007199254740993', '-1', '0.5', 'true', '[]', '{}', '""', '"\\u0000"', '"\\ud800"', '"<script>"') },
);

type Mutation = { op: 'replace' | 'drop' | 'add'; field: number; key: string; value: string };

/** A route's valid body with one or two fields replaced, dropped, or joined by an unknown/pollution key. */
export function mutatedBody(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    op: fc.constantFrom('replace', 'replace', 'drop', 'add'),
    field: fc.nat(),
    key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 8 })),
    value: hostileValue,
  });
  return fc.array(mutation, { minLength: 1, maxLength: 2 }).map((ms) => {
    const entries = Object.entries(valid).map(([k, v]): [string, string] => [k, JSON.stringify(v)]);
    for (const m of ms) {
      const i = entries.length ? m.field % entries.length : 0;
      if (m.op === 'replace' && entries.length) entries[i] = [entries[i][0], m.value];
      else if (m.op === 'drop' && entries.length) entries.splice(i, 1);
      else entries.push([m.key, m.value]);
    }
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  });
}

/** Everything a route might be sent: the above, random JSON, broken JSON, random text. */
export function hostileBody(valid: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: mutatedBody(valid) },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: pollutionText },
    { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '{', '{"a":', 'null', '[', '\u0000', '{"__proto__":', JSON.stringify(valid).slice(0, -1)) },
  );
}
