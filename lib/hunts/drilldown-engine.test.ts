/**
 * Drill-down, context and window rewrites of the seed query run end to end through the embedded
 * engine over a small store in a temp dir: the events returned are exactly the ones behind a row.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EsqlValue, QueryResponse } from '../model/esql';
import { createEmbeddedEngine, type EmbeddedEngine } from '../engine';
import { columnsBeforeLastStats, ECS_NETWORK_FIELDS, parsed, SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';
import { print } from '../esql';
import { openStore } from '../store';
import { buildContextQuery } from './context';
import { buildDrilldown } from './drilldown';
import { applyTimeWindow, windowParams } from './window';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const INDEX = 'logs-endpoint.events.network-default';

/** An Elasticsearch mapping (nested `properties`) for the ECS network fields. */
function mapping(): unknown {
  const root: Record<string, unknown> = {};
  for (const f of ECS_NETWORK_FIELDS) {
    const parts = f.name.split('.');
    let props = root;
    for (const part of parts.slice(0, -1)) {
      const node = (props[part] ??= { properties: {} }) as { properties: Record<string, unknown> };
      props = node.properties;
    }
    props[parts[parts.length - 1]] = { type: f.type };
  }
  return { properties: root };
}

let seq = 0;
function conn(name: string, agent: string, ip: string, hoursAgo: number, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    '@timestamp': new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString(),
    host: { name: `host-${agent}`, os: { type: 'linux' } },
    event: { category: 'network', type: 'start', action: 'connection_attempted' },
    process: { name, pid: 100 + seq, entity_id: `e${seq}`, executable: `/usr/bin/${name}` },
    destination: { ip, port: 443 },
    source: { ip: '10.1.1.1', port: 40000 + seq },
    network: { transport: 'tcp' },
    agent: { id: agent },
    user: { id: '0', name: 'root' },
    ...extra,
  };
}

const DOCS = [
  conn('curl', 'a1', '8.8.8.8', 1), // e1 behind the curl row
  conn('curl', 'a1', '1.1.1.1', 30), // e2 behind the curl row
  conn('curl', 'a1', '10.0.0.5', 2), // e3 internal: excluded by CIDR_MATCH
  conn('curl', 'a1', '8.8.8.8', 24 * 9), // e4 outside the 7-day window
  conn('curl', 'a1', '8.8.8.8', 3, { event: { category: 'network', type: 'end', action: 'disconnect_received' } }), // e5 not a start
  conn('nc', 'a2', '203.0.114.1', 5, { user: { id: '1000', name: 'alice' } }), // e6
  conn('wget', 'a1', '8.8.4.4', 4, { host: { os: { type: 'linux' } } }), // e7: no host.name
  conn('wget', 'a2', '8.8.4.4', 4), // e8: two agents, not a result row
];

let engine: EmbeddedEngine;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-drilldown-'));
  const report = await openStore(dataDir).ingestDocuments(INDEX, DOCS, { mapping: mapping() });
  expect(report.rejected).toBe(0);
  engine = createEmbeddedEngine({ dataDir, now: () => NOW });
});
afterAll(() => engine.close());

async function run(query: string, params?: Record<string, EsqlValue>[]): Promise<QueryResponse> {
  const r = await engine.query({ query, params, now: NOW });
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}\n${query}`);
  return r.response;
}

const column = (response: QueryResponse, name: string) => response.values.map((row) => row[response.columns.findIndex((c) => c.name === name)]);
const rowObject = (response: QueryResponse, i: number) => Object.fromEntries(response.columns.map((c, k) => [c.name, response.values[i][k]]));

describe('seed drill-down through the embedded engine', () => {
  it('returns exactly the events behind each result row, newest first', async () => {
    const result = await run(SEED_ALL_USERS);
    expect(result.values).toEqual([
      [1, 1, 'nc'],
      [2, 1, 'curl'],
    ]);
    const columns = columnsBeforeLastStats(SEED_ALL_USERS);
    const expected: Record<string, string[]> = { nc: ['e6'], curl: ['e1', 'e2'] };
    for (let i = 0; i < result.values.length; i++) {
      const row = rowObject(result, i);
      const drill = buildDrilldown(parsed(SEED_ALL_USERS), row, { columns });
      if (!drill.ok) throw new Error(drill.reason);
      const events = await run(print(drill.query), drill.params);
      expect(column(events, 'process.entity_id')).toEqual(expected[row['process.name'] as string]);
      expect(events.values).toHaveLength(row.connection_count as number);
      expect(column(events, 'process.name').every((n) => n === row['process.name'])).toBe(true);
    }
  });

  it('the root-only drill-down keeps the hunt’s user filter', async () => {
    const result = await run(SEED_ROOT_ONLY);
    expect(result.values).toEqual([[2, 1, 'curl']]);
    const drill = buildDrilldown(parsed(SEED_ROOT_ONLY), { 'process.name': 'nc' });
    if (!drill.ok) throw new Error(drill.reason);
    expect((await run(print(drill.query), drill.params)).values).toEqual([]);
  });

  it('drills into ip and null keys with params', async () => {
    const text = 'from logs-endpoint.events.network-* | stats c = count(*) by h = host.name, agent.id';
    const drill = buildDrilldown(parsed(text), { c: 1, h: null, 'agent.id': 'a1' });
    if (!drill.ok) throw new Error(drill.reason);
    expect(print(drill.query)).toContain('WHERE host.name IS NULL AND agent.id == ?k1');
    expect(column(await run(print(drill.query), drill.params), 'process.entity_id')).toEqual(['e7']);
    const byIp = buildDrilldown(parsed('from logs-endpoint.events.network-* | stats c = count(*) by destination.ip, agent.id'), {
      'destination.ip': '8.8.8.8',
      'agent.id': 'a1',
    });
    if (!byIp.ok) throw new Error(byIp.reason);
    expect(column(await run(print(byIp.query), byIp.params), 'process.entity_id')).toEqual(['e1', 'e5', 'e4']);
  });
});

describe('context and window queries through the embedded engine', () => {
  it('adds host, agent, time and destination context to the seed rows', async () => {
    const result = await run(SEED_ALL_USERS);
    const rows = result.values.map((_, i) => rowObject(result, i));
    const ctx = buildContextQuery(parsed(SEED_ALL_USERS), rows, columnsBeforeLastStats(SEED_ALL_USERS));
    if (!ctx.ok) throw new Error(ctx.reason);
    const response = await run(print(ctx.query), ctx.params);
    const byName = new Map(response.values.map((_, i) => [rowObject(response, i)['process.name'], rowObject(response, i)]));
    expect(byName.get('curl')).toMatchObject({
      host_names: 'host-a1',
      agent_ids: 'a1',
      first_seen: '2026-01-06T18:00:00.000Z',
      last_seen: '2026-01-07T23:00:00.000Z',
      destinations: 2,
      ports: 1,
      users: 'root',
    });
    expect(byName.get('nc')).toMatchObject({ agent_ids: 'a2', destinations: 1, users: 'alice' });
    expect(byName.size).toBe(2);
  });

  it('an absolute window selects the events between its bounds', async () => {
    const w = applyTimeWindow(parsed(SEED_ALL_USERS), { kind: 'absolute', from: '2026-01-07T20:00:00Z', to: '2026-01-08T00:00:00Z' });
    if (!w.ok) throw new Error(w.reason);
    // e1 (curl, 23:00) and the two wget events at 20:00 (two agents: not rare); nc at 19:00 is outside.
    expect((await run(print(w.query), windowParams(w.params))).values).toEqual([[1, 1, 'curl']]);
    const wide = applyTimeWindow(parsed(SEED_ALL_USERS), { kind: 'relative', quantity: 30, unit: 'day' });
    if (!wide.ok) throw new Error(wide.reason);
    // 30 days also reach e4 (nine days ago).
    expect((await run(print(wide.query))).values).toEqual([
      [1, 1, 'nc'],
      [3, 1, 'curl'],
    ]);
  });
});
