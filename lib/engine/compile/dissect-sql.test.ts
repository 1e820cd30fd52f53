/**
 * The dissect SQL against a second, plain model of how Elasticsearch's DissectParser.parse walks its input, over random patterns and
 * inputs built from few characters so that repeated and overlapping delimiters are common: the fast
 * regex with its fallback and the walk alone must both give the parser's answer.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDissect, type DissectPlan } from '../dissect';
import { quoteString } from '../sql';
import { dissectMatch, walk } from './dissect-sql';

/** DissectParser.parse: the values of all keys (skipped ones included), or null. */
function reference(plan: DissectPlan, input: string): string[] | null {
  const { leading, steps } = plan;
  if (!(input.length > leading.length && input.startsWith(leading))) return null;
  const values: string[] = [];
  let j = 0;
  let i = leading.length;
  let start = i;
  while (i < input.length) {
    const d = steps[j].delimiter;
    if (d.length > 0 && input.startsWith(d, i)) {
      values.push(input.slice(start, i));
      i += d.length;
      let stop = false;
      while (i < input.length && input.startsWith(d, i)) {
        i += d.length;
        if (!steps[j].pad) {
          if (j + 1 >= steps.length) { stop = true; break; }
          j++;
          values.push('');
        }
      }
      if (stop || j + 1 >= steps.length) break;
      j++;
      start = i;
    } else i++;
  }
  if (values.length < steps.length && steps[j].delimiter === '') values.push(input.slice(start));
  return values.length === steps.length ? values : null;
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const DELIMITERS = [' ', ',', 'ab', ' -', 'aa'];
const CHARS = ['a', 'b', ' ', ',', '-', 'x'];

function cases(count: number): { pattern: string; inputs: string[] }[] {
  const rnd = random(17);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: count }, (_, c) => {
    const keys = 1 + Math.floor(rnd() * 4);
    let pattern = rnd() < 0.2 ? '[' : '';
    for (let k = 0; k < keys; k++) {
      const name = rnd() < 0.15 ? `?s${k}` : `k${k}`;
      pattern += `%{${name}${rnd() < 0.25 ? '->' : ''}}`;
      if (k < keys - 1 || rnd() < 0.3) pattern += pick(DELIMITERS);
    }
    const inputs = Array.from({ length: 12 }, () => (c % 5 === 0 ? '[' : '') + Array.from({ length: Math.floor(rnd() * 9) }, () => pick(CHARS)).join(''));
    return { pattern, inputs };
  });
}

describe('dissect SQL', () => {
  let con: Awaited<ReturnType<DuckDBInstance['connect']>>;
  let instance: DuckDBInstance;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    con = await instance.connect();
  });
  afterAll(() => instance.closeSync());

  it('gives DissectParser.parse answers, through the fast path and through the walk alone', async () => {
    const failures: string[] = [];
    for (const { pattern, inputs } of cases(150)) {
      const plan = parseDissect(pattern);
      if (!plan.ok) continue;
      const rows = inputs.map((s) => `(${quoteString(s)})`).join(', ');
      const kept = plan.steps.flatMap((s, j) => (s.group === undefined ? [] : [j]));
      const sql = `SELECT s, ${dissectMatch('s', plan)} AS fast, ${walk('s', plan)} AS slow FROM (VALUES ${rows}) t(s)`;
      const result = await con.runAndReadAll(sql);
      for (const row of result.getRowObjectsJson()) {
        const expected = reference(plan, String(row.s));
        const want = expected === null ? null : Object.fromEntries(kept.map((j) => [`k${plan.steps[j].group}`, expected[j]]));
        // The walk alone leaves the leading-delimiter check to dissectMatch.
        const input = String(row.s);
        const walked = input.length > plan.leading.length && input.startsWith(plan.leading);
        for (const [path, got] of walked ? [['fast', row.fast], ['walk', row.slow]] : [['fast', row.fast]]) {
          if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${path}: ${pattern} over ${JSON.stringify(input)}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 60_000);
});
