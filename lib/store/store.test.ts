import { readFileSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './index';
import { mappingPath, type IndexManifest, manifestPath } from './layout';
import { parseIp } from '../model/ip';
import { partSchema, readParts, tempDataDir } from './testing/helpers';
import { endpointEvents } from './testing/events';
import type { SourceSnapshot } from './types';

const dirs: string[] = [];
function newStore(tuning = {}) {
  const dir = tempDataDir();
  dirs.push(dir);
  return openStore(dir, tuning);
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const NET_MAPPING = {
  properties: {
    '@timestamp': { type: 'date' },
    host: { properties: { name: { type: 'keyword' }, ip: { type: 'ip' } } },
    process: { properties: { name: { type: 'keyword', fields: { caseless: { type: 'keyword', normalizer: 'lowercase' } } }, pid: { type: 'long' } } },
    destination: { properties: { ip: { type: 'ip' } } },
  },
};

function snap(r: SourceSnapshot | { unknown: string }): SourceSnapshot {
  if ('unknown' in r) throw new Error(`unknown ${r.unknown}`);
  return r;
}

describe('ingest', () => {
  it('rejects a date beyond the representable range as one bad line, not a failed ingest', async () => {
    const store = newStore();
    const lines = [JSON.stringify({ '@timestamp': -9.2e18, process: { name: 'far' } }), JSON.stringify({ '@timestamp': '2026-01-08T00:00:00Z', process: { name: 'near' } })];
    const report = await store.ingestLines('net', lines, { mapping: NET_MAPPING });
    expect(report).toMatchObject({ stored: 1, rejected: 1, rejections: [{ line: 1 }] });
    expect(report.rejections[0].reason).toContain('@timestamp');
  });

  it('stores good lines, rejects bad ones with line numbers, skips blank lines', async () => {
    const store = newStore();
    const lines = [
      JSON.stringify({ '@timestamp': '2026-01-08T00:00:00Z', process: { name: 'Curl', pid: 7 }, destination: { ip: '10.0.0.1' } }),
      '',
      '{"@timestamp": "2026-01-08T01:00:00Z", "destination.ip": "1.2.3"}',
      '{not json',
      '[1,2]',
      '   ',
      JSON.stringify({ '@timestamp': 1767834000000, 'process.name': 'sshd', host: { ip: ['fe80::1', '10.1.1.1'] } }),
    ];
    const report = await store.ingestLines('net', lines, { mapping: NET_MAPPING });
    expect(report).toMatchObject({ index: 'net', stored: 2, rejected: 3 });
    expect(report.rejections[0]).toEqual({ line: 3, reason: "field [destination.ip]: '1.2.3' is not an IP string literal." });
    expect(report.rejections[1].line).toBe(4);
    expect(report.rejections[1].reason).toMatch(/^invalid JSON: /);
    expect(report.rejections[2]).toEqual({ line: 5, reason: 'Malformed content, must start with an object' });

    const s = snap(await store.resolve(['net']));
    expect(s.partFiles).toHaveLength(1);
    expect(s.multiValued).toEqual(['host.ip']);
    expect(s.partColumns[s.partFiles[0]]).toEqual(['@timestamp', 'destination.ip', 'host.ip#mv', 'process.name', 'process.name.caseless', 'process.pid']);
    expect(await partSchema(s.partFiles[0])).toEqual({
      '@timestamp': 'BIGINT',
      'destination.ip': 'VARCHAR',
      'host.ip#mv': 'VARCHAR[]',
      'process.name': 'VARCHAR',
      'process.name.caseless': 'VARCHAR',
      'process.pid': 'BIGINT',
    });
    const rows = await readParts(s.partFiles, '@timestamp');
    expect(rows).toEqual([
      { '@timestamp': '1767830400000', 'destination.ip': parseIp('10.0.0.1'), 'host.ip#mv': null, 'process.name': 'Curl', 'process.name.caseless': 'curl', 'process.pid': '7' },
      { '@timestamp': '1767834000000', 'destination.ip': null, 'host.ip#mv': [parseIp('10.1.1.1'), parseIp('fe80::1')], 'process.name': 'sshd', 'process.name.caseless': 'sshd', 'process.pid': null },
    ]);
    expect(s.fields).toEqual([
      { name: '@timestamp', type: 'date' },
      { name: 'destination.ip', type: 'ip' },
      { name: 'host.ip', type: 'ip' },
      { name: 'host.name', type: 'keyword' },
      { name: 'process.name', type: 'keyword' },
      { name: 'process.name.caseless', type: 'keyword' },
      { name: 'process.pid', type: 'long' },
    ]);
  });

  it('keeps the mapping of an existing index and appends parts', async () => {
    const store = newStore();
    await store.ingestDocuments('net', [{ process: { pid: 1 } }], { mapping: NET_MAPPING });
    const r = await store.ingestDocuments('net', [{ process: { pid: 'x' } }, { process: { pid: 2 } }], { mapping: { properties: { process: { properties: { pid: { type: 'keyword' } } } } } });
    expect(r).toMatchObject({ stored: 1, rejected: 1, rejections: [{ line: 1, reason: 'field [process.pid]: For input string: "x"' }] });
    const [summary] = await store.listIndices();
    expect(summary).toEqual({ name: 'net', docCount: 2, minTimestamp: null, maxTimestamp: null, partCount: 2 });
    const s = snap(await store.resolve(['net']));
    expect((await readParts(s.partFiles, 'process.pid')).map((x) => x['process.pid'])).toEqual(['1', '2']);
  });

  it('gives logs-* indices ECS types and keeps non-ECS fields out', async () => {
    const store = newStore();
    await store.ingestDocuments('logs-endpoint.events.network-default', [
      { '@timestamp': '2026-01-08T00:00:00.123456Z', destination: { ip: '::ffff:8.8.8.8', port: '53' }, custom: { thing: 'x' }, process: { name: 'dig' } },
    ]);
    const s = snap(await store.resolve(['logs-*']));
    const fields = new Map(s.fields.map((f) => [f.name, f.type]));
    expect(fields.get('destination.ip')).toBe('ip');
    expect(fields.get('destination.port')).toBe('long');
    expect(fields.get('process.name.text')).toBe('text');
    expect(fields.has('custom.thing')).toBe(false);
    // as with Elasticsearch's ecs@mappings dynamic templates, only fields seen so far are mapped
    expect([...fields.keys()]).toEqual(['@timestamp', 'destination.ip', 'destination.port', 'process.name', 'process.name.text']);
    await store.ingestDocuments('logs-endpoint.events.network-default', [{ user: { id: 0 }, custom: 'x' }]);
    const later = snap(await store.resolve(['logs-*']));
    expect(later.fields.map((f) => f.name)).toEqual(['@timestamp', 'destination.ip', 'destination.port', 'process.name', 'process.name.text', 'user.id']);
    const [row] = await readParts(s.partFiles.slice(0, 1));
    expect(row).toEqual({
      '@timestamp': String(Date.UTC(2026, 0, 8, 0, 0, 0, 123)),
      'destination.ip': parseIp('8.8.8.8'),
      'destination.port': '53',
      'process.name': 'dig',
      'process.name.text': 'dig',
    });
    expect(await store.listIndices()).toEqual([
      { name: 'logs-endpoint.events.network-default', docCount: 2, minTimestamp: '2026-01-08T00:00:00.123Z', maxTimestamp: '2026-01-08T00:00:00.123Z', partCount: 2 },
    ]);
  });

  it('ingests endpoint-like events from an async line source', async () => {
    const store = newStore();
    async function* lines() {
      for (const e of endpointEvents(3000)) yield JSON.stringify(e) + '\r';
    }
    const r = await store.ingestLines('logs-endpoint.events.network-default', lines());
    expect(r).toEqual({ index: 'logs-endpoint.events.network-default', stored: 3000, rejected: 0, rejections: [] });
    const s = snap(await store.resolve(['logs-endpoint.events.network-*']));
    expect(s.multiValued).toEqual(['host.ip', 'process.args']);
    const rows = await readParts(s.partFiles, 'event.sequence');
    expect(rows).toHaveLength(3000);
    expect(rows[0]).toMatchObject({ 'event.category': 'network', 'event.type': 'start', 'host.os.type': 'linux', 'process.args#mv': ['-q', '/usr/bin/' + rows[0]['process.name']] });
    expect(rows.every((row) => typeof row['destination.ip'] === 'string' && (row['destination.ip'] as string).length === 32)).toBe(true);
  });

  it('maps other indices dynamically and persists the mapping', async () => {
    const store = newStore();
    await store.ingestDocuments('misc', [{ a: 'x', n: 1 }]);
    await store.ingestDocuments('misc', [{ b: true }]);
    const mapping = JSON.parse(readFileSync(mappingPath(store.dataDir, 'misc'), 'utf8'));
    expect(mapping.properties).toEqual({
      a: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
      n: { type: 'long' },
      b: { type: 'boolean' },
    });
    const s = snap(await store.resolve(['misc']));
    expect(s.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['a:text', 'a.keyword:keyword', 'b:boolean', 'n:long']);
  });

  it('splits large inputs into parts', async () => {
    const store = newStore({ partRows: 3000 });
    const docs = (function* () {
      for (let i = 0; i < 7000; i++) yield { '@timestamp': 1767830400000 + i, process: { pid: i } };
    })();
    const r = await store.ingestDocuments('big', docs, { mapping: NET_MAPPING });
    expect(r.stored).toBe(7000);
    const s = snap(await store.resolve(['big']));
    expect(s.partFiles).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(manifestPath(store.dataDir, 'big'), 'utf8')) as IndexManifest;
    expect(manifest.parts.map((p) => [p.docCount, p.minTimestamp, p.maxTimestamp])).toEqual([
      [3000, 1767830400000, 1767830402999],
      [3000, 1767830403000, 1767830405999],
      [1000, 1767830406000, 1767830406999],
    ]);
    const rows = await readParts(s.partFiles, 'process.pid');
    expect(rows.length).toBe(7000);
    expect(rows[6999]['process.pid']).toBe('6999');
  });

  it('refuses invalid index names', async () => {
    const store = newStore();
    await expect(store.ingestDocuments('Bad', [{}])).rejects.toThrow('Invalid index name [Bad]');
    await expect(store.ingestDocuments('../x', [{}])).rejects.toThrow();
  });
});

describe('resolve', () => {
  async function storeWith(names: string[]) {
    const store = newStore();
    for (const n of names) await store.ingestDocuments(n, [{ x: 1 }], { mapping: { properties: { x: { type: 'long' } } } });
    return store;
  }
  it('names, wildcards, comma lists, exclusions, unknown', async () => {
    const store = await storeWith(['logs-a', 'logs-b', 'metrics-a', 'other']);
    const names = async (p: string[]) => {
      const r = await store.resolve(p);
      return 'unknown' in r ? r : r.indices;
    };
    expect(await names(['logs-a'])).toEqual(['logs-a']);
    expect(await names(['logs-*'])).toEqual(['logs-a', 'logs-b']);
    expect(await names(['*'])).toEqual(['logs-a', 'logs-b', 'metrics-a', 'other']);
    expect(await names(['logs-*,metrics-*'])).toEqual(['logs-a', 'logs-b', 'metrics-a']);
    expect(await names(['logs-*', 'other'])).toEqual(['logs-a', 'logs-b', 'other']);
    expect(await names(['*', '-logs-*'])).toEqual(['metrics-a', 'other']);
    expect(await names(['*,-*-a'])).toEqual(['logs-b', 'other']);
    expect(await names(['-logs-a,logs-*'])).toEqual({ unknown: '-logs-a' });
    expect(await names(['logs-*', '-logs-a', 'logs-a'])).toEqual(['logs-a', 'logs-b']);
    expect(await names(['nope'])).toEqual({ unknown: 'nope' });
    expect(await names(['nope-*'])).toEqual({ unknown: 'nope-*' });
    expect(await names(['logs-a', 'nope'])).toEqual({ unknown: 'nope' });
    expect(await names(['logs-*', 'nope-*'])).toEqual(['logs-a', 'logs-b']);
    expect(await names(['*', '-*'])).toEqual({ unknown: '*,-*' });
  });
  it('reports conflicting types as unsupported with the indices', async () => {
    const store = newStore();
    await store.ingestDocuments('a1', [{ f: '1.2.3.4', g: 'x' }], { mapping: { properties: { f: { type: 'ip' }, g: { type: 'keyword' } } } });
    await store.ingestDocuments('a2', [{ f: 'x', g: 'y' }], { mapping: { properties: { f: { type: 'keyword' }, g: { type: 'wildcard' } } } });
    const s = snap(await store.resolve(['a*']));
    expect(s.fields).toEqual([
      { name: 'f', type: 'unsupported', conflicts: [{ type: 'ip', indices: ['a1'] }, { type: 'keyword', indices: ['a2'] }] },
      { name: 'g', type: 'keyword' },
    ]);
  });
  it('skips corrupted and missing parts', async () => {
    const store = newStore({ partRows: 2 });
    await store.ingestDocuments('c', [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }, { x: 5 }], { mapping: { properties: { x: { type: 'long' } } } });
    const before = snap(await store.resolve(['c']));
    expect(before.partFiles).toHaveLength(3);
    const [p1, p2, p3] = before.partFiles;
    truncateSync(p1, 100);
    rmSync(p2);
    writeFileSync(p3, '');
    const after = snap(await store.resolve(['c']));
    expect(after.partFiles).toEqual([]);
    expect(after.skipped).toEqual([
      { file: p1, reason: 'part file is not a Parquet file (bad magic)' },
      { file: p2, reason: 'part file is missing' },
      { file: p3, reason: 'part file is truncated' },
    ]);
  });
});

describe('deleteIndex', () => {
  it('removes an index; deleting a missing one is a no-op', async () => {
    const store = newStore();
    await store.ingestDocuments('gone', [{ x: 1 }]);
    expect((await store.listIndices()).map((i) => i.name)).toEqual(['gone']);
    await store.deleteIndex('gone');
    expect(await store.listIndices()).toEqual([]);
    expect(await store.resolve(['gone'])).toEqual({ unknown: 'gone' });
    await store.deleteIndex('gone');
  });
});
