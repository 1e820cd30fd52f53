/**
 * Test helper: ingests the same NDJSON files through the JS path, natively (lib/store/fast) and
 * through the compiled reader (native/, from lines and from bytes), with small batches and parts
 * so that their boundaries fall everywhere. The native path must give the same reports, mappings,
 * manifests, part schemas and rows part by part; the compiled one cuts parts its own way (a part
 * per batch, or per half of one), so it must give the same reports, mappings and rows in line order, and
 * each of its parts must be what the JS path would make of the same rows.
 */
import { readFileSync, rmSync } from 'node:fs';
import { expect } from 'vitest';
import { openStore } from '../index';
import { manifestPath, mappingPath, partPath, type IndexManifest } from '../layout';
import type { IngestOptions, IngestReport } from '../types';
import { DuckDBInstance } from '@duckdb/node-api';
import { tempDataDir } from '../test-helpers';
import { quoteString } from '../sql-text';
import { compiledIngest } from '../compiled/addon';

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

type Path = 'js' | 'native' | 'compiled' | 'compiled-bytes';

/** The lines as bytes in uneven chunks, so that chunk ends fall inside lines and characters. */
function* chunked(lines: string[]): Generator<Buffer> {
  const bytes = Buffer.from(lines.join('\n') + '\n');
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 4093) yield bytes.subarray(at, at + step);
}

async function ingestAll(way: Path, index: string, files: string[][], options: IngestOptions, batchLines: number, partRows: number): Promise<Stored> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  if (way.startsWith('compiled') && !compiledIngest()) throw new Error('the compiled ingest addon is not built (npm install builds it)');
  // from bytes, halves from 4 lines up, so that small batches are cut in two as short lines are;
  // from lines, whole batches (one surveyed while the one before is written), as most are
  const splitLines = way === 'compiled-bytes' ? 4 : undefined;
  const store = openStore(dataDir, { native: way !== 'js', compiled: way.startsWith('compiled'), batchLines, partRows, splitLines });
  const reports: IngestReport[] = [];
  for (const lines of files) reports.push(await (way === 'compiled-bytes' ? store.ingestBytes(index, chunked(lines), options) : store.ingestLines(index, lines, options)));
  const manifest = JSON.parse(readFileSync(manifestPath(dataDir, index), 'utf8')) as IndexManifest;
  const parts = [];
  // one connection for every part: the compiled path writes hundreds of one-row parts here
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    for (const p of manifest.parts) {
      const file = quoteString(partPath(dataDir, index, p.file));
      const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${file})`)).getRowObjectsJson();
      const schema = Object.fromEntries(described.map((r) => [String(r.column_name), String(r.column_type)]));
      const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet(${file})`)).getRowObjectsJson() as Record<string, unknown>[];
      parts.push({ info: { ...p, file: undefined }, schema, rows });
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return { reports, mapping: canonical(JSON.parse(readFileSync(mappingPath(dataDir, index), 'utf8'))), parts, multiValued: manifest.multiValued };
}

/** Rows without their absent (null) columns: parts with other column sets compare alike. */
function present(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
}

function expectSameRows(compiled: Stored, js: Stored, partRows: number): void {
  expect(compiled.reports).toEqual(js.reports);
  expect(compiled.mapping).toEqual(js.mapping);
  expect(compiled.multiValued).toEqual(js.multiValued);
  expect(present(compiled.parts.flatMap((p) => p.rows))).toEqual(present(js.parts.flatMap((p) => p.rows)));
  const types = Object.assign({}, ...js.parts.map((p) => p.schema)) as Record<string, string>;
  for (const part of compiled.parts) {
    const rows = present(part.rows);
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // as stage.ts summarises a part: a text or boolean @timestamp has no range
    const ranged = !['VARCHAR', 'BOOLEAN', undefined].includes(types['@timestamp']);
    const stamps = rows.flatMap((r) => (r['@timestamp'] === undefined || !ranged ? [] : [Number(r['@timestamp'])]));
    expect(rows.length).toBeLessThanOrEqual(partRows);
    // a part whose documents hold no value at all gets a placeholder column
    const named = columns.length ? columns : ['__row'];
    expect(part.info).toEqual({
      docCount: rows.length,
      columns: named,
      minTimestamp: stamps.length ? Math.min(...stamps) : null,
      maxTimestamp: stamps.length ? Math.max(...stamps) : null,
      file: undefined,
    });
    if (columns.length) expect(part.schema).toEqual(Object.fromEntries(columns.map((c) => [c, types[c]])));
    else expect(Object.keys(part.schema)).toEqual(named);
  }
}

export async function expectSame(index: string, files: string[][], options: IngestOptions = {}, batchLines = 7, partRows = 13): Promise<Stored> {
  const js = await ingestAll('js', index, files, options, batchLines, partRows);
  expectSameRows(await ingestAll('compiled', index, files, options, batchLines, partRows), js, partRows);
  // as bytes, a line break inside a line splits it, as readline does for the JS path of the CLI
  const asRead = files.map((lines) => (lines.join('\n') + '\n').split(/\r\n|\r|\n/).slice(0, -1));
  const jsAsRead = asRead.every((lines, i) => lines.length === files[i].length) ? js : await ingestAll('js', index, asRead, options, batchLines, partRows);
  expectSameRows(await ingestAll('compiled-bytes', index, files, options, batchLines, partRows), jsAsRead, partRows);
  const native = await ingestAll('native', index, files, options, batchLines, partRows);
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

