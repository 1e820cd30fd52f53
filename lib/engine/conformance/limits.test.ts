/**
 * Row limits (Elasticsearch's, as lib/esql/lint/findings.ts cites them) over a generated 12 000-row index: the implicit
 * LIMIT 1000 and its warning when a query has no LIMIT anywhere, the silent 10 000-row cap with
 * any LIMIT, and `LIMIT n | SORT` keeping n rows before sorting them.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryResponse } from '../../model/esql';
import { createEmbeddedEngine } from '../index';
import type { EmbeddedEngine } from '../types';
import { openStore } from '../../store';
import { DEFAULT_LIMIT_WARNING } from './compare';
import { tempDataDir } from './datasets';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const ROWS = 12_000;
let engine: EmbeddedEngine;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir('huntboard-limits-');
  const docs = Array.from({ length: ROWS }, (_, n) => ({ n, k: `k${n % 7}` }));
  const report = await openStore(dataDir).ingestDocuments('big', docs, { mapping: { properties: { n: { type: 'long' }, k: { type: 'keyword' } } } });
  expect(report.stored).toBe(ROWS);
  engine = createEmbeddedEngine({ dataDir, now: () => NOW });
}, 120_000);
afterAll(async () => {
  await engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(query: string): Promise<QueryResponse> {
  const result = await engine.query({ query, now: NOW });
  if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
  return result.response;
}

const ns = (r: QueryResponse) => r.values.map((row) => row[0] as number);
const isSorted = (xs: number[], dir: 1 | -1) => xs.every((x, i) => i === 0 || (x - xs[i - 1]) * dir >= 0);

describe('implicit LIMIT 1000 (no LIMIT anywhere)', () => {
  it('returns 1000 rows with the warning', async () => {
    const r = await run('FROM big | KEEP n');
    expect(r.values).toHaveLength(1000);
    expect(r.warnings).toEqual([DEFAULT_LIMIT_WARNING]);
  });
  it('applies after a SORT: the first 1000 in order', async () => {
    const r = await run('FROM big | SORT n | KEEP n');
    expect(ns(r)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(r.warnings).toEqual([DEFAULT_LIMIT_WARNING]);
  });
  it('does not cap what STATS sees, and still warns', async () => {
    const r = await run('FROM big | STATS c = COUNT(*)');
    expect(r.values).toEqual([[ROWS]]);
    expect(r.warnings).toEqual([DEFAULT_LIMIT_WARNING]);
  });
});

describe('any LIMIT: a silent cap at 10 000', () => {
  it('LIMIT 20000 returns 10 000 rows without a warning', async () => {
    const r = await run('FROM big | LIMIT 20000 | KEEP n');
    expect(r.values).toHaveLength(10_000);
    expect(r.warnings).toEqual([]);
  });
  it('LIMIT 5000 returns 5000 rows without a warning', async () => {
    const r = await run('FROM big | KEEP n | LIMIT 5000');
    expect(r.values).toHaveLength(5000);
    expect(r.warnings).toEqual([]);
  });
  it('a LIMIT before STATS counts as a LIMIT: no warning', async () => {
    const r = await run('FROM big | LIMIT 10 | STATS c = COUNT(*)');
    expect(r.values).toEqual([[10]]);
    expect(r.warnings).toEqual([]);
  });
  it('fewer rows than the limit: all of them', async () => {
    const r = await run('FROM big | WHERE n >= 11000 | SORT n | KEEP n | LIMIT 20000');
    expect(ns(r)).toEqual(Array.from({ length: 1000 }, (_, i) => 11_000 + i));
    expect(r.warnings).toEqual([]);
  });
});

describe('LIMIT and SORT order', () => {
  it('SORT … | LIMIT n is a top-N', async () => {
    const r = await run('FROM big | SORT n DESC | LIMIT 3 | KEEP n');
    expect(ns(r)).toEqual([11_999, 11_998, 11_997]);
  });
  it('LIMIT n | SORT keeps n rows first, then sorts them (which rows is not specified)', async () => {
    const r = await run('FROM big | LIMIT 7 | SORT n DESC | KEEP n');
    const got = ns(r);
    expect(got).toHaveLength(7);
    expect(new Set(got).size).toBe(7);
    expect(isSorted(got, -1)).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});
