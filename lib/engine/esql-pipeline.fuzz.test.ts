/**
 * Fuzz (issue 5): random and mutated ES|QL through parser → printer → analyzer → compiler.
 * Never throws; every failure is positioned (`line N:M: …`, matching the error's offset);
 * parse(print(ast)) gives the same AST whenever the text parses. FUZZ_RUNS scales every property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, formatError, positionOf, type EsqlError, parse, print, withoutSpans } from '../esql';
import type { EsqlParams } from '../model/esql';
import type { SourceSnapshot } from '../store/types';
import { evalLines, MUTATION_TOKENS, NETWORK_FIELDS, nestedCalls, nestedParens, orChain, pipes, resolver, VALID_QUERIES } from '../esql/testing';
import { fuzzRuns, fuzzSeed, fuzzTimeout } from '../testing/fuzz-runs';
import { compileQuery } from './compile/query';
import { checkQueryShape } from './query-limits';

const NOW_MS = Date.parse('2026-01-08T00:00:00.000Z');
const PART = '/nonexistent/part-0.parquet';
// The compiler only writes SQL over the part list; it never opens the files.
const SNAPSHOT: SourceSnapshot = {
  indices: ['logs-endpoint.events.network-default'],
  fields: NETWORK_FIELDS,
  partFiles: [PART],
  partColumns: { [PART]: [...NETWORK_FIELDS.map((f) => f.name), 'event.type#mv'] },
  multiValued: ['event.type'],
  skipped: [],
};

const PARAMS: EsqlParams = [{ host: 'web-1' }, { _tstart: '2026-01-01T00:00:00Z' }, { _tend: '2026-01-08T00:00:00Z' }];

type Stage = 'parse' | 'analyze' | 'compile' | 'ok';

function expectPositioned(text: string, errors: readonly EsqlError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.span.start).toBeGreaterThanOrEqual(0);
    expect(e.span.start).toBeLessThanOrEqual(text.length);
    expect({ line: e.line, column: e.column }).toEqual(positionOf(text, e.span.start));
    expect(formatError(e)).toMatch(/^line \d+:\d+: \S/);
    // The analyzer turns its own exceptions into an error at 1:1; the fuzz must not find any.
    expect(e.message).not.toMatch(/^Internal error/);
  }
}

/** The whole front end on one text; the stage it stopped at. Any throw fails the property. */
function throughPipeline(text: string): Stage {
  const parsed = parse(text);
  if (!parsed.ok) {
    expect(parsed.errors.every((e) => e.kind === 'parsing')).toBe(true);
    expectPositioned(text, parsed.errors);
    return 'parse';
  }
  const printed = print(parsed.query);
  const reparsed = parse(printed);
  if (!reparsed.ok) throw new Error(`printed text does not parse: ${formatError(reparsed.errors[0])}\n${printed}`);
  expect(withoutSpans(reparsed.query)).toEqual(withoutSpans(parsed.query));

  const analyzed = analyze(parsed.query, text, resolver, PARAMS);
  if (!analyzed.ok) {
    expectPositioned(text, analyzed.errors);
    return 'analyze';
  }
  const compiled = compileQuery(analyzed.analyzed, SNAPSHOT, { nowMs: NOW_MS });
  if (!compiled.ok) {
    expectPositioned(text, compiled.errors);
    return 'compile';
  }
  expect(compiled.sql.length).toBeGreaterThan(0);
  return 'ok';
}

type Mutation = { op: 'insert' | 'delete' | 'replace' | 'duplicate' | 'cut' | 'swapCommands' | 'dropCommand'; at: number; piece: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  // Cutting the text almost always ends in a parse error: rarer, so more mutants reach the compiler.
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'swapCommands', 'swapCommands', 'dropCommand', 'dropCommand', 'cut'),
  at: fc.nat(),
  piece: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MUTATION_TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) }),
});

/** Command-level edits keep the syntax valid, so they mostly test the analyzer and compiler. */
function reorder(text: string, op: 'swapCommands' | 'dropCommand', at: number): string {
  const commands = text.split('|');
  if (commands.length < 3) return text;
  const a = 1 + (at % (commands.length - 1));
  const b = 1 + (Math.floor(at / 7) % (commands.length - 1));
  if (op === 'dropCommand') commands.splice(a, 1);
  else [commands[a], commands[b]] = [commands[b], commands[a]];
  return commands.join('|');
}

/** Word-level edits (most keep the query near-valid, so they reach the analyzer and compiler). */
function mutate(text: string, m: Mutation): string {
  const words = text.match(/"(?:[^"\\]|\\.)*"|[\w.@*]+|\s+|==|!=|<=|>=|::|./gsu) ?? [];
  if (m.op === 'cut') return text.slice(0, text.length === 0 ? 0 : m.at % text.length);
  if (m.op === 'swapCommands' || m.op === 'dropCommand') return reorder(text, m.op, m.at);
  if (words.length === 0) return m.piece;
  const at = m.at % words.length;
  if (m.op === 'insert') words.splice(at, 0, ' ', m.piece, ' ');
  else if (m.op === 'delete') words.splice(at, 1);
  else if (m.op === 'replace') words[at] = m.piece;
  else words.splice(at, 0, ...words.slice(at, at + 1 + (m.at % 5)));
  return words.join('');
}

const mutatedArb = fc
  .tuple(fc.constantFrom(...VALID_QUERIES), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([q, ms]) => ms.reduce(mutate, q));

const options = (seed: number) => ({ numRuns: fuzzRuns(), seed: fuzzSeed(seed) });
const TIMEOUT = fuzzTimeout(5);

describe('ES|QL front end under fuzz', () => {
  it('every corpus query goes through the whole pipeline', () => {
    const stuck = VALID_QUERIES.filter((q) => throughPipeline(q) !== 'ok');
    expect(stuck).toEqual([]);
  });

  // Elasticsearch answers `line 1:9: Number [1e309] is too large`; this fails until the parser does.
  it('an out-of-range decimal is a positioned parse error', () => {
    const r = parse('row a = 1e309');
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual(['line 1:9: Number [1e309] is too large']);
  });

  it('random text never throws and fails with positioned errors', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120, unit: 'binary' }), (t) => void throughPipeline(t)), options(501));
  }, TIMEOUT);

  it('random token soups never throw', () => {
    const soup = fc.array(fc.constantFrom(...MUTATION_TOKENS), { maxLength: 40 }).map((ts) => ts.join(' '));
    fc.assert(fc.property(fc.oneof(soup, soup.map((s) => `from logs-endpoint.events.network-* | ${s}`)), (t) => void throughPipeline(t)), options(502));
  }, TIMEOUT);

  it('mutated seed and corpus queries never throw; many still reach the compiler', () => {
    const stages: Record<Stage, number> = { parse: 0, analyze: 0, compile: 0, ok: 0 };
    fc.assert(fc.property(mutatedArb, (t) => void stages[throughPipeline(t)]++), options(503));
    // Mutations that never get past the parser would prove nothing about the analyzer and compiler.
    console.info(`ES|QL mutants by stage reached: ${JSON.stringify(stages)}`);
    expect(stages.ok + stages.compile + stages.analyze).toBeGreaterThan(fuzzRuns() / 10);
  }, TIMEOUT);

  // Issue 13: huge and deep shapes, around Elasticsearch's limits (400 levels, 500 commands) and far
  // past them. Deep trees are compared by their printed text: vitest's equality would recurse.
  it('huge OR chains, deep nesting and long pipelines answer or fail positioned, never throw', () => {
    const shapes: ((n: number) => string)[] = [
      orChain,
      (n) => orChain(n).replaceAll(' or ', ' and '),
      (n) => `row a = 1 | eval b = ${Array.from({ length: n }, () => 'a').join(' + ')}`,
      nestedParens,
      nestedCalls,
      (n) => `row a = true | eval b = ${'not '.repeat(n)}a`,
      (n) => `row a = 1 | eval b = ${'-'.repeat(n)}a`,
      (n) => `row a = 1 | eval b = a${'::long'.repeat(n)}`,
      (n) => `row a = 1 | eval b = ${'(a + '.repeat(n)}1${')'.repeat(n)}`,
      pipes,
      evalLines,
    ];
    const size = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 380, max: 520 }), fc.integer({ min: 1_000, max: 6_000 }));
    const deep = fc.tuple(fc.nat(shapes.length - 1), size, fc.option(mutationArb, { nil: undefined })).map(([i, n, m]) => (m ? mutate(shapes[i](n), m) : shapes[i](n)));
    fc.assert(
      fc.property(deep, (text) => {
        const parsed = parse(text);
        if (!parsed.ok) return expectPositioned(text, parsed.errors);
        const printed = print(parsed.query);
        const reparsed = parse(printed);
        expect(reparsed.ok && print(reparsed.query)).toBe(printed);
        // As the engine does: the size checks come before analysis, and the compiler relies on them.
        const tooLarge = checkQueryShape(parsed.query, text);
        if (tooLarge) return expectPositioned(text, [tooLarge]);
        const analyzed = analyze(parsed.query, text, resolver, PARAMS);
        if (!analyzed.ok) return expectPositioned(text, analyzed.errors);
        const compiled = compileQuery(analyzed.analyzed, SNAPSHOT, { nowMs: NOW_MS });
        if (!compiled.ok) expectPositioned(text, compiled.errors);
      }),
      { numRuns: Math.ceil(fuzzRuns() / 10), seed: fuzzSeed(504) },
    );
  }, fuzzTimeout(300));
});
