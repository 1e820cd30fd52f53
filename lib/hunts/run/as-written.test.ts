import { describe, expect, it } from 'vitest';
import type { Backend, QueryRequest } from '../../backends/types';
import type { QueryResult } from '../../model/esql';
import { loadHuntText } from '../loader';
import { esqlQueryNumbers, runHuntQuery } from './as-written';
import { huntToml } from '../testing/fixtures';

function fakeBackend(result: QueryResult): Backend & { requests: QueryRequest[] } {
  const requests: QueryRequest[] = [];
  return {
    kind: 'embedded',
    requests,
    async query(request) {
      requests.push(request);
      return result;
    },
    async describe() {
      return { ok: false, error: { kind: 'internal', message: 'not used' } };
    },
    async close() {},
  };
}

const OK: QueryResult = {
  ok: true,
  response: { columns: [{ name: 'n', type: 'long' }], values: [[1]], warnings: [], took: 1, is_partial: false },
};

const loaded = loadHuntText(
  huntToml({
    language: ['ES|QL', 'SQL'],
    queries: ['from logs-* | where x > ?min\n', 'SELECT 1;\n', 'from logs-* | where\n'],
  }),
  { source: { kind: 'builtin', file: 't/mixed.toml' }, id: 'mixed' },
);
if (!loaded.ok) throw new Error(loaded.problem.message);
const hunt = loaded.hunt;

describe('runHuntQuery', () => {
  it('sends an ES|QL query with now, params and signal to the backend', async () => {
    const backend = fakeBackend(OK);
    const now = new Date('2026-01-08T00:00:00Z');
    const signal = new AbortController().signal;
    const result = await runHuntQuery(backend, hunt, 1, { now, params: [{ min: 3 }], signal });
    expect(result).toBe(OK);
    expect(backend.requests).toEqual([{ query: 'from logs-* | where x > ?min\n', now, params: [{ min: 3 }], signal }]);
  });

  it('refuses a non-ES|QL query without calling the backend', async () => {
    const backend = fakeBackend(OK);
    const result = await runHuntQuery(backend, hunt, 2);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: 'Query 2 of hunt [mixed] is OSQuery SQL; only ES|QL queries can be run.' },
    });
    expect(backend.requests).toEqual([]);
  });

  it('returns the parse errors of a broken query without calling the backend', async () => {
    const backend = fakeBackend(OK);
    const result = await runHuntQuery(backend, hunt, 3);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('parsing');
      expect(result.error.message).toMatch(/^line \d+:\d+: mismatched input/);
    }
    expect(backend.requests).toEqual([]);
  });

  it('says so for a query number the hunt does not have', async () => {
    const result = await runHuntQuery(fakeBackend(OK), hunt, 9);
    expect(result).toEqual({ ok: false, error: { kind: 'bad_request', message: 'hunt [mixed] has no query 9 (it has 3 queries)' } });
  });

  it('passes backend errors through as data', async () => {
    const failure: QueryResult = { ok: false, error: { kind: 'verification', message: 'line 1:19: Unknown column [x]' } };
    expect(await runHuntQuery(fakeBackend(failure), hunt, 1)).toBe(failure);
  });

  it('lists the ES|QL query numbers', () => {
    expect(esqlQueryNumbers(hunt)).toEqual([1, 3]);
  });
});
