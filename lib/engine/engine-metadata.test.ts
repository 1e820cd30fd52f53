/**
 * METADATA _id and _index over the store: a document's own `_id` (a top-level key of its NDJSON
 * line) is kept, one without gets a stable id from its part and row; `_id` is no field (absent
 * from `FROM x`), answers `WHERE _id == ?id`, and survives a new engine over the same store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { createEmbeddedEngine } from './index';
import { tempDir } from './testing/fixtures';
import type { EmbeddedEngine } from './types';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const MAPPING = { dynamic: false, properties: { '@timestamp': { type: 'date' }, n: { type: 'long' } } };

let dataDir: string;
let engine: EmbeddedEngine;

beforeAll(async () => {
  dataDir = tempDir();
  const store = openStore(dataDir);
  const lines = [
    '{"_id":"given-1","@timestamp":"2026-01-07T10:00:00Z","n":1}',
    '{"@timestamp":"2026-01-07T11:00:00Z","n":2}',
    '{"_id":42,"@timestamp":"2026-01-07T12:00:00Z","n":3}',
    '{"@timestamp":"2026-01-07T13:00:00Z","n":4}',
  ];
  await store.ingestLines('ids', lines, { mapping: MAPPING });
  // a second ingest: a second part, whose assigned ids must differ from the first's
  await store.ingestLines('ids', ['{"@timestamp":"2026-01-07T14:00:00Z","n":5}'], { mapping: MAPPING });
  engine = createEmbeddedEngine({ dataDir, now: () => NOW });
});
afterAll(() => engine.close());

async function rows(query: string, params?: Record<string, string>[]) {
  const r = await engine.query({ query, ...(params ? { params } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.response;
}

describe('METADATA _id', () => {
  it('is no field: FROM alone does not list it', async () => {
    const r = await rows('FROM ids | LIMIT 10');
    expect(r.columns.map((c) => c.name)).toEqual(['@timestamp', 'n']);
  });

  it('keeps a given _id and assigns unique ones to the others, typed keyword', async () => {
    const r = await rows('FROM ids METADATA _id, _index | SORT n | KEEP n, _id, _index');
    expect(r.columns).toEqual([
      { name: 'n', type: 'long' },
      { name: '_id', type: 'keyword' },
      { name: '_index', type: 'keyword' },
    ]);
    const ids = r.values.map((row) => row[1]);
    expect(ids[0]).toBe('given-1');
    expect(ids[2]).toBe('42');
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(typeof id === 'string' && id.length > 0).toBe(true);
    expect(r.values.every((row) => row[2] === 'ids')).toBe(true);
  });

  it('finds one document by _id, given or assigned, as a param', async () => {
    const all = await rows('FROM ids METADATA _id | SORT n | KEEP n, _id');
    for (const [n, id] of all.values) {
      const one = await rows('FROM ids METADATA _id | WHERE _id == ?id | LIMIT 1', [{ id: String(id) }]);
      expect(one.values.map((row) => row[one.columns.findIndex((c) => c.name === 'n')])).toEqual([n]);
    }
    expect((await rows('FROM ids METADATA _id | WHERE _id == ?id', [{ id: 'nope' }])).values).toEqual([]);
  });

  it('is the same from another engine over the same store (a restart)', async () => {
    const before = await rows('FROM ids METADATA _id | SORT n | KEEP _id');
    const again = createEmbeddedEngine({ dataDir, now: () => NOW });
    try {
      const r = await again.query({ query: 'FROM ids METADATA _id | SORT n | KEEP _id' });
      expect(r.ok && r.response.values).toEqual(before.values);
    } finally {
      again.close();
    }
  });

  it('other metadata keeps its positioned error', async () => {
    const r = await engine.query({ query: 'FROM ids METADATA _id, _score | LIMIT 1' });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('METADATA [_score] is not supported by the embedded engine') } });
  });
});

describe('an _id that Elasticsearch would refuse', () => {
  it('rejects the document with the reason, as the bulk API does', async () => {
    const store = openStore(tempDir());
    const report = await store.ingestLines('bad', ['{"_id":"","n":1}', `{"_id":"${'x'.repeat(513)}","n":2}`, '{"_id":{"a":1},"n":3}', '{"_id":"ok","n":4}'], { mapping: MAPPING });
    expect(report.stored).toBe(1);
    expect(report.rejections.map((r) => [r.line, r.reason.slice(0, 30)])).toEqual([
      [1, 'if _id is specified it must no'],
      [2, `id [${'x'.repeat(40)}…] is too lon`.slice(0, 30)],
      [3, 'Failed to parse [_id]: expecte'],
    ]);
  });
});

describe('a lookup by _id reads only the parts that can hold it', () => {
  it('finds given and assigned ids in a store of many parts, and nothing for an id of no part', async () => {
    const dir = tempDir();
    const store = openStore(dir);
    // three ingests, three parts; the second brings its own ids
    await store.ingestLines('many', ['{"n":1}', '{"n":2}'], { mapping: MAPPING });
    await store.ingestLines('many', ['{"_id":"own-3","n":3}', '{"n":4}'], { mapping: MAPPING });
    await store.ingestLines('many', ['{"n":5}', '{"n":6}'], { mapping: MAPPING });
    const many = createEmbeddedEngine({ dataDir: dir, now: () => NOW });
    try {
      const all = await many.query({ query: 'FROM many METADATA _id | SORT n | KEEP n, _id' });
      if (!all.ok) throw new Error(all.error.message);
      for (const [n, id] of all.response.values) {
        for (const query of ['FROM many METADATA _id | WHERE _id == ?id | KEEP n', 'FROM many METADATA _id | WHERE n > 0 AND ?id == _id | KEEP n']) {
          const one = await many.query({ query, params: [{ id: String(id) }] });
          expect(one.ok && one.response.values, `${query} for ${String(id)}`).toEqual([[n]]);
        }
      }
      const none = await many.query({ query: 'FROM many METADATA _id | WHERE _id == "nope.1" | KEEP n' });
      expect(none.ok && none.response.values).toEqual([]);
    } finally {
      many.close();
    }
  });
});
