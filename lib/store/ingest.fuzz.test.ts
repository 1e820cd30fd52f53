/**
 * Fuzz (issue 5): random JSON and mutated Elastic Defend event lines through documentToRow and
 * through a real store ingest (temp dir, fewer runs: each one writes Parquet). Never throws;
 * every non-blank line is stored or rejected with its line number and a reason, and the two add
 * up. FUZZ_RUNS scales both.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { POLLUTION_KEYS, hostileValue } from '../testing/hostile-bodies';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../testing/fuzz-runs';
import { documentToRow, makeSchema } from './documents';
import { ecsMapping } from './ecs-mapping';
import { openStore } from './index';
import { addToMapping, flattenMapping, type FlatMapping } from './mapping';
import { endpointEvent } from './testing/events';
import { tempDataDir } from './testing/helpers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let seq = 1;
const rand = () => ((seq = (seq * 16807) % 2147483647) / 2147483647);
const EVENTS = Array.from({ length: 20 }, (_, i) => endpointEvent(i, rand));
const FIELD_PATHS = ['@timestamp', 'destination.ip', 'destination.port', 'process.pid', 'process.name', 'event.category', 'host.name', 'user.id', 'agent.id', 'source'];

type Edit = { path: number; value: string; dotted: boolean };

/** An event line with a few fields replaced by hostile values, as nested objects or dotted keys. */
const mutatedEventLine: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: EVENTS.length - 1 }), fc.array(fc.record({ path: fc.nat(), value: hostileValue, dotted: fc.boolean() }), { maxLength: 3 }))
  .map(([i, edits]: [number, Edit[]]) => {
    let text = JSON.stringify(EVENTS[i]);
    for (const e of edits) {
      const field = FIELD_PATHS[e.path % FIELD_PATHS.length];
      // Appended keys win in JSON.parse, so this replaces the field without rebuilding the object.
      const key = e.dotted ? JSON.stringify(field) : JSON.stringify(field.split('.')[0]);
      const value = e.dotted ? e.value : field.split('.').slice(1).reduceRight((inner, k) => `{${JSON.stringify(k)}:${inner}}`, e.value);
      text = `${text.slice(0, -1)},${key}:${value}}`;
    }
    return text;
  });

const pollutedLine = fc
  .tuple(fc.constantFrom(...POLLUTION_KEYS), hostileValue)
  .map(([k, v]) => `{"@timestamp":"2026-01-01T00:00:00Z",${JSON.stringify(k)}:${v},"process":{${JSON.stringify(k)}:${v},"name":"x"}}`);

const anyLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: mutatedEventLine },
  { weight: 2, arbitrary: hostileValue },
  { weight: 1, arbitrary: pollutedLine },
  { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '{', '[]', 'null', '{"a":1}{"b":2}') },
);

/**
 * Dynamic mappings get every line, including the key shapes this fuzz once broke ingest with:
 * `__proto__`/`constructor` (prototype pollution in addToMapping) and empty names (`""`, `a..b`).
 */
const dynamicLine = anyLine;

function expectPrototypeClean(): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('properties');
  expect(Object).not.toHaveProperty('properties');
}

function schemaOf(mapping: Record<string, unknown>, dynamic: boolean) {
  const m = structuredClone({ ...mapping, dynamic });
  return makeSchema(flattenMapping(m) as FlatMapping, m);
}

describe('documentToRow under fuzz', () => {
  const fixed = schemaOf(ecsMapping(), false);
  const dynamic = schemaOf({ properties: {} }, true);

  it.each([
    ['the ECS mapping', fixed, anyLine],
    ['a dynamic mapping that grows', dynamic, dynamicLine],
  ] as const)('never throws over %s: a row or a reason', (_name, schema, lines) => {
    fc.assert(
      fc.property(lines, (line) => {
        let doc: unknown;
        try {
          doc = JSON.parse(line) as unknown;
        } catch {
          return; // the line parser's job, covered by the store ingest below
        }
        const result = documentToRow(doc, schema);
        if (result.ok) expect(result.row).toBeInstanceOf(Map);
        else expect(result.reason).toMatch(/\S/);
      }),
      { numRuns: fuzzRuns(), seed: fuzzSeed(701) },
    );
    expectPrototypeClean();
  }, fuzzTimeout(5));

  // Through addToMapping directly: through documentToRow the polluted prototype sends its for-in
  // into an endless `a.properties.properties…` descent that takes minutes to overflow the stack.
  it('a __proto__ or constructor field name added to a mapping leaves the prototypes alone', () => {
    const mapping: Record<string, unknown> = { properties: {} };
    let leaked: string[] = [];
    try {
      addToMapping(mapping, '__proto__.polluted', { type: 'keyword' });
      addToMapping(mapping, 'a.constructor.b', { type: 'long' });
      leaked = ['properties', 'polluted'].filter((k) => k in Object.prototype || Object.hasOwn(Object, k));
    } finally {
      // Undo before asserting, so the failure report and every later test run in a clean world.
      for (const target of [Object.prototype, Object] as Record<string, unknown>[]) {
        delete target.properties;
        delete target.polluted;
      }
    }
    expect(leaked).toEqual([]);
    expect(JSON.parse(JSON.stringify(mapping))).toEqual({
      properties: {
        ['__proto__']: { properties: { polluted: { type: 'keyword' } } },
        a: { properties: { constructor: { properties: { b: { type: 'long' } } } } },
      },
    });
  });
});

describe('store ingest under fuzz', () => {
  it('an empty field name is a rejected line, not a failed ingest', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const report = await openStore(dataDir).ingestLines('empty-names', ['{"a":1}', '{"":false}', '{"b":{"":1}}', '{"c..d":1}', '{"e":2}']);
    expect(report).toMatchObject({ stored: 2, rejected: 3 });
    expect(report.rejections.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('every non-blank line is stored or rejected with its line number and a reason', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const store = openStore(dataDir, { partRows: 7 });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(dynamicLine, { minLength: 1, maxLength: 30 }), async (lines) => {
        const index = `fuzz-${round++ % 5}`;
        const before = (await store.listIndices()).find((i) => i.name === index)?.docCount ?? 0;
        const report = await store.ingestLines(index, lines);
        const nonBlank = lines.filter((l) => l.trim() !== '').length;
        expect(report.stored + report.rejected).toBe(nonBlank);
        expect(report.rejections).toHaveLength(Math.min(report.rejected, 100));
        for (const r of report.rejections) {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.line).toBeLessThanOrEqual(lines.length);
          expect(lines[r.line - 1].trim()).not.toBe('');
          expect(r.reason).toMatch(/\S/);
        }
        expect(new Set(report.rejections.map((r) => r.line)).size).toBe(report.rejections.length);
        const after = (await store.listIndices()).find((i) => i.name === index)?.docCount ?? 0;
        expect(after - before).toBe(report.stored);
        expectPrototypeClean();
      }),
      { numRuns: Math.max(20, Math.floor(fuzzRuns() / 200)), seed: fuzzSeed(702) },
    );
  }, fuzzTimeout(60, 60_000));
});
