/**
 * Test helper: ingests the same NDJSON files once through the JS path and once natively, with
 * small batches and parts so that their boundaries fall everywhere, and requires the same
 * reports, mappings, manifests, part schemas and rows.
 */
import { readFileSync, rmSync } from 'node:fs';
import { expect } from 'vitest';
import { openStore } from '../index';
import { manifestPath, mappingPath, partPath, type IndexManifest } from '../layout';
import type { IngestOptions, IngestReport } from '../types';
import { partSchema, readParts, tempDataDir } from '../test-helpers';

const dirs: string[] = [];

export function removeFidelityDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface Stored {
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

async function ingestAll(native: boolean, index: string, files: string[][], options: IngestOptions, batchLines: number, partRows: number): Promise<Stored> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const store = openStore(dataDir, { native, batchLines, partRows });
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

export async function expectSame(index: string, files: string[][], options: IngestOptions = {}, batchLines = 7, partRows = 13): Promise<Stored> {
  const js = await ingestAll(false, index, files, options, batchLines, partRows);
  const native = await ingestAll(true, index, files, options, batchLines, partRows);
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

