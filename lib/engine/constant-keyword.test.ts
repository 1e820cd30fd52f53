/**
 * constant_keyword fields whose mapping holds the value (Fleet's `data_stream.*`): every document
 * of the index reads the value, whether or not it carries the field (docs/esql-semantics.md §5).
 * Issue 17 found such fields null: a filter on them matched nothing, COUNT_DISTINCT gave 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { createEmbeddedEngine } from './index';
import { tempDir } from './testing/fixtures';
import type { EmbeddedEngine } from './types';

const mapping = (dataset: string | undefined) => ({
  properties: {
    n: { type: 'long' },
    data_stream: {
      properties: {
        dataset: dataset === undefined ? { type: 'constant_keyword' } : { type: 'constant_keyword', value: dataset },
        type: { type: 'constant_keyword', value: 'logs' },
      },
    },
  },
});

let engine: EmbeddedEngine;

beforeAll(async () => {
  const dataDir = tempDir();
  const store = openStore(dataDir);
  await store.ingestDocuments('logs-net', [{ n: 1 }, { n: 2, data_stream: { dataset: 'endpoint.events.network' } }], { mapping: mapping('endpoint.events.network') });
  await store.ingestDocuments('logs-proc', [{ n: 3 }], { mapping: mapping('endpoint.events.process') });
  await store.ingestDocuments('logs-none', [{ n: 4 }], { mapping: mapping(undefined) });
  engine = createEmbeddedEngine({ dataDir, now: () => new Date('2026-01-08T00:00:00.000Z') });
});
afterAll(() => engine.close());

const values = async (query: string) => {
  const r = await engine.query({ query });
  if (!r.ok) throw new Error(r.error.message);
  return r.response.values;
};

describe('constant_keyword', () => {
  it('reads the mapping value in documents without the field, per index', async () => {
    expect(await values('FROM logs-* | KEEP n, data_stream.dataset, data_stream.type | SORT n')).toEqual([
      [1, 'endpoint.events.network', 'logs'],
      [2, 'endpoint.events.network', 'logs'],
      [3, 'endpoint.events.process', 'logs'],
      // No value in its mapping and none in the document: null, as in Elasticsearch.
      [4, null, 'logs'],
    ]);
  });

  it('filters, counts and groups by the value', async () => {
    expect(await values('FROM logs-net | WHERE data_stream.dataset == "endpoint.events.network" | STATS c = COUNT(*), d = COUNT_DISTINCT(data_stream.dataset)')).toEqual([[2, 1]]);
    expect(await values('FROM logs-* | STATS c = COUNT(*) BY data_stream.type')).toEqual([[4, 'logs']]);
    expect(await values('FROM logs-* | STATS c = COUNT(*) BY data_stream.dataset | SORT data_stream.dataset')).toEqual([
      [2, 'endpoint.events.network'],
      [1, 'endpoint.events.process'],
      [1, null],
    ]);
  });
});
