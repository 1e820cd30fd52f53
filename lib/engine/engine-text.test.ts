/**
 * Queries as text through the real parser and analyzer (store stood in by fixture parts): the two
 * seed queries verbatim (lib/esql/testing), ROW queries, params, and errors as Elasticsearch words them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, parse, type EsqlType } from '../esql';
import type { EventStore, SourceSnapshot } from '../store/types';
import { createEngineWith } from './engine';
import { fixtureSnapshot } from './testing/fixtures';
import type { EmbeddedEngine } from './types';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const INDEX = 'logs-endpoint.events.network-default';
const seed = (rootOnly: boolean) => (rootOnly ? SEED_ROOT_ONLY : SEED_ALL_USERS);

const FIELDS: Record<string, EsqlType> = {
  '@timestamp': 'date',
  'host.os.type': 'keyword',
  'event.category': 'keyword',
  'event.type': 'keyword',
  'event.action': 'keyword',
  'process.name': 'keyword',
  'destination.ip': 'ip',
  'agent.id': 'keyword',
  'user.id': 'keyword',
};

let snapshot: SourceSnapshot;
let engine: EmbeddedEngine;

function store(): EventStore {
  return {
    dataDir: '/fixture',
    listIndices: async () => [],
    resolve: async (patterns) => (patterns.every((p) => p.startsWith('logs-endpoint')) ? snapshot : { unknown: patterns.find((p) => !p.startsWith('logs-endpoint'))! }),
    ingestLines: async () => ({ index: '', stored: 0, rejected: 0, rejections: [] }),
    ingestBytes: async () => ({ index: '', stored: 0, rejected: 0, rejections: [] }),
    ingestDocuments: async () => ({ index: '', stored: 0, rejected: 0, rejections: [] }),
    deleteIndex: async () => undefined,
  };
}

beforeAll(async () => {
  const conn = (name: string, agent: string, ip: string, user = '1000', hours = 1, type: string | string[] = 'start') => ({
    '@timestamp': NOW.getTime() - hours * 3_600_000,
    'host.os.type': 'linux',
    'event.category': 'network',
    'event.type': type,
    'event.action': 'connection_attempted',
    'process.name': name,
    'destination.ip': ip,
    'agent.id': agent,
    'user.id': user,
  });
  snapshot = await fixtureSnapshot(INDEX, FIELDS, [
    [
      conn('curl', 'a1', '8.8.8.8', '0'),
      conn('curl', 'a1', '1.1.1.1', '0'),
      conn('nc', 'a2', '203.0.114.1', '0'),
      conn('wget', 'a1', '8.8.4.4'),
      conn('wget', 'a2', '8.8.4.4'),
      conn('ssh', 'a3', '10.0.0.1'),
      conn('dig', 'a3', 'fe80::1'),
      conn('telnet', 'a3', '192.0.2.7'),
      conn('stale', 'a4', '8.8.8.8', '0', 24 * 8),
      conn('dns', 'a5', '8.8.8.8', '0', 1, ['protocol', 'info']),
      conn('rare', 'a6', '2001:db8::5'),
    ],
  ]);
  engine = createEngineWith({ dataDir: '/fixture', now: () => NOW }, { parse, analyze, openStore: store });
});
afterAll(() => engine.close());

describe('the seed queries, verbatim', () => {
  it('all users', async () => {
    const r = await engine.query({ query: seed(false) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.response.columns).toEqual([
      { name: 'connection_count', type: 'long' },
      { name: 'unique_agent_count', type: 'long' },
      { name: 'process.name', type: 'keyword' },
    ]);
    expect(r.response.values).toEqual([
      [1, 1, 'nc'],
      [1, 1, 'rare'],
      [2, 1, 'curl'],
    ]);
    expect(r.response.is_partial).toBe(false);
    expect(r.response.warnings).toEqual([
      'Line 3:69: evaluation of [event.type == "start"] failed, treating result as null. Only first 20 failures recorded.',
      'Line 3:69: java.lang.IllegalArgumentException: single-value function encountered multi-value',
    ]);
  });

  it('root only', async () => {
    const r = await engine.query({ query: seed(true) });
    expect(r.ok && r.response.values).toEqual([
      [1, 1, 'nc'],
      [2, 1, 'curl'],
    ]);
  });
});

describe('text queries', () => {
  it('ROW with the default-limit warning', async () => {
    const r = await engine.query({ query: 'ROW a = 1, b = "x" | EVAL c = a + 1' });
    expect(r).toMatchObject({
      ok: true,
      response: {
        columns: [
          { name: 'a', type: 'integer' },
          { name: 'b', type: 'keyword' },
          { name: 'c', type: 'integer' },
        ],
        values: [[1, 'x', 2]],
        warnings: ['No limit defined, adding default limit of [1000]'],
      },
    });
  });

  it('a parameter is a value, never SQL text', async () => {
    const evil = "'; DROP TABLE t; --";
    const r = await engine.query({ query: 'ROW a = ?v | EVAL same = a == ?v | LIMIT 1', params: [{ v: evil }] });
    expect(r.ok && r.response.values).toEqual([[evil, true]]);
  });

  it('drill-down: events of one process, newest first', async () => {
    const r = await engine.query({
      query: 'FROM logs-endpoint.events.network-* | WHERE process.name == ?p | SORT @timestamp DESC | KEEP @timestamp, destination.ip | LIMIT 10',
      params: [{ p: 'curl' }],
    });
    expect(r.ok && r.response.values).toEqual([
      ['2026-01-07T23:00:00.000Z', '8.8.8.8'],
      ['2026-01-07T23:00:00.000Z', '1.1.1.1'],
    ]);
  });

  it('errors keep their kind and position', async () => {
    expect(await engine.query({ query: 'ROW a = 1 | KEEP b' })).toMatchObject({ ok: false, error: { kind: 'verification', message: expect.stringContaining('line 1:18: Unknown column [b]') } });
    expect(await engine.query({ query: 'FROM nope | LIMIT 1' })).toMatchObject({ ok: false, error: { kind: 'unknown_index' } });
    expect(await engine.query({ query: 'ROW a = "x" | ENRICH hosts ON a' })).toMatchObject({ ok: false, error: { kind: 'unsupported', message: expect.stringContaining('line 1:15:') } });
    expect(await engine.query({ query: 'ROW a = "x" | GROK a "%{WORD:w}"' })).toMatchObject({ ok: true, response: { values: [['x', 'x']] } });
  });
});
