/**
 * The native ingest must store exactly what the JS path stores: the same rows in the same parts
 * (values, column types, line order), the same rejections with the same reasons, the same mapping.
 * Each case ingests the same lines twice, once per path, with small batches and parts so that
 * batch and part boundaries fall everywhere.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../index';
import { manifestPath, mappingPath, partPath, type IndexManifest } from '../layout';
import type { IngestOptions, IngestReport } from '../types';
import { partSchema, readParts, tempDataDir } from '../test-helpers';
import { ALL_TYPES_MAPPING, ecsLines, PROBE_LINES, randomLines } from './fidelity-lines';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Stored {
  reports: IngestReport[];
  mapping: unknown;
  parts: { info: unknown; schema: Record<string, string>; rows: Record<string, unknown>[] }[];
  multiValued: string[];
}

/** Mapping with object keys sorted: Elasticsearch returns mappings sorted too, so order carries nothing. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
  );
}

async function ingestAll(native: boolean, index: string, files: string[][], options: IngestOptions, batchLines: number): Promise<Stored> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const store = openStore(dataDir, { native, batchLines, partRows: 13 });
  const reports: IngestReport[] = [];
  for (const lines of files) reports.push(await store.ingestLines(index, lines, options));
  const manifest = JSON.parse(readFileSync(manifestPath(dataDir, index), 'utf8')) as IndexManifest;
  const parts = [];
  for (const p of manifest.parts) {
    const file = partPath(dataDir, index, p.file);
    parts.push({ info: { ...p, file: undefined }, schema: await partSchema(file), rows: await readParts([file]) });
  }
  return { reports, mapping: canonical(JSON.parse(readFileSync(mappingPath(dataDir, index), 'utf8'))), parts, multiValued: manifest.multiValued };
}

async function expectSame(index: string, files: string[][], options: IngestOptions = {}, batchLines = 7): Promise<Stored> {
  const js = await ingestAll(false, index, files, options, batchLines);
  const native = await ingestAll(true, index, files, options, batchLines);
  expect(native.reports).toEqual(js.reports);
  expect(native.mapping).toEqual(js.mapping);
  expect(native.multiValued).toEqual(js.multiValued);
  expect(native.parts.length).toBe(js.parts.length);
  for (let i = 0; i < js.parts.length; i++) {
    expect(native.parts[i].info).toEqual(js.parts[i].info);
    expect(native.parts[i].schema).toEqual(js.parts[i].schema);
    expect(native.parts[i].rows).toEqual(js.parts[i].rows);
  }
  return js;
}

describe('native ingest stores what the JS path stores', () => {
  it('probe lines under an explicit mapping of every type', async () => {
    const js = await expectSame('probe', [PROBE_LINES], { mapping: ALL_TYPES_MAPPING });
    expect(js.reports[0].rejected).toBeGreaterThan(20);
    expect(js.reports[0].stored).toBeGreaterThan(40);
  });

  it('probe lines under a dynamic mapping, in two ingests', async () => {
    await expectSame('dyn', [PROBE_LINES.slice(0, 40), PROBE_LINES.slice(40)]);
  });

  it('probe lines and realistic events under ECS (logs-*)', async () => {
    const js = await expectSame('logs-endpoint.events.network-default', [ecsLines(200, 3), PROBE_LINES.map((l) => l.replaceAll('"k"', '"process.name"'))]);
    expect(js.reports[0].stored).toBeGreaterThan(150);
    expect(js.reports[0].rejected).toBeGreaterThan(0);
  });

  it('seeded random documents, three mappings, batch sizes from 1 to 1000', async () => {
    for (const [seed, batch] of [
      [1, 1],
      [2, 5],
      [3, 64],
      [4, 1000],
    ]) {
      const lines = randomLines(300, seed);
      await expectSame('rand', [lines], { mapping: ALL_TYPES_MAPPING }, batch);
      await expectSame('rand-dyn', [lines], {}, batch);
      await expectSame('logs-rand', [lines.map((l) => l.replaceAll('"k"', '"host.name"').replaceAll('"ip"', '"source.ip"'))], {}, batch);
    }
  }, 120_000);
});
