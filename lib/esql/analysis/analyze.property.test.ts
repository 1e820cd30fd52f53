/**
 * Property: on any parsed query (random, or a mutation of the seed hunt) and on malformed trees,
 * analyze returns data — never throws, never an internal error — and its spans lie in the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { NETWORK_FIELDS, resolver } from '../testing/network-index';
import type { Query } from '../ast';
import { FUNCTIONS } from '../functions/catalogue';
import { parse } from '../parser/parse';

const COLUMNS = [...NETWORK_FIELDS.map((f) => f.name), 'proces.name', 'c', 'x', '`a b`'];
const FUNCTION_NAMES = [...FUNCTIONS.flatMap((f) => [f.name, ...f.aliases]), 'nope'];

const literal = fc.oneof(
  fc.integer({ min: -5, max: 3_000_000_000 }).map(String),
  fc.constantFrom('1.5', 'null', 'true', '"10.0.0.0/8"', '"2024-01-01"', '7 day', '1 hour', '[1, 2]', '?p', '?1', '?'),
);

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...COLUMNS),
    literal,
    fc.tuple(fc.constantFrom(...FUNCTION_NAMES), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '==', '<', 'and', 'or', 'in', 'like', '::ip', '::long', 'is null'), tie('expr')).map(
      ([l, op, r]) => (op === 'in' ? `${l} in (${r})` : op.startsWith('::') || op === 'is null' ? `${l}${op === 'is null' ? ' is null' : op}` : `${l} ${op} ${r}`),
    ),
    tie('expr').map((e) => `not ${e}`),
  ),
}));

const command = fc.oneof(
  expr.map((e) => `where ${e}`),
  fc.tuple(fc.constantFrom('x', 'c', '@timestamp'), expr).map(([n, e]) => `eval ${n} = ${e}`),
  fc.tuple(expr, fc.constantFrom(...COLUMNS)).map(([e, g]) => `stats c = ${e}, count(*) by ${g}`),
  fc.constantFrom(
    'keep process.*, c',
    'drop x*',
    'rename process.name as pn',
    'sort c desc',
    'limit 10',
    'mv_expand process.name',
    'dissect message "%{a} %{b}"',
    'grok message "%{WORD:w} %{NUMBER:n:int}"',
    'keep *',
  ),
);

const query = fc
  .tuple(fc.constantFrom('from logs-endpoint.events.network-*', 'row x = 1, c = "a"', 'from logs-mixed-* metadata _index'), fc.array(command, { maxLength: 5 }))
  .map(([head, rest]) => [head, ...rest].join(' | '));

const SEED =
  'from logs-endpoint.events.network-* | where @timestamp > now() - 7 day and not CIDR_MATCH(destination.ip, "10.0.0.0/8", "::1") ' +
  '| stats connection_count = count(*), unique_agent_count = count_distinct(agent.id) by process.name ' +
  '| where connection_count <= 5 and unique_agent_count == 1 | limit 100 | sort connection_count, unique_agent_count asc';

/** Deletes or duplicates a slice of the seed text. */
const mutated = fc.tuple(fc.nat(SEED.length), fc.nat(12), fc.boolean()).map(([at, len, dup]) =>
  dup ? SEED.slice(0, at + len) + SEED.slice(at, at + len) + SEED.slice(at + len) : SEED.slice(0, at) + SEED.slice(at + len),
);

function checkAnalysis(text: string): void {
  const parsed = parse(text);
  if (!parsed.ok) return;
  const params = [{ p: 'x' }];
  const result = analyze(parsed.query, text, resolver, text.includes('?p') ? params : [1, 2]);
  if (result.ok) {
    expect(result.analyzed.output.every((c) => typeof c.name === 'string' && typeof c.type === 'string')).toBe(true);
  } else {
    for (const e of result.errors) {
      expect(e.message).not.toMatch(/^Internal error/);
      expect(e.span.start).toBeGreaterThanOrEqual(0);
      expect(e.span.end).toBeLessThanOrEqual(text.length);
    }
  }
}

describe('analyze never fails internally', () => {
  it('on random parsed queries', () => {
    fc.assert(fc.property(query, checkAnalysis), { numRuns: 300, seed: 42 });
  });

  it('on mutations of the seed hunt', () => {
    fc.assert(fc.property(mutated, checkAnalysis), { numRuns: 300, seed: 7 });
  });

  it('on malformed trees', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const result = analyze(junk as Query, 'from x', resolver);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100, seed: 1 },
    );
  });
});
