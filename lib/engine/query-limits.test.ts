/**
 * The embedded engine's size limits (issue 13): each oversized shape is refused with a positioned
 * message naming its limit, by a check that runs before the step it protects — the text before the
 * parser, the parsed shape before the analyzer. Real hunts pass with room to spare.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyze, formatError, parse, type Query } from '../esql';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';
import type { EventStore } from '../store/types';
import { createEngineWith } from './engine';
import { checkQueryShape, checkQueryText, ENGINE_MAX_EVAL_FIELDS, ENGINE_MAX_EXPRESSIONS, ENGINE_MAX_QUERY_CHARS } from './query-limits';

function parsed(text: string): Query {
  const result = parse(text);
  if (!result.ok) throw new Error(result.errors[0].message);
  return result.query;
}

const shapeError = (text: string) => {
  const error = checkQueryShape(parsed(text), text);
  return error && formatError(error);
};

describe('checkQueryText', () => {
  it('refuses a text longer than the limit at 1:1, naming both lengths', () => {
    const text = `row a = "${'x'.repeat(ENGINE_MAX_QUERY_CHARS)}"`;
    expect(formatError(checkQueryText(text)!)).toBe(
      `line 1:1: the query is too large for the embedded engine (${text.length} characters; at most ${ENGINE_MAX_QUERY_CHARS})`,
    );
  });

  it('takes a text of exactly the limit', () => {
    expect(checkQueryText('x'.repeat(ENGINE_MAX_QUERY_CHARS))).toBeUndefined();
  });
});

describe('checkQueryShape', () => {
  it('takes the seed hunts', () => {
    expect(shapeError(SEED_ALL_USERS)).toBeUndefined();
    expect(shapeError(SEED_ROOT_ONLY)).toBeUndefined();
  });

  it('counts EVAL fields over every EVAL and points at the first one past the limit', () => {
    const fields = (from: number, n: number) => Array.from({ length: n }, (_, i) => `e${from + i} = 1`).join(', ');
    const atLimit = `row a = 1 | eval ${fields(0, 300)} | eval ${fields(300, ENGINE_MAX_EVAL_FIELDS - 300)}`;
    expect(shapeError(atLimit)).toBeUndefined();
    const over = `row a = 1\n| eval ${fields(0, 300)}\n| eval ${fields(300, 300)}`;
    const column = over.split('\n')[2].indexOf(`e${ENGINE_MAX_EVAL_FIELDS} =`) + 1;
    expect(shapeError(over)).toBe(`line 3:${column}: the query is too large for the embedded engine (600 EVAL fields; at most ${ENGINE_MAX_EVAL_FIELDS})`);
  });

  it('refuses more expressions than the limit at 1:1', () => {
    // 60,000 literals in one IN list: shallow (Elasticsearch's depth limit lets it through), but
    // 60,000 + `a` + the IN + ROW's literal expressions.
    const text = `row a = 1 | where a in (${Array.from({ length: 60_000 }, () => '1').join(',')})`;
    expect(shapeError(text)).toBe(`line 1:1: the query is too large for the embedded engine (60003 expressions; at most ${ENGINE_MAX_EXPRESSIONS})`);
  });
});

describe('the engine checks before the step each limit protects', () => {
  const parseSpy = vi.fn(parse);
  const analyzeSpy = vi.fn(analyze);
  const engine = createEngineWith({ dataDir: '/srv/huntboard/data' }, { parse: parseSpy, analyze: analyzeSpy, openStore: () => ({}) as EventStore });
  afterAll(() => engine.close());

  it('refuses a too-long text without parsing it', async () => {
    parseSpy.mockClear();
    const result = await engine.query({ query: `row a = 1 | where ${'a == 1 or '.repeat(40_000)}true` });
    expect(parseSpy).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported', message: expect.stringContaining('characters; at most 150000)') } });
  });

  it('refuses nesting deeper than DuckDB takes without analysing it', async () => {
    analyzeSpy.mockClear();
    const result = await engine.query({ query: `row a = 1 | eval b = ${Array.from({ length: 150 }, () => 'a').join(' + ')}` });
    expect(analyzeSpy).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported', message: expect.stringContaining('(expressions nested more than 100 deep)') } });
  });

  it('refuses too many expressions without analysing them', async () => {
    analyzeSpy.mockClear();
    const result = await engine.query({ query: `row a = [${'1,'.repeat(60_000)}1]` });
    expect(parseSpy).toHaveBeenCalled();
    expect(analyzeSpy).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: `Found 1 problem\nline 1:1: the query is too large for the embedded engine (60002 expressions; at most ${ENGINE_MAX_EXPRESSIONS})` },
    });
  });
});
