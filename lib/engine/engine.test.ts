/** The engine as a Backend, with stand-in parser, analyzer and store: error kinds, now(), warnings, describe. */
import { afterEach, describe, expect, it } from 'vitest';
import { type AnalyzedQuery, esqlError, type EsqlType } from '../esql';
import type { EventStore, SourceSnapshot } from '../store/types';
import { createEngineWith, type EngineDeps } from './engine';
import { fixtureSnapshot } from './testing/fixtures';
import { buildQuery, col, fn, from, keep, limit, row, stats, countStar } from './testing/query';
import type { EmbeddedEngine } from './types';

const FIELDS: Record<string, EsqlType> = { 'process.name': 'keyword' };

function fakeStore(snapshot: SourceSnapshot | { unknown: string }): EventStore {
  return {
    dataDir: '/nowhere',
    listIndices: async () => [{ name: 'logs-a', docCount: 2, minTimestamp: '2026-01-01T00:00:00.000Z', maxTimestamp: '2026-01-02T00:00:00.000Z', partCount: 1 }],
    resolve: async () => snapshot,
    ingestLines: async () => ({ index: '', stored: 0, rejected: 0, rejections: [] }),
    ingestBytes: async () => ({ index: '', stored: 0, rejected: 0, rejections: [] }),
    ingestDocuments: async () => ({ index: '', stored: 0, rejected: 0, rejections: [] }),
    deleteIndex: async () => undefined,
  };
}

/** Deps whose parser "parses" any text into the given analyzed query. */
function deps(analyzed: AnalyzedQuery, store: EventStore, analyzeErrors = false): EngineDeps {
  return {
    parse: (text) =>
      text.startsWith('!') ? { ok: false, errors: [esqlError('parsing', text, { start: 0, end: 1 }, "mismatched input '!'")] } : { ok: true, query: analyzed.query },
    analyze: (_q, text, resolve) => {
      const r = resolve(['logs-a']);
      if ('unknown' in r) return { ok: false, errors: [esqlError('verification', text, { start: 5, end: 11 }, `Unknown index [${r.unknown}]`)] };
      if (analyzeErrors) return { ok: false, errors: [esqlError('verification', text, { start: 0, end: 1 }, 'Unknown column [b]')] };
      return { ok: true, analyzed };
    },
    openStore: () => store,
  };
}

let engine: EmbeddedEngine | undefined;
afterEach(async () => engine?.close());

describe('embedded engine backend', () => {
  it('answers in the _query shape with the default-limit warning and the pinned now()', async () => {
    const analyzed = buildQuery([row(['n', fn('now')])]);
    engine = createEngineWith({ dataDir: '/x', now: () => new Date('2026-01-08T00:00:00Z') }, deps(analyzed, fakeStore({ unknown: 'x' })));
    const r = await engine.query({ query: analyzed.text });
    expect(r).toMatchObject({
      ok: true,
      response: { columns: [{ name: 'n', type: 'date' }], values: [['2026-01-08T00:00:00.000Z']], warnings: ['No limit defined, adding default limit of [1000]'], is_partial: false },
    });
    const pinned = await engine.query({ query: analyzed.text, now: new Date('2025-05-05T05:05:05.005Z') });
    expect(pinned.ok && pinned.response.values).toEqual([['2025-05-05T05:05:05.005Z']]);
    expect(pinned.ok && typeof pinned.response.took).toBe('number');
  });

  it('reads the snapshot the store resolves', async () => {
    const snapshot = await fixtureSnapshot('logs-a', FIELDS, [[{ 'process.name': 'a' }, { 'process.name': 'b' }]]);
    const analyzed = buildQuery([from('logs-a'), stats([['c', countStar()]], [col('process.name')]), keep('c'), limit(10)], FIELDS);
    engine = createEngineWith({ dataDir: '/x' }, deps(analyzed, fakeStore(snapshot)));
    const r = await engine.query({ query: analyzed.text });
    expect(r).toMatchObject({ ok: true, response: { values: [[1], [1]], warnings: [] } });
  });

  it('maps parse, verification, unknown index and unsupported errors to their kinds', async () => {
    const grokless = buildQuery([row(['a', fn('now')])]);
    engine = createEngineWith({ dataDir: '/x' }, deps(buildQuery([from('logs-a')], FIELDS), fakeStore({ unknown: 'logs-a' })));
    expect(await engine.query({ query: '!x' })).toEqual({ ok: false, error: { kind: 'parsing', message: "line 1:1: mismatched input '!'" } });
    expect(await engine.query({ query: 'from logs-a' })).toEqual({ ok: false, error: { kind: 'unknown_index', message: 'Found 1 problem\nline 1:6: Unknown index [logs-a]' } });
    await engine.close();
    engine = createEngineWith({ dataDir: '/x' }, deps(grokless, fakeStore({ unknown: 'x' }), true));
    expect(await engine.query({ query: 'b' })).toEqual({ ok: false, error: { kind: 'verification', message: 'Found 1 problem\nline 1:1: Unknown column [b]' } });
    await engine.close();
    const unsupported = buildQuery([row(['a', fn('json_extract', fn('now'))])]);
    engine = createEngineWith({ dataDir: '/x' }, deps(unsupported, fakeStore({ unknown: 'x' })));
    expect(await engine.query({ query: unsupported.text })).toEqual({
      ok: false,
      error: { kind: 'unsupported', message: 'Found 1 problem\nline 1:9: function [json_extract] is not supported by the embedded engine' },
    });
  });

  it('reports cancelled for an aborted request', async () => {
    const analyzed = buildQuery([row(['n', fn('now')])]);
    engine = createEngineWith({ dataDir: '/x' }, deps(analyzed, fakeStore({ unknown: 'x' })));
    const controller = new AbortController();
    controller.abort();
    expect(await engine.query({ query: analyzed.text, signal: controller.signal })).toEqual({ ok: false, error: { kind: 'cancelled', message: 'the query was cancelled' } });
  });

  it('describes the indices', async () => {
    engine = createEngineWith({ dataDir: '/data' }, deps(buildQuery([row(['n', fn('now')])]), fakeStore({ unknown: 'x' })));
    expect(await engine.describe()).toEqual({
      ok: true,
      info: { kind: 'embedded', dataDir: '/data', indices: [{ name: 'logs-a', docCount: 2, minTimestamp: '2026-01-01T00:00:00.000Z', maxTimestamp: '2026-01-02T00:00:00.000Z' }] },
    });
  });
});
