/**
 * The embedded engine on huge queries (issue 13): OR chains as long as Elasticsearch takes run,
 * longer ones are refused as it refuses them; what DuckDB or the compiler cannot take is refused
 * with a clear, positioned message — never DuckDB's raw text.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyze, parse } from '../esql';
import type { EventStore } from '../store/types';
import { evalLines } from '../esql/testing';
import { compileQuery } from './compile/query';
import { createEngineWith } from './engine';
import { engineFailure, shortReason } from './engine-errors';

const engine = createEngineWith(
  { dataDir: '/srv/huntboard/data', now: () => new Date('2026-01-08T00:00:00Z') },
  // ROW queries never open the store.
  { parse, analyze, openStore: () => ({}) as EventStore },
);
afterAll(() => engine.close());

describe('the embedded engine on huge queries', () => {
  it('runs an OR chain as long as Elasticsearch takes (compiled as one flat SQL chain), and refuses a longer one as it does', async () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `a == ${i}`).join(' or ');
    const result = await engine.query({ query: `row a = 349 | where ${chain(350)}` });
    expect(result).toMatchObject({ ok: true, response: { values: [[349]] } });
    const refused = await engine.query({ query: `row a = 9999 | where ${chain(10_000)}` });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'parsing', message: expect.stringContaining('ESQL statement exceeded the maximum expression depth allowed (400)') } });
  }, 30_000);

  it('refuses a 5,000-line EVAL before analysing it, at the first field past the limit', async () => {
    const analyze = vi.fn();
    const guarded = createEngineWith({ dataDir: '/srv/huntboard/data' }, { parse, analyze, openStore: () => ({}) as EventStore });
    const result = await guarded.query({ query: evalLines(5_000) });
    expect(analyze).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: 'Found 1 problem\nline 502:3: the query is too large for the embedded engine (5000 EVAL fields; at most 500)' },
    });
    await guarded.close();
  });

  it('refuses 251 expressions that can raise warnings, naming the limit', async () => {
    const text = `row a = [1, 2] | eval ${Array.from({ length: 251 }, (_, i) => `b${i} = a + ${i}`).join(', ')}`;
    const result = await engine.query({ query: text });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: 'Found 1 problem\nline 1:1: the query is too large for the embedded engine (251 expressions that can raise warnings; at most 250)' },
    });
  });

  it('runs a chain of 100 EVAL fields each reading the one before', async () => {
    const text = `row x0 = "" | eval ${Array.from({ length: 100 }, (_, i) => `x${i + 1} = concat(x${i}, "b")`).join(', ')} | keep x100`;
    expect(await engine.query({ query: text })).toMatchObject({ ok: true, response: { values: [['b'.repeat(100)]] } });
  }, 30_000);

  it('refuses arithmetic nested deeper than DuckDB takes, at the expression', async () => {
    const text = `row a = 1 | eval b = ${Array.from({ length: 150 }, () => 'a').join(' + ')}`;
    const result = await engine.query({ query: text });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: 'Found 1 problem\nline 1:22: the query is too large for the embedded engine (expressions nested more than 100 deep)' },
    });
  });

  it('runs 60 chained additions', async () => {
    const text = `row a = 1 | eval b = ${Array.from({ length: 60 }, () => 'a').join(' + ')} | keep b`;
    expect(await engine.query({ query: text })).toMatchObject({ ok: true, response: { values: [[60]] } });
  }, 30_000);
});

describe('compiled size', () => {
  const chainSql = (n: number): string => {
    const text = `row x0 = "" | eval ${Array.from({ length: n }, (_, i) => `x${i + 1} = concat(x${i}, "b")`).join(', ')}`;
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(parsed.errors[0].message);
    const analyzed = analyze(parsed.query, text, () => ({ indices: [], fields: [] }));
    if (!analyzed.ok) throw new Error(analyzed.errors[0].message);
    const compiled = compileQuery(analyzed.analyzed, undefined, { nowMs: 0 });
    if (!compiled.ok) throw new Error(compiled.errors[0].message);
    return compiled.sql;
  };

  it('grows linearly with a chain of EVAL fields: each reads the one before from a CTE, not inlined', () => {
    // Inlined, twice the fields was four times the SQL (5,000 fields: seconds of string building).
    expect(chainSql(400).length).toBeLessThan(2.2 * chainSql(200).length);
    expect(chainSql(3)).toContain("s2 AS (SELECT *, (c1 || 'b') AS c2 FROM s1)");
  });
});

describe('DuckDB failures as the user sees them', () => {
  const context = { dataDir: '/srv/huntboard/data', expressions: 42 };

  it('a depth or memory limit is "too large", positioned at 1:1', () => {
    for (const raw of [
      'Binder Error: Max expression depth limit of 1000 exceeded. Use "SET max_expression_depth TO x" to increase the maximum expression depth.',
      'Parser Error: memory exhausted at or near "("\n\nLINE 2: ...((((((c0 = 0',
      'Out of Memory Error: failed to allocate data of size 4.0 GiB',
    ]) {
      expect(engineFailure(raw, context)).toEqual({ kind: 'unsupported', message: 'line 1:1: the query is too large for the embedded engine (42 expressions)' });
    }
  });

  it('anything else loses the class prefix, the SQL excerpt and server paths', () => {
    const raw = `Conversion Error: Could not convert string 'x' to INT32\n\nLINE 1: SELECT 'x'::INTEGER\n                  ^`;
    expect(engineFailure(raw, context)).toEqual({ kind: 'internal', message: "the embedded engine failed: Could not convert string 'x' to INT32" });
    const io = 'IO Error: No files found that match the pattern "/srv/huntboard/data/indices/logs/part-1.parquet"\n\nLINE 1: SELECT * FROM read_parquet(';
    expect(shortReason(io, '/srv/huntboard/data')).toBe('No files found that match the pattern "<data dir>/indices/logs/part-1.parquet"');
    expect(shortReason('Invalid Input Error: Binder Error: nested', '')).toBe('nested');
    expect(shortReason('x'.repeat(1_000), '')).toHaveLength(300);
    expect(shortReason('', '')).toBe('unknown error');
  });
});
